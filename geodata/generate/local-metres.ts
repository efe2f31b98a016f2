/**
 * A local metric frame for 花溪区 (centre latitude 26.4°N). Shapes are designed in metres (widths,
 * radii, noise wavelengths) and converted to degrees here; over a 45 km district the error of this
 * equirectangular approximation is far below the ±1–2 km uncertainty of the gazetteer positions.
 * Areas in tests and in PostGIS are always computed on the sphere/ellipsoid, never with these factors.
 */
export const METRES_PER_DEGREE_LON = 99_775; // 111 412.84·cos φ − 93.5·cos 3φ at φ = 26.4°
export const METRES_PER_DEGREE_LAT = 110_794; // 111 132.92 − 559.82·cos 2φ + 1.175·cos 4φ

export type LonLat = [number, number];

/** Origin of the metric frame (south-west of the district), so metric coordinates stay positive. */
const ORIGIN: LonLat = [106.4, 26.1];

export function toMetres([lon, lat]: LonLat): [number, number] {
  return [(lon - ORIGIN[0]) * METRES_PER_DEGREE_LON, (lat - ORIGIN[1]) * METRES_PER_DEGREE_LAT];
}

export function toLonLat([x, y]: [number, number]): LonLat {
  return [ORIGIN[0] + x / METRES_PER_DEGREE_LON, ORIGIN[1] + y / METRES_PER_DEGREE_LAT];
}

/** Planar distance in metres between two lon/lat positions (local frame). */
export function distanceM(a: LonLat, b: LonLat): number {
  const dx = (a[0] - b[0]) * METRES_PER_DEGREE_LON;
  const dy = (a[1] - b[1]) * METRES_PER_DEGREE_LAT;
  return Math.hypot(dx, dy);
}

/** Moves a lon/lat position by a metric offset. */
export function offsetM([lon, lat]: LonLat, dxM: number, dyM: number): LonLat {
  return [lon + dxM / METRES_PER_DEGREE_LON, lat + dyM / METRES_PER_DEGREE_LAT];
}
