import { area, length, lineString, polygon } from '@turf/turf';

export type MeasureKind = 'distance' | 'area';

/**
 * Geodesic measures of what the user clicked, on the sphere (Turf): a few 0.1 % from the CGCS2000
 * ellipsoid — fine for a measuring tool; official areas come from PostGIS on the ellipsoid.
 * Never Web Mercator (which would be ~12 % too large at 26° N).
 */
export function lengthM(points: [number, number][]): number {
  if (points.length < 2) return 0;
  return length(lineString(points), { units: 'kilometers' }) * 1000;
}

export function areaM2(points: [number, number][]): number {
  if (points.length < 3) return 0;
  return area(polygon([[...points, points[0]]]));
}

/** Perimeter of the closed ring. */
export function perimeterM(points: [number, number][]): number {
  return points.length < 3 ? lengthM(points) : lengthM([...points, points[0]]);
}
