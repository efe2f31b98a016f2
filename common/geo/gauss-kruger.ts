import proj4 from 'proj4';

/**
 * CGCS2000 3° Gauss-Krüger coordinates of a point, as 勘测定界 and 国土 files write them
 * (rules.md §13): X = northing, Y = easting with the zone number as prefix (EPSG:4513–4533).
 * CGCS2000 and WGS84 differ by centimetres at most; lon/lat are taken as CGCS2000 directly.
 * Pure (no Node or DOM): the client's report page and the server's PDF use the same function.
 */
export interface GaussKrugerPoint {
  zone: number;
  /** EPSG code of the zone with the prefix (4513 = zone 25 … 4533 = zone 45). */
  epsg: number | null;
  centralMeridian: number;
  /** Northing (m). */
  x: number;
  /** Easting (m) including the zone prefix, e.g. 36 367 301.81. */
  y: number;
}

/** 3° zone of a longitude: central meridian 3 × zone, so 106.67° E → zone 36 (CM 108° E). */
export function gaussKrugerZone3(lon: number): number {
  return Math.round(lon / 3);
}

function zoneDefinition(zone: number): string {
  const falseEasting = zone * 1_000_000 + 500_000;
  return `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

export function toGaussKrugerZone3(lon: number, lat: number, zone = gaussKrugerZone3(lon)): GaussKrugerPoint {
  const [easting, northing] = proj4('WGS84', zoneDefinition(zone), [lon, lat]);
  return {
    zone,
    epsg: zone >= 25 && zone <= 45 ? 4513 + zone - 25 : null,
    centralMeridian: zone * 3,
    x: northing,
    y: easting,
  };
}
