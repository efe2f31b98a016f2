import { badRequest } from '../http/errors.ts';
import { gaussKrugerEpsg, getCrs, ZONE_RANGE, zone3FromLongitude } from '../geo/crs.ts';

/**
 * The coordinate reference systems the OGC API offers (Part 2, CRS by reference): CRS84 (lon, lat),
 * EPSG:4490 CGCS2000 geographic (lat, lon, as EPSG defines its axes) and the CGCS2000 3° Gauss-Krüger
 * zones that cover a collection, with and without the zone prefix (EPSG:4545 and EPSG:4524 for zone
 * 36), whose EPSG axis order is northing, easting. Data are stored in EPSG:4326; CGCS2000 is taken
 * as WGS84 (they agree to centimetres), so PostGIS transforms 4326 → 4490 as the identity.
 */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const EPSG_URI = 'http://www.opengis.net/def/crs/EPSG/0/';

export interface OgcCrs {
  uri: string;
  /** SRID in PostGIS's spatial_ref_sys (4326 for CRS84). */
  srid: number;
  /** True when the CRS's first axis is latitude or northing: coordinates are written y, x. */
  yFirst: boolean;
  geographic: boolean;
}

const crsUri = (epsg: number) => `${EPSG_URI}${epsg}`;

const CRS84_DEF: OgcCrs = { uri: CRS84, srid: 4326, yFirst: false, geographic: true };

/** EPSG codes of the CGCS2000 3° GK zones over a lon/lat extent: unprefixed then prefixed per zone. */
function gaussKrugerZonesOver(bbox: readonly [number, number, number, number] | null): number[] {
  if (!bbox) return [];
  const range = ZONE_RANGE[3];
  const first = Math.max(range.first, zone3FromLongitude(bbox[0]));
  const last = Math.min(range.last, zone3FromLongitude(bbox[2]));
  const codes: number[] = [];
  for (let zone = first; zone <= last; zone++) {
    for (const prefix of [false, true]) {
      const epsg = gaussKrugerEpsg('CGCS2000', 3, zone, prefix);
      if (epsg) codes.push(epsg);
    }
  }
  return codes;
}

/** The CRS URIs a collection with this lon/lat extent offers, CRS84 first (the default). */
export function collectionCrsList(bbox: readonly [number, number, number, number] | null): string[] {
  return [CRS84, crsUri(4490), ...gaussKrugerZonesOver(bbox).map(crsUri)];
}

function definition(uri: string): OgcCrs | undefined {
  if (uri === CRS84) return CRS84_DEF;
  const m = /^EPSG:(\d{4,5})$/.exec(uri) ?? /^http:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/(\d{4,5})$/.exec(uri);
  if (!m) return undefined;
  const epsg = Number(m[1]);
  if (epsg === 4490) return { uri: crsUri(4490), srid: 4490, yFirst: true, geographic: true };
  const crs = getCrs(epsg);
  if (crs?.kind !== 'projected' || crs.datum !== 'CGCS2000' || crs.projection !== 'gauss-kruger') return undefined;
  return { uri: crsUri(epsg), srid: epsg, yFirst: true, geographic: false };
}

/**
 * The CRS named by a `crs` or `bbox-crs` parameter (a URI, or the EPSG:n short form), if the
 * collection offers it; a bilingual 400 otherwise. Undefined input → CRS84.
 */
export function parseCrs(raw: string | undefined, offered: readonly string[], param: 'crs' | 'bbox-crs'): OgcCrs {
  if (raw === undefined || raw === '') return CRS84_DEF;
  const crs = definition(raw.trim().replace(/^\[(.*)\]$/, '$1'));
  if (!crs || !offered.includes(crs.uri)) {
    throw badRequest(
      'UNSUPPORTED_CRS',
      `${param} 不受支持：${raw.slice(0, 100)}。可用：${offered.join('、')}`,
      `Unsupported ${param}: ${raw.slice(0, 100)}. Offered: ${offered.join(', ')}`,
      { offered },
    );
  }
  return crs;
}

/**
 * A `bbox` in the axis order of its CRS, as x/y bounds [minX, minY, maxX, maxY] (x = lon or
 * easting). Four numbers, or six with heights (ignored). Degrees must be in range; min ≤ max.
 */
export function parseOgcBbox(raw: string | undefined, crs: OgcCrs): [number, number, number, number] | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = raw.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
  const four = n.length === 6 ? [n[0], n[1], n[3], n[4]] : n;
  const [a1, a2, b1, b2] = four;
  const ok = four.length === 4 && four.every(Number.isFinite) && a1 <= b1 && a2 <= b2;
  const [minX, minY, maxX, maxY] = crs.yFirst ? [a2, a1, b2, b1] : [a1, a2, b1, b2];
  const inRange = crs.geographic
    ? minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90
    : [minX, minY, maxX, maxY].every((v) => Math.abs(v) < 1e8);
  if (!ok || !inRange) {
    const order = crs.yFirst ? (crs.geographic ? '南,西,北,东（纬度在前）' : '最小北,最小东,最大北,最大东（北坐标在前）') : '西,南,东,北';
    const orderEn = crs.yFirst ? (crs.geographic ? 'south,west,north,east (latitude first)' : 'minN,minE,maxN,maxE (northing first)') : 'west,south,east,north';
    throw badRequest('BAD_BBOX', `bbox 应为 4 个数，顺序 ${order}，且最小值不大于最大值`, `bbox must be 4 numbers ordered ${orderEn}, min ≤ max`);
  }
  return [minX, minY, maxX, maxY];
}
