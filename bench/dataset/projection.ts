/**
 * One fixed equirectangular projection for the whole synthetic province: x = lon·K_LON, y = lat·K_LAT
 * in metres. Being linear, it maps straight segments to straight segments, so every validity argument
 * made in metres (star-shapedness, disjoint discs, edge cones) holds unchanged in lon/lat. Scale error
 * against the ellipsoid is ±2 % across 24.6–29.2 N, irrelevant for synthetic shapes.
 */
export interface Extent {
  west: number;
  south: number;
  east: number;
  north: number;
}

const REFERENCE_LAT = 26.9;
export const M_PER_DEG_LAT = 110_574;
export const M_PER_DEG_LON = 111_320 * Math.cos((REFERENCE_LAT * Math.PI) / 180);

/** Decimal places kept in the output: 1e-7° ≈ 1 cm, as surveyed data is usually delivered. */
const DECIMALS = 1e7;

const round7 = (deg: number): number => Math.round(deg * DECIMALS) / DECIMALS;

export function toLonLat(x: number, y: number): [number, number] {
  return [round7(x / M_PER_DEG_LON), round7(y / M_PER_DEG_LAT)];
}

export function toMetres(lon: number, lat: number): [number, number] {
  return [lon * M_PER_DEG_LON, lat * M_PER_DEG_LAT];
}

/** The extent in projected metres. */
export function extentMetres(e: Extent) {
  const [x0, y0] = toMetres(e.west, e.south);
  const [x1, y1] = toMetres(e.east, e.north);
  return { x0, y0, x1, y1, width: x1 - x0, height: y1 - y0, areaM2: (x1 - x0) * (y1 - y0) };
}
