import proj4 from 'proj4';

/**
 * CGCS2000 3° Gauss-Krüger (rules.md §13): zone n has its central meridian at 3n°E, scale 1,
 * false easting n × 10⁶ + 500 000 m (the zone prefix, EPSG:4513–4533 for zones 25–45). Surveyors
 * write X = northing, Y = easting with the prefix: 106.67°E 26.41°N → X 2 922 944.07,
 * Y 36 367 301.81 (zone 36, EPSG:4524). CGCS2000 uses the GRS80-like CGCS2000 ellipsoid
 * (a = 6 378 137, 1/f = 298.257222101), which proj4 knows as GRS80.
 */
export interface GaussKruger {
  zone: number;
  centralMeridian: number;
  /** Northing in metres. */
  x: number;
  /** Easting in metres, with the zone prefix. */
  y: number;
  /** EPSG code of the zone-prefixed CRS, when the zone has one (25–45). */
  epsg: number | null;
}

const converters = new Map<number, proj4.Converter>();

function converterFor(zone: number): proj4.Converter {
  let c = converters.get(zone);
  if (!c) {
    const def = `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${zone * 1_000_000 + 500_000} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
    c = proj4('EPSG:4326', def);
    converters.set(zone, c);
  }
  return c;
}

/** The 3° zone whose central meridian is nearest: the zone the point lies in. */
export const gkZoneOf = (lon: number) => Math.round(lon / 3);

export function toGaussKruger(lon: number, lat: number, zone = gkZoneOf(lon)): GaussKruger {
  const [easting, northing] = converterFor(zone).forward([lon, lat]);
  return { zone, centralMeridian: zone * 3, x: northing, y: easting, epsg: zone >= 25 && zone <= 45 ? 4488 + zone : null };
}

/** [lon, lat] of a CGCS2000 3° Gauss-Krüger position: X northing, Y easting with the zone prefix (zone × 10⁶ + 500 000 + …). */
export function fromGaussKruger(x: number, yWithPrefix: number, zone: number): [number, number] {
  const [lon, lat] = converterFor(zone).inverse([yWithPrefix, x]);
  return [lon, lat];
}
