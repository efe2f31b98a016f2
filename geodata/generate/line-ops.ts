import * as turf from '@turf/turf';
import type { LineString } from 'geojson';
import type { LonLat } from './local-metres.ts';
import type { Area } from './polygon-ops.ts';

/** Operations on river lines and corridor centre lines, distances in metres along the line. */

export function lengthM(line: LineString): number {
  return turf.length(turf.feature(line), { units: 'meters' });
}

/** The part of a line between two distances from its start (clamped to the line). */
export function sliceAlong(line: LineString, fromM: number, toM: number): LineString {
  const total = lengthM(line);
  const a = Math.max(0, Math.min(fromM, total));
  const b = Math.max(0, Math.min(toM, total));
  return turf.lineSliceAlong(turf.feature(line), a, b, { units: 'meters' }).geometry;
}

/** Distance along the line of the vertex nearest to a position. */
export function distanceAlongTo(line: LineString, position: LonLat): number {
  const nearest = turf.nearestPointOnLine(turf.feature(line), turf.point(position), { units: 'meters' });
  return nearest.properties.location ?? 0;
}

/** Pieces of a line inside an area (rivers end at the district boundary). */
export function clipLine(line: LineString, area: Area): LineString[] {
  const pieces = turf.lineSplit(turf.feature(line), turf.feature(area)).features.map((f) => f.geometry);
  const candidates = pieces.length > 0 ? pieces : [line];
  return candidates.filter((piece) => {
    const mid = turf.along(turf.feature(piece), lengthM(piece) / 2, { units: 'meters' });
    return lengthM(piece) > 1 && turf.booleanPointInPolygon(mid, turf.feature(area));
  });
}

/** Joins pieces back into the longest continuous line (drops tiny outside excursions). */
export function longestPiece(pieces: LineString[]): LineString | null {
  if (pieces.length === 0) return null;
  return pieces.reduce((best, p) => (lengthM(p) > lengthM(best) ? p : best));
}
