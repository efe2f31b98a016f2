import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import type { Bilingual } from '../http/errors.ts';
import { mapPositions } from './geometry.ts';
import { gaussKrugerZone3 } from '../../common/geo/gauss-kruger.ts';

/**
 * The coordinate reference systems a Chinese planning file arrives in, and the transforms to and
 * from EPSG:4326. Positions in code are always [x = easting or lon, y = northing or lat]; the
 * surveying habit X = northing, Y = easting lives only in the 国土 TXT module.
 *
 * Datums: CGCS2000 is used as if it were WGS84 — the two frames agree to a few centimetres, far
 * below what a screening tool resolves. 西安80 and 北京54 are accepted but their datum shift to
 * CGCS2000 (tens to 100+ metres, region-specific 7-parameter sets) is NOT applied: the projection
 * is undone on their own ellipsoid and the result is read as WGS84, with a warning every time.
 */

export type GeodeticDatum = 'WGS84' | 'CGCS2000' | 'Xian1980' | 'Beijing1954';

interface CrsBase {
  epsg: number;
  /** The EPSG registry name, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 36". */
  name: string;
  nameZh: string;
  datum: GeodeticDatum;
}
interface GeographicCrs extends CrsBase {
  kind: 'geographic';
}
interface ProjectedCrs extends CrsBase {
  kind: 'projected';
  projection: 'gauss-kruger' | 'utm' | 'web-mercator';
  /** Gauss-Krüger and UTM only. */
  zoneWidthDeg?: 3 | 6;
  zone?: number;
  centralMeridianDeg: number;
  falseEastingM: number;
  /** Easting carries the zone number in front (36 367 301.81 instead of 367 301.81). */
  hasZonePrefix: boolean;
  scaleFactor: number;
}
export type CrsDefinition = GeographicCrs | ProjectedCrs;

const ELLIPSOID: Record<GeodeticDatum, string> = {
  WGS84: 'WGS84',
  CGCS2000: 'GRS80', // the CGCS2000 ellipsoid has GRS80's a and 1/f (298.257222101)
  Xian1980: 'IAU76', // a = 6378140, 1/f = 298.257
  Beijing1954: 'krass', // Krassovsky 1940
};
const DATUM_NAME: Record<GeodeticDatum, { en: string; zh: string; geographicEpsg: number }> = {
  WGS84: { en: 'WGS 84', zh: 'WGS84', geographicEpsg: 4326 },
  CGCS2000: { en: 'CGCS2000', zh: '2000国家大地坐标系', geographicEpsg: 4490 },
  Xian1980: { en: 'Xian 1980', zh: '西安80坐标系', geographicEpsg: 4610 },
  Beijing1954: { en: 'Beijing 1954', zh: '北京54坐标系', geographicEpsg: 4214 },
};

/** First EPSG code of each Gauss-Krüger family; zone n / CM follow consecutively (checked against PROJ in tests). */
const GAUSS_KRUGER_FAMILIES: { datum: GeodeticDatum; widthDeg: 3 | 6; prefixed: number; unprefixed: number }[] = [
  { datum: 'CGCS2000', widthDeg: 3, prefixed: 4513, unprefixed: 4534 },
  { datum: 'CGCS2000', widthDeg: 6, prefixed: 4491, unprefixed: 4502 },
  { datum: 'Xian1980', widthDeg: 3, prefixed: 2349, unprefixed: 2370 },
  { datum: 'Xian1980', widthDeg: 6, prefixed: 2327, unprefixed: 2338 },
  { datum: 'Beijing1954', widthDeg: 3, prefixed: 2401, unprefixed: 2422 },
  { datum: 'Beijing1954', widthDeg: 6, prefixed: 21413, unprefixed: 21453 },
];
/** Zones covering China: 3° zones 25–45 (CM 75°E–135°E), 6° zones 13–23 (CM 75°E–135°E). */
export const ZONE_RANGE = { 3: { first: 25, last: 45 }, 6: { first: 13, last: 23 } } as const;

const centralMeridianOfZone = (zone: number, widthDeg: 3 | 6) => (widthDeg === 3 ? 3 * zone : 6 * zone - 3);
/** 3° zone n spans CM ± 1.5° with CM = 3n. */
export const zone3FromLongitude = gaussKrugerZone3;
/** 6° zone n spans 6(n−1)°…6n° with CM = 6n − 3. */
export const zone6FromLongitude = (lonDeg: number) => Math.floor(lonDeg / 6) + 1;
export const zoneFromLongitude = (lonDeg: number, widthDeg: 3 | 6) =>
  widthDeg === 3 ? zone3FromLongitude(lonDeg) : zone6FromLongitude(lonDeg);

/** The zone number written in front of a prefixed easting (Y = 36 367 301.81 → 36); undefined without prefix. */
export function zoneFromPrefixedEasting(eastingM: number): number | undefined {
  if (!Number.isFinite(eastingM) || eastingM < 10_000_000) return undefined;
  return Math.floor(eastingM / 1_000_000);
}

/** Which zone width a prefix number belongs to: 25–45 are 3° zones, 13–23 are 6° zones (disjoint in China). */
export function zoneWidthOfPrefix(zone: number): 3 | 6 | undefined {
  if (zone >= ZONE_RANGE[3].first && zone <= ZONE_RANGE[3].last) return 3;
  if (zone >= ZONE_RANGE[6].first && zone <= ZONE_RANGE[6].last) return 6;
  return undefined;
}

function buildCatalogue(): CrsDefinition[] {
  const out: CrsDefinition[] = [];
  for (const datum of Object.keys(DATUM_NAME) as GeodeticDatum[]) {
    const n = DATUM_NAME[datum];
    const enName = datum === 'CGCS2000' ? 'China Geodetic Coordinate System 2000' : n.en;
    // CGCS2000 and WGS84 differ by centimetres: CGCS2000 lon/lat are used as WGS84, and the name says so.
    const nameZh = datum === 'CGCS2000' ? `${n.zh} 经纬度（按 WGS84 使用，差异厘米级）` : `${n.zh} 经纬度`;
    out.push({ kind: 'geographic', epsg: n.geographicEpsg, name: enName, nameZh, datum });
  }
  for (const family of GAUSS_KRUGER_FAMILIES) {
    const { first, last } = ZONE_RANGE[family.widthDeg];
    const dn = DATUM_NAME[family.datum];
    const degreeEn = family.widthDeg === 3 ? '3-degree ' : '';
    for (let zone = first; zone <= last; zone++) {
      const cm = centralMeridianOfZone(zone, family.widthDeg);
      const common = {
        kind: 'projected' as const,
        datum: family.datum,
        projection: 'gauss-kruger' as const,
        zoneWidthDeg: family.widthDeg,
        zone,
        centralMeridianDeg: cm,
        scaleFactor: 1,
      };
      out.push({
        ...common,
        epsg: family.prefixed + zone - first,
        name: `${dn.en} / ${degreeEn}Gauss-Kruger zone ${zone}`,
        nameZh: `${dn.zh} 高斯-克吕格 ${family.widthDeg}度带 第${zone}带（Y 含带号）`,
        falseEastingM: zone * 1_000_000 + 500_000,
        hasZonePrefix: true,
      });
      out.push({
        ...common,
        epsg: family.unprefixed + zone - first,
        name: `${dn.en} / ${degreeEn}Gauss-Kruger CM ${cm}E`,
        nameZh: `${dn.zh} 高斯-克吕格 ${family.widthDeg}度带 中央经线${cm}°（Y 不含带号）`,
        falseEastingM: 500_000,
        hasZonePrefix: false,
      });
    }
  }
  for (let zone = 43; zone <= 53; zone++) {
    out.push({
      kind: 'projected',
      epsg: 32600 + zone,
      name: `WGS 84 / UTM zone ${zone}N`,
      nameZh: `WGS84 UTM 第${zone}带（北）`,
      datum: 'WGS84',
      projection: 'utm',
      zoneWidthDeg: 6,
      zone,
      centralMeridianDeg: 6 * zone - 183,
      falseEastingM: 500_000,
      hasZonePrefix: false,
      scaleFactor: 0.9996,
    });
  }
  out.push({
    kind: 'projected',
    epsg: 3857,
    name: 'WGS 84 / Pseudo-Mercator',
    nameZh: 'Web 墨卡托（网络地图）',
    datum: 'WGS84',
    projection: 'web-mercator',
    centralMeridianDeg: 0,
    falseEastingM: 0,
    hasZonePrefix: false,
    scaleFactor: 1,
  });
  return out;
}

const CATALOGUE = buildCatalogue();
const BY_EPSG = new Map(CATALOGUE.map((c) => [c.epsg, c]));

export const listCrs = (): readonly CrsDefinition[] => CATALOGUE;
export const getCrs = (epsg: number): CrsDefinition | undefined => BY_EPSG.get(epsg);

/** The EPSG code of a Gauss-Krüger CRS by datum, zone width, zone number and prefix habit. */
export function gaussKrugerEpsg(datum: GeodeticDatum, widthDeg: 3 | 6, zone: number, withPrefix: boolean): number | undefined {
  const family = GAUSS_KRUGER_FAMILIES.find((f) => f.datum === datum && f.widthDeg === widthDeg);
  const { first, last } = ZONE_RANGE[widthDeg];
  if (!family || !Number.isInteger(zone) || zone < first || zone > last) return undefined;
  return (withPrefix ? family.prefixed : family.unprefixed) + zone - first;
}

/** Datums whose shift to CGCS2000/WGS84 we do not apply; every import in them gets this warning. */
export function datumShiftWarning(crs: CrsDefinition): Bilingual | undefined {
  if (crs.datum !== 'Xian1980' && crs.datum !== 'Beijing1954') return undefined;
  const zh = DATUM_NAME[crs.datum].zh;
  return {
    zh: `${zh}（EPSG:${crs.epsg}）已按其椭球反算经纬度，但未做到 2000 国家大地坐标系的基准转换（需当地七参数）：位置可能偏差数十至百余米，仅供粗查，正式审查请先转换为 CGCS2000。`,
    en: `${crs.name} (EPSG:${crs.epsg}) was unprojected on its own ellipsoid but the datum shift to CGCS2000 was NOT applied (it needs local 7-parameter sets): positions may be off by tens to 100+ metres. Screening only — convert to CGCS2000 before a formal review.`,
  };
}

function proj4Definition(crs: CrsDefinition): string {
  const ellps = ELLIPSOID[crs.datum];
  if (crs.kind === 'geographic') return `+proj=longlat +ellps=${ellps} +no_defs`;
  if (crs.projection === 'web-mercator') return '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +no_defs';
  // proj4js's tmerc is the exact Poder/Engsager algorithm (as PROJ), not the Snyder series.
  return `+proj=tmerc +lat_0=0 +lon_0=${crs.centralMeridianDeg} +k=${crs.scaleFactor} +x_0=${crs.falseEastingM} +y_0=0 +ellps=${ellps} +units=m +no_defs`;
}

const converters = new Map<number, proj4.Converter>();
/** lon/lat on the CRS's own ellipsoid ⇄ its projected plane; no datum transformation by design. */
function planeConverter(crs: ProjectedCrs): proj4.Converter {
  let c = converters.get(crs.epsg);
  if (!c) {
    c =
      crs.projection === 'web-mercator'
        ? proj4('EPSG:4326', 'EPSG:3857') // proj4js's built-in pair, spherical formulas on WGS84 lon/lat
        : proj4(`+proj=longlat +ellps=${ELLIPSOID[crs.datum]} +no_defs`, proj4Definition(crs));
    converters.set(crs.epsg, c);
  }
  return c;
}

function requireCrs(epsg: number): CrsDefinition {
  const crs = getCrs(epsg);
  if (!crs) throw new Error(`EPSG:${epsg} is not in the CRS catalogue`);
  return crs;
}

/** One position of the CRS ([easting, northing] or [lon, lat]) → [lon, lat] WGS84. */
export function positionToWgs84(position: Position, epsg: number): [number, number] {
  const crs = requireCrs(epsg);
  if (crs.kind === 'geographic') return [position[0], position[1]];
  const [lon, lat] = planeConverter(crs).inverse([position[0], position[1]]);
  return [lon, lat];
}

/** [lon, lat] WGS84 → one position of the CRS ([easting, northing] or [lon, lat]). */
export function positionFromWgs84(position: Position, epsg: number): [number, number] {
  const crs = requireCrs(epsg);
  if (crs.kind === 'geographic') return [position[0], position[1]];
  const [x, y] = planeConverter(crs).forward([position[0], position[1]]);
  return [x, y];
}

export function toWgs84<G extends Geometry>(geometry: G, epsg: number): G {
  requireCrs(epsg);
  return mapPositions(geometry, (p) => positionToWgs84(p, epsg));
}

export function fromWgs84<G extends Geometry>(geometry: G, epsg: number): G {
  requireCrs(epsg);
  return mapPositions(geometry, (p) => positionFromWgs84(p, epsg));
}

/** "CGCS2000 / 3-degree Gauss-Kruger zone 36（2000国家大地坐标系 …）" for the API's crs.name. */
export const displayName = (crs: CrsDefinition) => `${crs.name}（${crs.nameZh}）`;
