import { gaussKrugerEpsg, getCrs, ZONE_RANGE, type GeodeticDatum } from './crs.ts';

/**
 * A Shapefile .prj (WKT1 as written by ArcGIS or GDAL, or WKT2) → an EPSG code of the catalogue.
 * An AUTHORITY/ID wins when present; otherwise the ellipsoid decides the datum and the projection
 * parameters (central meridian, false easting, scale) decide the zone — which is how
 * "CGCS2000_3_Degree_GK_CM_108E" and "CGCS2000 / 3-degree Gauss-Kruger zone 36" are recognised
 * whatever they are called.
 */
interface WktNode {
  keyword: string;
  args: (string | number | WktNode)[];
}

export type WktIdentification = { epsg: number; name: string } | { epsg: undefined; name: string; reason: string };

function parseWkt(text: string): WktNode {
  let i = 0;
  const s = text.trim();
  const skip = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const node = (): WktNode => {
    skip();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
    if (!m) throw new Error(`keyword expected at ${i}`);
    i += m[0].length;
    skip();
    const open = s[i];
    if (open !== '[' && open !== '(') return { keyword: m[0].toUpperCase(), args: [] }; // bare enum, e.g. NORTH
    const close = open === '[' ? ']' : ')';
    i++;
    const args: WktNode['args'] = [];
    for (;;) {
      skip();
      if (s[i] === '"') {
        const end = s.indexOf('"', i + 1);
        if (end < 0) throw new Error('unterminated string');
        args.push(s.slice(i + 1, end));
        i = end + 1;
      } else if (/[-+\d.]/.test(s[i] ?? '')) {
        const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s.slice(i));
        if (!n) throw new Error(`number expected at ${i}`);
        args.push(Number(n[0]));
        i += n[0].length;
      } else args.push(node());
      skip();
      if (s[i] === ',') i++;
      else if (s[i] === close) {
        i++;
        return { keyword: m[0].toUpperCase(), args };
      } else throw new Error(`"," or "${close}" expected at ${i}`);
    }
  };
  return node();
}

const children = (n: WktNode, ...keywords: string[]) => n.args.filter((a): a is WktNode => typeof a === 'object' && keywords.includes(a.keyword));
const child = (n: WktNode, ...keywords: string[]) => children(n, ...keywords)[0];
function find(n: WktNode, ...keywords: string[]): WktNode | undefined {
  for (const a of n.args)
    if (typeof a === 'object') {
      if (keywords.includes(a.keyword)) return a;
      const deeper = find(a, ...keywords);
      if (deeper) return deeper;
    }
  return undefined;
}
const str = (n: WktNode | undefined, i = 0) => (n && typeof n.args[i] === 'string' ? (n.args[i] as string) : '');
const num = (n: WktNode | undefined, i: number) => (n && typeof n.args[i] === 'number' ? (n.args[i] as number) : NaN);
const close = (a: number, b: number, tol = 1e-6) => Math.abs(a - b) <= tol;

function authorityEpsg(root: WktNode): number | undefined {
  const id = child(root, 'AUTHORITY', 'ID');
  if (!id || str(id).toUpperCase() !== 'EPSG') return undefined;
  const code = Number(id.args[1]);
  return Number.isInteger(code) ? code : undefined;
}

function datumOf(root: WktNode): GeodeticDatum | undefined {
  const spheroid = find(root, 'SPHEROID', 'ELLIPSOID');
  const a = num(spheroid, 1);
  const rf = num(spheroid, 2);
  const names = `${str(find(root, 'DATUM'))} ${str(spheroid)}`;
  if (close(a, 6378140, 0.5)) return 'Xian1980';
  if (close(a, 6378245, 0.5)) return 'Beijing1954';
  if (close(a, 6378137, 0.5)) return close(rf, 298.257223563, 1e-6) && !/2000|China/i.test(names) ? 'WGS84' : 'CGCS2000';
  if (/China.?2000|CGCS.?2000/i.test(names)) return 'CGCS2000';
  if (/Xian|1980/i.test(names)) return 'Xian1980';
  if (/Beijing|1954|Krass/i.test(names)) return 'Beijing1954';
  if (/WGS.?(19)?84/i.test(names)) return 'WGS84';
  return undefined;
}

const GEOGRAPHIC_EPSG: Record<GeodeticDatum, number> = { WGS84: 4326, CGCS2000: 4490, Xian1980: 4610, Beijing1954: 4214 };

/** PARAMETER names of WKT1 (ESRI and OGC spellings) and WKT2, reduced to letters. */
function projectionParameters(projcs: WktNode) {
  const p = new Map<string, number>();
  for (const param of children(projcs, 'PARAMETER')) p.set(str(param).toLowerCase().replace(/[^a-z]/g, ''), num(param, 1));
  const conversion = child(projcs, 'CONVERSION');
  if (conversion) for (const param of children(conversion, 'PARAMETER')) p.set(str(param).toLowerCase().replace(/[^a-z]/g, ''), num(param, 1));
  const get = (...names: string[]) => names.map((n) => p.get(n)).find((v) => v !== undefined) ?? NaN;
  return {
    centralMeridian: get('centralmeridian', 'longitudeofnaturalorigin', 'longitudeoforigin', 'longitudeofcenter'),
    falseEasting: get('falseeasting'),
    falseNorthing: get('falsenorthing'),
    scale: get('scalefactor', 'scalefactoratnaturalorigin'),
    latitudeOfOrigin: get('latitudeoforigin', 'latitudeofnaturalorigin'),
  };
}

function linearUnitIsMetre(projcs: WktNode): boolean {
  const units = children(projcs, 'UNIT', 'LENGTHUNIT');
  const cs = child(projcs, 'CS') ? find(projcs, 'LENGTHUNIT') : undefined;
  const unit = units[units.length - 1] ?? cs;
  return !unit || close(num(unit, 1), 1, 1e-9);
}

function identifyProjected(projcs: WktNode, datum: GeodeticDatum, name: string): number | string {
  const method = str(child(projcs, 'PROJECTION')) || str(find(projcs, 'METHOD'));
  if (/mercator.?auxiliary|pseudo.?mercator|popular.?visuali/i.test(method + name)) return datum === 'WGS84' ? 3857 : 'Web Mercator on a non-WGS84 datum';
  if (!/transverse.?mercator|gauss.?kr[uü]ger|tmerc/i.test(method)) return `projection "${method}" is not Transverse Mercator / Gauss-Krüger`;
  if (!linearUnitIsMetre(projcs)) return 'linear unit is not the metre';
  const { centralMeridian: cm, falseEasting: fe, falseNorthing: fn, scale: k, latitudeOfOrigin: lat0 } = projectionParameters(projcs);
  if (![cm, fe].every(Number.isFinite)) return 'central meridian or false easting missing';
  if ((Number.isFinite(fn) && fn !== 0) || (Number.isFinite(lat0) && lat0 !== 0)) return 'false northing / latitude of origin is not 0';
  const scale = Number.isFinite(k) ? k : 1;
  if (close(scale, 0.9996) && fe === 500000 && datum === 'WGS84') {
    const zone = (cm + 183) / 6;
    return Number.isInteger(zone) && getCrs(32600 + zone) ? 32600 + zone : `UTM central meridian ${cm} is outside China`;
  }
  if (!close(scale, 1)) return `scale factor ${scale} is not 1`;
  if (fe !== 500000) {
    const zone = (fe - 500000) / 1_000_000;
    const width = cm === 3 * zone ? 3 : cm === 6 * zone - 3 ? 6 : undefined;
    if (!Number.isInteger(zone) || !width) return `false easting ${fe} does not match central meridian ${cm}`;
    return gaussKrugerEpsg(datum, width, zone, true) ?? `zone ${zone} is outside China`;
  }
  const saysThreeDegree = /3[_ -]?degree|3度/i.test(name);
  const width: 3 | 6 = !saysThreeDegree && cm % 6 === 3 && /6[_ -]?degree|6度|G(auss)?[_ -]?K(ruger)?/i.test(name) ? 6 : 3;
  const zone = width === 3 ? cm / 3 : (cm + 3) / 6;
  const range = ZONE_RANGE[width];
  if (!Number.isInteger(zone) || zone < range.first || zone > range.last) return `central meridian ${cm} is not a zone meridian over China`;
  return gaussKrugerEpsg(datum, width, zone, false)!;
}

export function identifyWkt(wkt: string): WktIdentification {
  let root: WktNode;
  try {
    root = parseWkt(wkt);
  } catch (e) {
    return { epsg: undefined, name: wkt.slice(0, 60), reason: `unreadable WKT (${(e as Error).message})` };
  }
  const name = str(root);
  const authority = authorityEpsg(root);
  if (authority && getCrs(authority)) return { epsg: authority, name };
  const datum = datumOf(root);
  if (!datum) return { epsg: undefined, name, reason: 'unknown datum / ellipsoid' };
  if (['GEOGCS', 'GEOGCRS', 'GEODCRS', 'GEOGRAPHICCRS'].includes(root.keyword)) return { epsg: GEOGRAPHIC_EPSG[datum], name };
  if (root.keyword !== 'PROJCS' && root.keyword !== 'PROJCRS') return { epsg: undefined, name, reason: `unsupported WKT type ${root.keyword}` };
  const result = identifyProjected(root, datum, name);
  return typeof result === 'number' ? { epsg: result, name } : { epsg: undefined, name, reason: result };
}
