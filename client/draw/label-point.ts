import type { Geometry, Position } from 'geojson';

/** Crossings of the horizontal line at `y` with every ring edge (holes included). */
function crossings(rings: Position[][], y: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[i + 1];
      if ((y1 <= y && y2 > y) || (y2 <= y && y1 > y)) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
    }
  }
  return xs.sort((a, b) => a - b);
}

/**
 * Where to write a parcel's name: the middle of the widest stretch of the polygon's interior on a
 * few horizontal lines across it. Unlike the centroid it never falls into a hole (a 国土 parcel
 * with an excluded area) or outside a concave outline. Points and lines use their first position.
 */
export function labelPoint(geometry: Geometry): Position | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  if (polygons.length === 0) {
    if (geometry.type === 'Point') return geometry.coordinates;
    if (geometry.type === 'LineString') return geometry.coordinates[Math.floor(geometry.coordinates.length / 2)] ?? null;
    return null;
  }
  let best: { point: Position; width: number } | null = null;
  for (const rings of polygons) {
    const ys = rings[0].map((p) => p[1]);
    const minY = Math.min(...ys);
    const maxY = Math.max(...ys);
    for (const f of [0.5, 0.35, 0.65, 0.2, 0.8]) {
      const y = minY + (maxY - minY) * f;
      const xs = crossings(rings, y);
      for (let i = 0; i + 1 < xs.length; i += 2) {
        const width = xs[i + 1] - xs[i];
        // Prefer the middle line unless another is clearly wider.
        if (!best || width > best.width * 1.25) best = { point: [(xs[i] + xs[i + 1]) / 2, y], width };
      }
    }
  }
  return best?.point ?? rings0(polygons);
}

const rings0 = (polygons: Position[][][]) => polygons[0]?.[0]?.[0] ?? null;
