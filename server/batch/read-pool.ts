import type { Feature, Geometry } from 'geojson';
import type { BatchMapping, RowError } from '../../common/api/batch.ts';
import type { Queryable } from '../db/types.ts';
import { isAppError, unprocessable } from '../http/errors.ts';
import { parseEpsgCode } from '../importers/crs-option.ts';
import { getCrs } from '../geo/crs.ts';
import { detectFormat, importSiteFile } from '../importers/index.ts';
import { reprojectFeatures } from '../importers/reproject.ts';
import type { CrsChoice } from '../importers/types.ts';
import { assertNotEmpty } from '../importers/upload-checks.ts';
import { isZip, openZip, zipFileNames } from '../importers/zip.ts';
import { nameOfRow, projectOfRow, readNumber, resolveColumns } from './mapping.ts';
import { readCsvTable, readXlsxTable, type SiteTable } from './table.ts';
import { gdalPoolToGeoJson, isGdalPool } from './read-gdal.ts';
import { wktToGeoJson } from './wkt.ts';

/**
 * A pool file (项目库) → one row per site: its name, its project attributes, its geometry in
 * EPSG:4326. A row that cannot be read carries its bilingual error instead of a geometry and the
 * others go on; what makes the whole file unreadable (not a pool, too many rows) is a 4xx.
 */
export interface PoolRow {
  name: string;
  project: Record<string, unknown>;
  geometry: Geometry | null;
  error: RowError | null;
}

export interface PoolOptions {
  mapping?: BatchMapping;
  defaultType?: string;
  /** CRS of WKT, lon/lat or GeoJSON coordinates when the file does not say (as /api/import's crs). */
  crs?: CrsChoice;
  maxRows: number;
}

export interface Pool {
  format: string;
  columns: string[];
  rows: PoolRow[];
}

const rowError = (e: unknown): RowError =>
  isAppError(e)
    ? { code: e.code, message: e.messages }
    : { code: 'UNREADABLE_ROW', message: { zh: `无法读取此行（${(e as Error).message}）`, en: `This row cannot be read (${(e as Error).message})` } };

const tooMany = (rows: number, maxRows: number) =>
  unprocessable('TOO_MANY_ROWS', `项目库共 ${rows} 个选址，超过上限 ${maxRows} 个（BATCH_MAX_ROWS）。请拆分后分批上传。`, `The pool has ${rows} sites, more than the limit of ${maxRows} (BATCH_MAX_ROWS). Split it and upload the parts.`);

/** One geometry from `choice` to EPSG:4326 by the importers' reprojection (same CRS catalogue and checks). */
function toWgs84(geometry: Geometry, choice: CrsChoice): Geometry {
  if (choice.epsg === 4326 && !choice.gcj02) return geometry;
  return reprojectFeatures([{ type: 'Feature', properties: {}, geometry }], choice).features[0].geometry as Geometry;
}

function featureRows(features: Feature[], options: PoolOptions, choice: CrsChoice): Pool['rows'] {
  const columns = resolveColumns([...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))], options.mapping);
  return features.map((f, i) => {
    const values = (f.properties ?? {}) as Record<string, unknown>;
    const nested = values.project && typeof values.project === 'object' && !Array.isArray(values.project) ? (values.project as Record<string, unknown>) : {};
    const base = { name: nameOfRow(values, columns, i), project: projectOfRow(values, columns, nested, options.defaultType) };
    if (!f.geometry) return { ...base, geometry: null, error: { code: 'MISSING_GEOMETRY', message: { zh: '此要素没有几何图形', en: 'This feature has no geometry' } } };
    try {
      return { ...base, geometry: toWgs84(f.geometry, choice), error: null };
    } catch (e) {
      return { ...base, geometry: null, error: rowError(e) };
    }
  });
}

/** GeoJSON read feature by feature: one malformed feature is one row in error, not a refused file. */
function readGeoJsonPool(bytes: Buffer, options: PoolOptions): Pool {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw unprocessable('INVALID_JSON', `不是有效的 JSON（${(e as Error).message}）。`, `Not valid JSON (${(e as Error).message}).`);
  }
  const d = doc as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  const features: Feature[] =
    d?.type === 'FeatureCollection' && Array.isArray(d.features) ? (d.features as Feature[]) : d?.type === 'Feature' ? [doc as Feature] : [];
  if (features.length === 0)
    throw unprocessable('NO_ROWS', 'GeoJSON 中没有要素：项目库应为 FeatureCollection，每个要素一个选址。', 'The GeoJSON holds no features: a pool is a FeatureCollection, one feature a site.');
  if (features.length > options.maxRows) throw tooMany(features.length, options.maxRows);
  const declared = typeof d.crs?.properties?.name === 'string' ? parseEpsgCode(d.crs.properties.name) : undefined;
  const choice = options.crs ?? { epsg: declared !== undefined && getCrs(declared) ? declared : 4326, gcj02: false };
  return { format: 'geojson', columns: [...new Set(features.flatMap((f) => Object.keys(f?.properties ?? {})))], rows: featureRows(features.map((f) => (f && typeof f === 'object' ? f : ({ type: 'Feature', properties: {}, geometry: null } as unknown as Feature))), options, choice) };
}

const SRID_PREFIX = /^\s*SRID=(\d{4,5})\s*;/i;

/** CSV/XLSX: a `wkt` column (EWKT's SRID= prefix honoured), or lon/lat columns for point sites. */
async function tableRows(db: Queryable, table: SiteTable, options: PoolOptions): Promise<Pool['rows']> {
  const columns = resolveColumns(table.columns, options.mapping);
  const hasWkt = columns.wkt !== undefined && table.columns.includes(columns.wkt);
  const hasLonLat = columns.lon !== undefined && columns.lat !== undefined && table.columns.includes(columns.lon) && table.columns.includes(columns.lat);
  if (!hasWkt && !hasLonLat)
    throw unprocessable(
      'MISSING_GEOMETRY_COLUMNS',
      `表格中找不到几何列（${table.columns.join('、')}）：需要 wkt 列，或 lon、lat（经度、纬度）两列；列名不同时请在映射中指定。`,
      `No geometry columns in the table (${table.columns.join(', ')}): a wkt column, or lon and lat columns, are needed; map them when their names differ.`,
      { columns: table.columns },
    );
  const wkts = hasWkt ? table.rows.map((r) => String(r[columns.wkt!] ?? '').trim()) : [];
  const parsed = hasWkt ? await wktToGeoJson(db, wkts.map((w) => w.replace(SRID_PREFIX, ''))) : [];
  return table.rows.map((values, i) => {
    const base = { name: nameOfRow(values, columns, i), project: projectOfRow(values, columns, {}, options.defaultType) };
    try {
      let geometry: Geometry;
      let choice = options.crs ?? { epsg: 4326, gcj02: false };
      if (hasWkt && wkts[i] !== '') {
        const p = parsed[i];
        if ('error' in p)
          return { ...base, geometry: null, error: { code: 'BAD_WKT', message: { zh: `WKT 无法解析：${p.error}`, en: `The WKT cannot be read: ${p.error}` } } };
        geometry = p.geometry;
        const srid = SRID_PREFIX.exec(wkts[i])?.[1];
        if (srid !== undefined) {
          if (!getCrs(Number(srid)))
            return { ...base, geometry: null, error: { code: 'UNSUPPORTED_CRS', message: { zh: `不支持的坐标系 SRID=${srid}`, en: `Unsupported CRS SRID=${srid}` } } };
          choice = { epsg: Number(srid), gcj02: false };
        }
      } else if (hasLonLat) {
        const lon = readNumber(values[columns.lon!]);
        const lat = readNumber(values[columns.lat!]);
        if (typeof lon !== 'number' || typeof lat !== 'number')
          return { ...base, geometry: null, error: { code: 'BAD_COORDINATE', message: { zh: `经纬度不是数字（${String(values[columns.lon!])}, ${String(values[columns.lat!])}）`, en: `Longitude/latitude are not numbers (${String(values[columns.lon!])}, ${String(values[columns.lat!])})` } } };
        geometry = { type: 'Point', coordinates: [lon, lat] };
      } else {
        return { ...base, geometry: null, error: { code: 'MISSING_GEOMETRY', message: { zh: '此行没有几何（wkt 为空）', en: 'This row has no geometry (empty wkt)' } } };
      }
      return { ...base, geometry: toWgs84(geometry, choice), error: null };
    } catch (e) {
      return { ...base, geometry: null, error: rowError(e) };
    }
  });
}

async function isXlsx(bytes: Buffer, fileName: string): Promise<boolean> {
  if (!isZip(bytes)) return false;
  if (/\.xlsx$/i.test(fileName)) return true;
  return zipFileNames(await openZip(bytes)).some((n) => n === 'xl/workbook.xml');
}

/** Reads a pool in any supported format: GeoJSON, KML/KMZ, Shapefile (zip), CSV, XLSX, 国土 TXT, GeoPackage, FileGDB (zip). */
export async function readPool(db: Queryable, bytes: Buffer, fileName: string, options: PoolOptions): Promise<Pool> {
  assertNotEmpty(bytes);
  if (await isXlsx(bytes, fileName)) {
    const table = await readXlsxTable(bytes, options.maxRows);
    return { format: 'xlsx', columns: table.columns, rows: await tableRows(db, table, options) };
  }
  const gdalKind = await isGdalPool(bytes, fileName);
  if (gdalKind) return { ...readGeoJsonPool(await gdalPoolToGeoJson(bytes, gdalKind), { ...options, crs: undefined }), format: gdalKind };
  const format = await detectFormat(bytes, fileName);
  if (format === 'geojson') return readGeoJsonPool(bytes, options);
  if (format === 'csv') {
    const table = readCsvTable(bytes, options.maxRows);
    return { format, columns: table.columns, rows: await tableRows(db, table, options) };
  }
  // KML, Shapefile and 国土 TXT: the importers read the whole file (their checks and CRS handling), one feature a site.
  const imported = await importSiteFile({ bytes, filename: fileName, format, crs: options.crs });
  const features = imported.features.features;
  if (features.length > options.maxRows) throw tooMany(features.length, options.maxRows);
  return { format, columns: [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))], rows: featureRows(features, options, { epsg: 4326, gcj02: false }) };
}
