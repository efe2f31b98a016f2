import { Geodesic } from 'geographiclib-geodesic';
import type { Geometry, Position } from 'geojson';

/**
 * Geodesic measurement on the WGS84 ellipsoid with GeographicLib (Karney's algorithms, the family
 * PostGIS geography uses), so what the planner sees while drawing is what PostGIS computes:
 * ellipsoidal area (rules.md §13: official statistics use 椭球面积, never Web Mercator, nor a
 * sphere, which overstates areas by ≈0.2 % at Huaxi). One implementation for the measure tool,
 * the site summary and the project page. CGCS2000 and WGS84 ellipsoids differ by 10⁻¹¹ in
 * flattening: nothing at this scale.
 */
export interface Measurement {
  /** Ellipsoidal area (m²) of polygons; 0 for points and lines. */
  areaM2: number;
  /** Length (m) of lines; perimeter (m) of polygons (outer rings); 0 for points. */
  lengthM: number;
}

const WGS84 = Geodesic.WGS84;

/** Geodesic length of a path of [lon, lat] positions (m). */
export function pathLengthM(path: readonly Position[]): number {
  if (path.length < 2) return 0;
  const line = WGS84.Polygon(true);
  for (const [lon, lat] of path) line.AddPoint(lat, lon);
  return line.Compute(false, true).perimeter;
}

/** Ellipsoidal area of a ring (m², orientation ignored); the closing position may be repeated or not. */
export function ringAreaM2(ring: readonly Position[]): number {
  if (ring.length < 3) return 0;
  const polygon = WGS84.Polygon(false);
  const closed = ring.length > 3 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];
  for (const [lon, lat] of closed ? ring.slice(0, -1) : ring) polygon.AddPoint(lat, lon);
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

/** Outer ring minus holes. */
const polygonAreaM2 = (rings: readonly Position[][]) => rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * ringAreaM2(ring), 0);

export function measureGeometry(geometry: Geometry): Measurement {
  switch (geometry.type) {
    case 'Point':
    case 'MultiPoint':
      return { areaM2: 0, lengthM: 0 };
    case 'LineString':
      return { areaM2: 0, lengthM: pathLengthM(geometry.coordinates) };
    case 'MultiLineString':
      return { areaM2: 0, lengthM: geometry.coordinates.reduce((s, l) => s + pathLengthM(l), 0) };
    case 'Polygon':
      return { areaM2: polygonAreaM2(geometry.coordinates), lengthM: pathLengthM(geometry.coordinates[0] ?? []) };
    case 'MultiPolygon':
      return geometry.coordinates.reduce(
        (m, rings) => ({ areaM2: m.areaM2 + polygonAreaM2(rings), lengthM: m.lengthM + pathLengthM(rings[0] ?? []) }),
        { areaM2: 0, lengthM: 0 },
      );
    case 'GeometryCollection':
      return geometry.geometries.reduce(
        (m, g) => {
          const part = measureGeometry(g);
          return { areaM2: m.areaM2 + part.areaM2, lengthM: m.lengthM + part.lengthM };
        },
        { areaM2: 0, lengthM: 0 },
      );
  }
}
