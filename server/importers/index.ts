import iconv from 'iconv-lite';
import { badRequest, unprocessable } from '../http/errors.ts';
import { importCsv } from './csv.ts';
import { importGeoJson } from './geojson.ts';
import { importGuotuTxt } from './guotu-txt.ts';
import { importKml } from './kml.ts';
import { importShapefile } from './shapefile.ts';
import { looksLikeShp } from './shp-reader.ts';
import { assertNotEmpty } from './upload-checks.ts';
import { isZip, openZip, zipFileNames } from './zip.ts';
import type { ImportOptions, ImportResult } from './types.ts';
import type { TextEncoding } from '../geo/text-decoding.ts';

/**
 * One entry point for every site file: picks the format (explicit, else by extension and
 * content), runs its importer, and returns EPSG:4326 features with the CRS and warnings. Every
 * importer runs the common sanity checks (sanity.ts) itself, so each is usable on its own.
 */
export type ImportFormat = 'geojson' | 'kml' | 'shapefile' | 'csv' | 'guotu-txt';
const IMPORT_FORMATS: readonly ImportFormat[] = ['geojson', 'kml', 'shapefile', 'csv', 'guotu-txt'];

const FORMAT_ALIASES: Record<string, ImportFormat> = {
  geojson: 'geojson', json: 'geojson',
  kml: 'kml', kmz: 'kml',
  shp: 'shapefile', shapefile: 'shapefile', zip: 'shapefile',
  csv: 'csv',
  txt: 'guotu-txt', 'guotu-txt': 'guotu-txt', guotu: 'guotu-txt', 国土: 'guotu-txt',
};

export function parseFormatOption(value: unknown): ImportFormat | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const format = FORMAT_ALIASES[String(value).trim().toLowerCase()];
  if (!format)
    throw badRequest('UNSUPPORTED_FORMAT', `不支持的格式“${value}”：可选 geojson、kml、shp、csv、txt（国土 TXT）。`, `Unsupported format "${value}": choose geojson, kml, shp, csv or txt (国土 TXT).`);
  return format;
}

export function parseEncodingOption(value: unknown): TextEncoding | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const v = String(value).trim().toLowerCase();
  if (/^utf-?8$/.test(v)) return 'utf-8';
  if (/^(gbk|gb2312|gb18030|cp936|936)$/.test(v)) return 'gbk';
  throw badRequest('UNSUPPORTED_ENCODING', `不支持的编码“${value}”：可选 utf-8 或 gbk。`, `Unsupported encoding "${value}": choose utf-8 or gbk.`);
}

/** Sniffs text in either encoding well enough to tell the formats apart (ASCII markers + the TXT section names). */
function sniffText(bytes: Buffer): ImportFormat | undefined {
  const head = bytes.subarray(0, 64 * 1024);
  const utf8 = head.toString('utf8').replace(/^\uFEFF/, '');
  if (/\[(属性描述|地块坐标)\]/.test(utf8) || /\[(属性描述|地块坐标)\]/.test(iconv.decode(head, 'gbk'))) return 'guotu-txt';
  const start = utf8.trimStart();
  if (start.startsWith('{')) return 'geojson';
  if (start.startsWith('<') && /<kml[\s>]/i.test(utf8)) return 'kml';
  if (/^[^\r\n]*,\s*@\s*$/m.test(utf8)) return 'guotu-txt';
  return undefined;
}

export async function detectFormat(bytes: Buffer, filename = ''): Promise<ImportFormat> {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  if (isZip(bytes)) {
    const names = zipFileNames(await openZip(bytes)).map((n) => n.toLowerCase());
    if (names.some((n) => n.endsWith('.shp'))) return 'shapefile';
    if (ext === 'kmz' || names.some((n) => n.endsWith('.kml'))) return 'kml';
    throw unprocessable('UNKNOWN_ZIP', '压缩包中既没有 Shapefile（.shp）也没有 KML。', 'The zip holds neither a Shapefile (.shp) nor a KML.');
  }
  if (looksLikeShp(bytes)) return 'shapefile'; // importer explains that it must be zipped
  const sniffed = sniffText(bytes);
  if (sniffed) return sniffed;
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'kml') return 'kml';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv' || ext === '') return 'csv';
  throw unprocessable('UNKNOWN_FORMAT', `无法识别文件格式（.${ext}）：支持 GeoJSON、KML/KMZ、Shapefile（zip）、CSV、国土 TXT。`, `Unrecognised file format (.${ext}): GeoJSON, KML/KMZ, Shapefile (zip), CSV and 国土 TXT are supported.`);
}

export interface ImportRequest extends ImportOptions {
  bytes: Buffer;
  filename?: string;
  format?: ImportFormat;
}

export async function importSiteFile({ bytes, filename, format, ...options }: ImportRequest): Promise<ImportResult> {
  assertNotEmpty(bytes);
  const chosen = format ?? (await detectFormat(bytes, filename));
  switch (chosen) {
    case 'geojson':
      return importGeoJson(bytes, options);
    case 'kml':
      return importKml(bytes, options);
    case 'shapefile':
      return importShapefile(bytes, options);
    case 'csv':
      return importCsv(bytes, options);
    case 'guotu-txt':
      return importGuotuTxt(bytes, options);
  }
}

export type { ImportResult } from './types.ts';
