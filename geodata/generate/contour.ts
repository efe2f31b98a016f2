import * as turf from '@turf/turf';
import type { LonLat } from './local-metres.ts';
import { METRES_PER_DEGREE_LAT, METRES_PER_DEGREE_LON } from './local-metres.ts';
import { dropSmall, repair, type Area } from './polygon-ops.ts';

/**
 * Areas drawn as the level set {field > threshold} of a smooth scalar field, traced by marching
 * squares (turf.isobands) on a regular grid. A field made of "distance to a ridge or outline" plus
 * noise gives edges like those of mapped land cover: lobes, spurs, inlets, holes and outliers.
 */
export type Field = (position: LonLat) => number;

export interface ContourOptions {
  /** [west, south, east, north] of the grid; the field should be below threshold at its edges. */
  bbox: [number, number, number, number];
  cellM: number;
  threshold?: number;
  /** Parts and holes smaller than this are dropped (outliers of a few pixels). */
  minPartM2?: number;
}

export function contourArea(field: Field, { bbox, cellM, threshold = 0, minPartM2 = 20_000 }: ContourOptions): Area | null {
  const [w, s, e, n] = bbox;
  const dLon = cellM / METRES_PER_DEGREE_LON;
  const dLat = cellM / METRES_PER_DEGREE_LAT;
  const points: GeoJSON.Feature<GeoJSON.Point, { z: number }>[] = [];
  // Row-major grid as isobands expects (rows of equal latitude), with one guard cell all round
  // held below the threshold so every traced ring closes inside the grid.
  const cols = Math.ceil((e - w) / dLon) + 3;
  const rows = Math.ceil((n - s) / dLat) + 3;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const p: LonLat = [w + (c - 1) * dLon, s + (r - 1) * dLat];
      const edge = r === 0 || c === 0 || r === rows - 1 || c === cols - 1;
      points.push(turf.point(p, { z: edge ? threshold - 1 : field(p) }));
    }
  }
  const bands = turf.isobands(turf.featureCollection(points), [threshold, Number.MAX_VALUE], { zProperty: 'z' });
  const geom = bands.features[0]?.geometry;
  if (!geom || geom.coordinates.length === 0) return null;
  const repaired = repair(geom);
  return dropSmall(repaired, minPartM2, minPartM2);
}

/** Bounding box of lon/lat points grown by a margin in metres. */
export function bboxAround(points: LonLat[], marginM: number): [number, number, number, number] {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const mx = marginM / METRES_PER_DEGREE_LON;
  const my = marginM / METRES_PER_DEGREE_LAT;
  return [Math.min(...lons) - mx, Math.min(...lats) - my, Math.max(...lons) + mx, Math.max(...lats) + my];
}
