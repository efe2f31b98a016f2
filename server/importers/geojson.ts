import gjv from 'geojson-validation';
import type { Feature, GeoJSON, Position } from 'geojson';
import { unprocessable } from '../http/errors.ts';
import { getCrs } from '../geo/crs.ts';
import { parseEpsgCode } from './crs-option.ts';
import { reprojectFeatures } from './reproject.ts';
import { closeRing, finalizeFeatures, WarningList } from './sanity.ts';
import { decodeText } from '../geo/text-decoding.ts';
import { assertNotEmpty, assertTextNotEmpty } from './upload-checks.ts';
import { warning, type CrsChoice, type ImportOptions, type ImportResult } from './types.ts';

/**
 * GeoJSON → EPSG:4326 features. RFC 7946 says WGS84 lon/lat; files written by older GDAL/QGIS may
 * carry the 2008 `crs` member (e.g. "urn:ogc:def:crs:EPSG::4524") — honoured, with x = easting.
 */

/** A few common geojson-validation messages in Chinese; anything else is shown as is. */
const ZH_HINTS: [RegExp, string][] = [
  [/Position must only contain numbers/, '坐标只能是数字'],
  [/Position must be at least two elements/, '坐标至少要有两个数'],
  [/Position must be an array/, '坐标必须是数组'],
  [/at least four positions/, '面的每个环至少需要 4 个点'],
  [/first and last positions must be equivalent/, '环的首尾点必须相同'],
  [/must have a member with the name "(\w+)"/, '缺少成员 "$1"'],
  [/type must be one of/, 'type 不是合法的 GeoJSON 类型'],
  [/must be a JSON Object/, '必须是 JSON 对象'],
];
const toZh = (msg: string) => ZH_HINTS.reduce((m, [re, zh]) => m.replace(re, zh), msg);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw unprocessable('INVALID_JSON', `不是有效的 JSON（${reason}），文件可能被截断或不是 GeoJSON。`, `Not valid JSON (${reason}); the file may be truncated or not GeoJSON.`);
  }
}

/** The legacy `crs` member, if any, as a catalogue EPSG code. */
function legacyCrs(doc: Record<string, unknown>, warnings: WarningList): number | undefined {
  const crs = doc.crs as { type?: unknown; properties?: { name?: unknown } } | undefined | null;
  if (!crs || typeof crs !== 'object') return undefined;
  if (crs.type !== 'name' || typeof crs.properties?.name !== 'string') {
    warnings.add(warning('LEGACY_CRS_IGNORED', '忽略了无法识别的 crs 成员，按 WGS84 经纬度处理。', 'An unrecognised `crs` member was ignored; WGS84 lon/lat assumed.'));
    return undefined;
  }
  const name = crs.properties.name;
  const epsg = parseEpsgCode(name);
  if (epsg === undefined || !getCrs(epsg))
    throw unprocessable('UNSUPPORTED_CRS', `GeoJSON 声明的坐标系“${name}”不受支持。`, `The GeoJSON declares an unsupported CRS "${name}".`);
  return epsg;
}

/** Closes open polygon rings in place before validation, which would otherwise reject them. */
function closeOpenRings(node: unknown, warnings: WarningList): void {
  if (!node || typeof node !== 'object') return;
  const o = node as { type?: unknown; coordinates?: unknown; geometry?: unknown; geometries?: unknown; features?: unknown };
  const closeAll = (rings: unknown) => {
    if (!Array.isArray(rings)) return;
    rings.forEach((ring, i) => {
      if (Array.isArray(ring) && ring.length >= 3 && ring.every((p) => Array.isArray(p) && p.length >= 2))
        rings[i] = closeRing(ring as Position[], warnings);
    });
  };
  if (o.type === 'Polygon') closeAll(o.coordinates);
  if (o.type === 'MultiPolygon' && Array.isArray(o.coordinates)) o.coordinates.forEach(closeAll);
  if (Array.isArray(o.features)) o.features.forEach((f) => closeOpenRings(f, warnings));
  if (Array.isArray(o.geometries)) o.geometries.forEach((g) => closeOpenRings(g, warnings));
  if (o.geometry) closeOpenRings(o.geometry, warnings);
}

function validate(doc: unknown): void {
  let problems: string[];
  try {
    problems = gjv.valid(doc, true);
  } catch {
    problems = ['unreadable structure'];
  }
  if (problems.length === 0) return;
  const shown = problems.slice(0, 3);
  throw unprocessable(
    'INVALID_GEOJSON',
    `GeoJSON 结构无效：${shown.map(toZh).join('；')}${problems.length > 3 ? ` 等 ${problems.length} 处` : ''}`,
    `Invalid GeoJSON: ${shown.join('; ')}${problems.length > 3 ? ` and ${problems.length - 3} more` : ''}`,
    { problems: problems.slice(0, 50) },
  );
}

function asFeatures(doc: GeoJSON): Feature[] {
  if (doc.type === 'FeatureCollection') return doc.features;
  if (doc.type === 'Feature') return [doc];
  return [{ type: 'Feature', properties: {}, geometry: doc }];
}

export function importGeoJson(bytes: Buffer, options: ImportOptions = {}): ImportResult {
  assertNotEmpty(bytes);
  const { text } = decodeText(bytes, options.encoding);
  assertTextNotEmpty(text);
  const doc = parseJson(text);
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw unprocessable('INVALID_GEOJSON', 'GeoJSON 必须是一个对象（FeatureCollection、Feature 或几何）。', 'GeoJSON must be an object (FeatureCollection, Feature or a geometry).');
  const warnings = new WarningList();
  const declared = legacyCrs(doc as Record<string, unknown>, warnings);
  closeOpenRings(doc, warnings);
  validate(doc);

  let choice: CrsChoice = { epsg: declared ?? 4326, gcj02: false };
  if (options.crs) {
    if (declared !== undefined && declared !== options.crs.epsg)
      warnings.add(
        warning('CRS_OVERRIDDEN', `文件声明 EPSG:${declared}，按用户选择的 EPSG:${options.crs.epsg} 处理。`, `The file declares EPSG:${declared}; the chosen EPSG:${options.crs.epsg} is used instead.`),
      );
    choice = options.crs;
  }
  const reprojected = reprojectFeatures(asFeatures(doc as GeoJSON), choice);
  const final = finalizeFeatures(reprojected.features, [...warnings.items, ...reprojected.warnings]);
  return { features: final.features, crs: reprojected.crs, warnings: final.warnings };
}
