import proj4 from 'proj4';
import type { CoordinateHit } from '../../common/api/search.ts';

/**
 * A typed coordinate as a search hit: `lon,lat` in degrees, or CGCS2000 3° Gauss-Krüger `X,Y`
 * (northing first, as Chinese surveying writes it; easting with or without the zone prefix). The
 * zone comes from the prefix, else from the district's extent. Separators: comma (also ，), space,
 * semicolon. Lon/lat order is assumed for degrees; a pair that only fits as lat,lon is swapped.
 */
export type CoordinateResult = CoordinateHit;

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

function parsePair(q: string): [number, number] | null {
  const parts = q.trim().split(/\s*[,，;；]\s*|\s+/).filter(Boolean);
  if (parts.length !== 2 || !parts.every((p) => NUMBER.test(p))) return null;
  return [Number(parts[0]), Number(parts[1])];
}

const inChina = (lon: number, lat: number) => lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54;

function gkDefinition(zone: number, prefixed: boolean): string {
  const falseEasting = (prefixed ? zone * 1_000_000 : 0) + 500_000;
  return `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

/** Lon/lat of a GK point; `easting` with the zone prefix when `prefixed`. */
function fromGaussKruger(northing: number, easting: number, zone: number, prefixed: boolean): [number, number] {
  const [lon, lat] = proj4(gkDefinition(zone, prefixed), 'WGS84', [easting, northing]);
  return [lon, lat];
}

export interface ParsedCoordinate {
  lon: number;
  lat: number;
  crs: CoordinateResult['crs'];
  zone: number | null;
  label: { zh: string; en: string };
}

/**
 * Reads a coordinate pair, or returns null when the text is not one. `defaultZone` is the 3° zone
 * of the district (for unprefixed GK eastings).
 */
export function parseCoordinate(q: string, defaultZone: number): ParsedCoordinate | null {
  const pair = parsePair(q);
  if (!pair) return null;
  const [a, b] = pair;
  const degrees = (lon: number, lat: number): ParsedCoordinate => ({
    lon,
    lat,
    crs: 'EPSG:4490',
    zone: null,
    label: { zh: `经纬度 ${lon.toFixed(6)}, ${lat.toFixed(6)}`, en: `Lon/lat ${lon.toFixed(6)}, ${lat.toFixed(6)}` },
  });
  if (inChina(a, b)) return degrees(a, b);
  if (inChina(b, a)) return degrees(b, a);
  // Gauss-Krüger: the northing of China lies between 0.3 and 6 million metres.
  const isNorthing = (v: number) => v > 300_000 && v < 6_000_000;
  const isPrefixedEasting = (v: number) => v >= 13_000_000 && v < 46_000_000 && Math.floor(v / 1_000_000) >= 13 && Math.floor(v / 1_000_000) <= 45;
  const isPlainEasting = (v: number) => v > 0 && v < 1_000_000;
  let northing: number;
  let easting: number;
  if (isNorthing(a) && (isPrefixedEasting(b) || isPlainEasting(b))) [northing, easting] = [a, b];
  else if (isNorthing(b) && (isPrefixedEasting(a) || isPlainEasting(a))) [northing, easting] = [b, a];
  else return null;
  const prefixed = isPrefixedEasting(easting);
  const zone = prefixed ? Math.floor(easting / 1_000_000) : defaultZone;
  const [lon, lat] = fromGaussKruger(northing, easting, zone, prefixed);
  if (!inChina(lon, lat)) return null;
  const zoneZh = `CGCS2000 3°带 第${zone}带（中央经线 ${zone * 3}°E${prefixed ? '，带号前缀' : '，无带号，按所在区推定'}）`;
  const zoneEn = `CGCS2000 3° zone ${zone} (CM ${zone * 3}°E${prefixed ? ', zone prefix' : ', no prefix: zone of the district'})`;
  return {
    lon,
    lat,
    crs: `GK3-${zone}`,
    zone,
    label: { zh: `X=${northing}, Y=${easting}（${zoneZh}）`, en: `X=${northing}, Y=${easting} (${zoneEn})` },
  };
}
