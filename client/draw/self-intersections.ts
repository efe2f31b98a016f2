import { kinks } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import type { SiteFeature } from './site-features.ts';

/** A place where a polygon's boundary crosses itself: refused on save, marked on the map. */
export interface SelfIntersection {
  featureId: string;
  name?: string;
  location: [number, number];
}

/** Self-intersections of the site's polygons (turf.kinks), one entry per distinct crossing point. */
export function findSelfIntersections(features: readonly SiteFeature[]): SelfIntersection[] {
  const found: SelfIntersection[] = [];
  for (const feature of features) {
    const g = feature.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    let points: Feature<Point>[];
    try {
      points = kinks(g).features;
    } catch {
      continue; // degenerate rings while drawing
    }
    const own: [number, number][] = [];
    for (const p of points) {
      const [lon, lat] = p.geometry.coordinates;
      // turf reports each crossing once per pair of edges; closer than ~1 cm is the same place.
      if (own.some(([x, y]) => Math.abs(x - lon) < 1e-7 && Math.abs(y - lat) < 1e-7)) continue;
      own.push([lon, lat]);
      found.push({ featureId: feature.id, name: feature.properties.name, location: [lon, lat] });
    }
  }
  return found;
}
