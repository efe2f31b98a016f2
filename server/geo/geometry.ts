import type { Geometry, Position } from 'geojson';
import { bboxOfPositions } from '../../common/geo/bbox.ts';

/** Small geometry helpers on plain coordinate arrays, independent of the CRS ([x, y] = [east, north] or [lon, lat]). */

export function mapPositions<G extends Geometry>(geometry: G, fn: (p: Position) => Position): G {
  const g = geometry as Geometry;
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: fn(g.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(fn) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((r) => r.map(fn)) } as G;
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))) } as G;
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => mapPositions(x, fn)) } as G;
  }
}

function forEachPosition(geometry: Geometry, fn: (p: Position) => void): void {
  mapPositions(geometry, (p) => {
    fn(p);
    return p;
  });
}

export function countPositions(geometry: Geometry): number {
  let n = 0;
  forEachPosition(geometry, () => n++);
  return n;
}

export const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

export const isRingClosed = (ring: Position[]) => ring.length > 0 && samePosition(ring[0], ring[ring.length - 1]);

/** Shoelace area with sign: > 0 when the ring runs counter-clockwise (x east, y north). Closed or open rings. */
export function signedRingArea(ring: Position[]): number {
  let twice = 0;
  const n = ring.length;
  if (n < 3) return 0;
  // Shift to the first vertex so that prefixed eastings (~3.6e7) do not cost precision.
  const [x0, y0] = ring[0];
  for (let i = 0; i < n; i++) {
    const [xa, ya] = ring[i];
    const [xb, yb] = ring[(i + 1) % n];
    twice += (xa - x0) * (yb - y0) - (xb - x0) * (ya - y0);
  }
  return twice / 2;
}

/** Planar polygon area: outer minus holes, whatever the ring orientation. */
export const polygonPlanarArea = (rings: Position[][]) =>
  rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(signedRingArea(ring)), 0);

/** Even-odd ray casting; points on the boundary may go either way. */
function pointInRing(point: Position, ring: Position[]): boolean {
  const x = point[0];
  const y = point[1];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0], yi = ring[i][1];
    const xj = ring[j][0], yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A ring lies inside another when most of its vertices do (tolerates holes touching the outer ring at a vertex). */
export function ringInsideRing(inner: Position[], outer: Position[]): boolean {
  const n = isRingClosed(inner) ? inner.length - 1 : inner.length;
  if (n <= 0) return false;
  // A majority vote over at most 101 evenly spaced vertices: the same answer for a ring that lies
  // inside or outside, and each test costs O(outer) instead of O(inner × outer) (30k × 30k before).
  const step = Math.max(1, Math.ceil(n / 101));
  let tested = 0;
  let inside = 0;
  for (let i = 0; i < n; i += step) {
    tested++;
    if (pointInRing(inner[i], outer)) inside++;
  }
  return inside * 2 > tested;
}

/** Orients rings: outer counter-clockwise and holes clockwise when outerCounterClockwise (RFC 7946), else the reverse (Shapefile). */
export function orientPolygon(rings: Position[][], outerCounterClockwise: boolean): Position[][] {
  return rings.map((ring, i) => {
    const wantCcw = i === 0 ? outerCounterClockwise : !outerCounterClockwise;
    const isCcw = signedRingArea(ring) > 0;
    return isCcw === wantCcw ? ring : [...ring].reverse();
  });
}

/** [minX, minY, maxX, maxY] of positions (common/geo/bbox.ts, the one bounding box). */
export const boundingBox = bboxOfPositions;

export function positionsOf(geometry: Geometry): Position[] {
  const out: Position[] = [];
  forEachPosition(geometry, (p) => out.push(p));
  return out;
}
