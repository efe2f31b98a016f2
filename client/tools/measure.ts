import { pathLengthM, ringAreaM2 } from '../../common/geo/measure.ts';

export type MeasureKind = 'distance' | 'area';

/**
 * What the user clicked, measured as the site summary and PostGIS geography measure it: geodesic
 * on the WGS84 ellipsoid (common/geo/measure.ts). Never Web Mercator (~12 % too large at 26° N).
 */
export const lengthM = (points: [number, number][]): number => pathLengthM(points);

export const areaM2 = (points: [number, number][]): number => (points.length < 3 ? 0 : ringAreaM2(points));

/** Perimeter of the closed ring. */
export function perimeterM(points: [number, number][]): number {
  return points.length < 3 ? lengthM(points) : lengthM([...points, points[0]]);
}
