import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

/** Reads the committed reference dataset (geodata/) the way a consumer would: plain files. */
export const GEODATA_DIR = path.resolve(import.meta.dirname, '../../geodata');

export interface CatalogEntry {
  id: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  group: string;
  geometryType: string;
  levels: string[];
  checked: boolean;
  illustrative: boolean;
  legendOrder: number;
  source: { zh: string; en: string; package?: string; version?: string };
  style: { fill: string; line: string; fillOpacity: number; lineWidth: number; dash?: number[]; levelColors?: Record<string, string> };
}

export type AnyFeature = Feature<Geometry, Record<string, unknown>> & { id: string };
export type AreaFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>> & { id: string };

export function readCatalog(dir = GEODATA_DIR): CatalogEntry[] {
  return JSON.parse(fs.readFileSync(path.join(dir, 'catalog.json'), 'utf8'));
}

export function readLayer(id: string, dir = GEODATA_DIR): AnyFeature[] {
  const fc = JSON.parse(fs.readFileSync(path.join(dir, 'layers', `${id}.geojson`), 'utf8')) as FeatureCollection;
  return fc.features as AnyFeature[];
}

export function readDemoProjects(dir = GEODATA_DIR): AnyFeature[] {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'demo-projects.geojson'), 'utf8')) as FeatureCollection).features as AnyFeature[];
}

export const areaOf = (f: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon) => turf.area(f);

/** Area (m², spherical) of the intersection of two areas, 0 when disjoint. */
export function overlapM2(a: AreaFeature | Polygon | MultiPolygon, b: AreaFeature | Polygon | MultiPolygon): number {
  const fa = 'type' in a && a.type === 'Feature' ? a : turf.feature(a as Polygon | MultiPolygon);
  const fb = 'type' in b && b.type === 'Feature' ? b : turf.feature(b as Polygon | MultiPolygon);
  if (!turf.booleanIntersects(turf.bboxPolygon(turf.bbox(fa)), turf.bboxPolygon(turf.bbox(fb)))) return 0;
  const i = turf.intersect(turf.featureCollection([fa as AreaFeature, fb as AreaFeature]));
  return i ? turf.area(i) : 0;
}

/** Union of many area features (one polyclip call). */
export function unionOf(features: (AreaFeature | Feature<Polygon | MultiPolygon>)[]): Feature<Polygon | MultiPolygon> {
  if (features.length === 1) return features[0];
  const u = turf.union(turf.featureCollection(features as Feature<Polygon | MultiPolygon>[]));
  if (!u) throw new Error('empty union');
  return u;
}

/** Sum of the intersection areas of every pair of features (bbox-filtered). */
export function pairwiseOverlapM2(features: AreaFeature[]): { total: number; worst: number; worstPair: string } {
  let total = 0;
  let worst = 0;
  let worstPair = '';
  for (let i = 0; i < features.length; i++) {
    for (let j = i + 1; j < features.length; j++) {
      const a = overlapM2(features[i], features[j]);
      total += a;
      if (a > worst) {
        worst = a;
        worstPair = `${features[i].id} × ${features[j].id}`;
      }
    }
  }
  return { total, worst, worstPair };
}

export const isArea = (f: AnyFeature): f is AreaFeature => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
