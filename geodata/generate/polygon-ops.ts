import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Boolean operations and clean-up on (Multi)Polygon geometries. Thin wrappers over turf (polyclip),
 * working on bare geometries and returning null for "empty", so layer code reads as set algebra.
 */

export type Area = Polygon | MultiPolygon;
type Rings = Position[][];

export function partsOf(geom: Area | null | undefined): Rings[] {
  if (!geom) return [];
  return geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
}

export function fromParts(parts: Rings[]): Area | null {
  if (parts.length === 0) return null;
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

const asFeature = (geom: Area) => turf.feature(geom);

export function union(...geoms: (Area | null | undefined)[]): Area | null {
  const present = geoms.filter((g): g is Area => !!g);
  if (present.length === 0) return null;
  if (present.length === 1) return repair(present[0]);
  return turf.union(turf.featureCollection(present.map(asFeature)))?.geometry ?? null;
}

export function intersect(a: Area | null, b: Area | null): Area | null {
  if (!a || !b) return null;
  return turf.intersect(turf.featureCollection([asFeature(a), asFeature(b)]))?.geometry ?? null;
}

export function difference(a: Area | null, ...subtract: (Area | null | undefined)[]): Area | null {
  let result = a;
  for (const b of subtract) {
    if (!result || !b) continue;
    result = turf.difference(turf.featureCollection([asFeature(result), asFeature(b)]))?.geometry ?? null;
  }
  return result;
}

/** Area on the sphere (turf), in m². */
export function areaM2(geom: Area | null): number {
  return geom ? turf.area(asFeature(geom)) : 0;
}

const ringAreaM2 = (ring: Position[]) => turf.area(turf.polygon([ring]));

/**
 * Drops parts smaller than `minPartM2` and holes smaller than `minHoleM2` (slivers left by boolean
 * operations and quantisation artefacts of source outlines).
 */
export function dropSmall(geom: Area | null, minPartM2: number, minHoleM2 = minPartM2): Area | null {
  const kept = partsOf(geom)
    .filter((rings) => ringAreaM2(rings[0]) >= minPartM2)
    .map((rings) => [rings[0], ...rings.slice(1).filter((hole) => ringAreaM2(hole) >= minHoleM2)]);
  return fromParts(kept);
}

/** Resolves self-intersections (e.g. a ribbon folding on a tight bend) by a union with itself. */
export function repair(geom: Area): Area | null {
  const f = asFeature(geom);
  return turf.union(turf.featureCollection([f, f]))?.geometry ?? null;
}

/** Polygons of a geometry as separate geometries (for one feature per patch). */
export function splitParts(geom: Area | null): Polygon[] {
  return partsOf(geom).map((coordinates) => ({ type: 'Polygon', coordinates }));
}

export function bufferM(geom: Area | GeoJSON.LineString | GeoJSON.Point, metres: number, steps = 12): Area | null {
  const out = turf.buffer(turf.feature(geom), metres, { units: 'meters', steps });
  return (out?.geometry as Area | undefined) ?? null;
}

/** Largest part of a geometry (e.g. the main body of a district outline). */
export function largestPart(geom: Area): Polygon {
  const parts = splitParts(geom);
  return parts.reduce((best, p) => (areaM2(p) > areaM2(best) ? p : best), parts[0]);
}
