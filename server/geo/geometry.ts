import type { Geometry, Position } from 'geojson';

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

export function forEachPosition(geometry: Geometry, fn: (p: Position) => void): void {
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
export function pointInRing(point: Position, ring: Position[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A ring lies inside another when most of its vertices do (tolerates holes touching the outer ring at a vertex). */
export function ringInsideRing(inner: Position[], outer: Position[]): boolean {
  const vertices = isRingClosed(inner) ? inner.slice(0, -1) : inner;
  if (vertices.length === 0) return false;
  const inside = vertices.filter((p) => pointInRing(p, outer)).length;
  return inside * 2 > vertices.length;
}

/** Orients rings: outer counter-clockwise and holes clockwise when outerCounterClockwise (RFC 7946), else the reverse (Shapefile). */
export function orientPolygon(rings: Position[][], outerCounterClockwise: boolean): Position[][] {
  return rings.map((ring, i) => {
    const wantCcw = i === 0 ? outerCounterClockwise : !outerCounterClockwise;
    const isCcw = signedRingArea(ring) > 0;
    return isCcw === wantCcw ? ring : [...ring].reverse();
  });
}

export function boundingBox(positions: Iterable<Position>): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of positions) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

export function positionsOf(geometry: Geometry): Position[] {
  const out: Position[] = [];
  forEachPosition(geometry, (p) => out.push(p));
  return out;
}
