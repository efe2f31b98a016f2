import type { Position } from 'geojson';

/**
 * GCJ-02 ("火星坐标"), the obfuscated lon/lat of 高德 (AMap), 腾讯 and other Chinese web maps, back to
 * WGS84. The forward formula is the widely published reconstruction; the inverse iterates it. The
 * reconstruction itself matches the official offsets to about 1–2 m, so treat results as APPROXIMATE —
 * good for screening, not for 勘测定界. Outside China's rough box GCJ-02 equals WGS84.
 */
const KRASSOVSKY_A = 6378245.0;
const KRASSOVSKY_E2 = 0.00669342162296594323;

const outsideChina = (lon: number, lat: number) => lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function offsetLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS84 → GCJ-02 (what a Chinese web map would show for a true position). */
export function wgs84ToGcj02([lon, lat]: Position): [number, number] {
  if (outsideChina(lon, lat)) return [lon, lat];
  const radLat = (lat / 180) * Math.PI;
  const sinLat = Math.sin(radLat);
  const w = 1 - KRASSOVSKY_E2 * sinLat * sinLat;
  const sqrtW = Math.sqrt(w);
  const dLat = (offsetLat(lon - 105, lat - 35) * 180) / (((KRASSOVSKY_A * (1 - KRASSOVSKY_E2)) / (w * sqrtW)) * Math.PI);
  const dLon = (offsetLon(lon - 105, lat - 35) * 180) / ((KRASSOVSKY_A / sqrtW) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 → WGS84 by fixed-point iteration of the forward formula (converges to < 1e-9° in a few steps). */
export function gcj02ToWgs84(position: Position): [number, number] {
  const [gLon, gLat] = position;
  let lon = gLon;
  let lat = gLat;
  for (let i = 0; i < 30; i++) {
    const [fLon, fLat] = wgs84ToGcj02([lon, lat]);
    const eLon = fLon - gLon;
    const eLat = fLat - gLat;
    lon -= eLon;
    lat -= eLat;
    if (Math.abs(eLon) < 1e-10 && Math.abs(eLat) < 1e-10) break;
  }
  return [lon, lat];
}
