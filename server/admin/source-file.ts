import type { Geometry, Position } from 'geojson';
import { unprocessable } from '../http/errors.ts';
import { importSiteFile } from '../importers/index.ts';
import { identifyWkt } from '../geo/crs-wkt.ts';
import { getCrs } from '../geo/crs.ts';
import { readDbf } from '../importers/dbf-reader.ts';
import { readShp } from '../importers/shp-reader.ts';
import { isZip, openZip, readZipEntry, zipFileNames } from '../importers/zip.ts';
import type { SourceFeature } from '../importers/types.ts';
import { readWithGdal } from './gdal-source.ts';

/**
 * An uploaded official data file → its layers, each with features in the file's own CRS (or
 * already EPSG:4326 for the formats the site importers convert), the CRS found in the file (null
 * when it has none) and the field types. Formats: FileGDB (zipped .gdb) and GeoPackage through
 * GDAL; Shapefile (zip) through the site importer's readers, for their GBK detection; GeoJSON;
 * KML/KMZ and 国土 TXT through the site importers.
 */
export type SourceFormat = 'filegdb' | 'geopackage' | 'shapefile' | 'geojson' | 'kml' | 'guotu-txt';

export interface SourceLayer {
  name: string;
  features: SourceFeature[];
  /** EPSG code the coordinates are in; null when the file does not say. */
  epsg: number | null;
  /** How the CRS was found or why it is missing, for the report. */
  crsNote?: string;
  geometryType: string;
  fieldTypes: Record<string, string>;
  /** Text encoding of the attributes, when the format leaves it open (Shapefile). */
  encoding?: string;
}

export interface SourceFile {
  format: SourceFormat;
  layers: SourceLayer[];
}

/** Limits on what a file may hold, checked before the features are handed on. */
export interface SourceLimits {
  maxFeatures: number;
  maxVertices: number;
  /** Sum of the uncompressed sizes of a zip's entries. */
  maxUnzippedBytes: number;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export async function detectSourceFormat(bytes: Buffer, fileName: string): Promise<SourceFormat> {
  const lower = fileName.toLowerCase();
  if (bytes.subarray(0, 16).equals(SQLITE_MAGIC)) return 'geopackage';
  if (isZip(bytes)) {
    const names = zipFileNames(await openZip(bytes)).map((n) => n.toLowerCase());
    if (names.some((n) => /\.gdb\//.test(n) || n.endsWith('.gdbtable'))) return 'filegdb';
    if (names.some((n) => n.endsWith('.shp'))) return 'shapefile';
    if (names.some((n) => n.endsWith('.gpkg'))) return 'geopackage';
    if (lower.endsWith('.kmz') || names.some((n) => n.endsWith('.kml'))) return 'kml';
    throw unprocessable('UNKNOWN_ZIP', '压缩包中没有 FileGDB（.gdb 文件夹）、Shapefile、GeoPackage 或 KML。', 'The zip holds no FileGDB (.gdb folder), Shapefile, GeoPackage or KML.');
  }
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'geojson';
  if (head.startsWith('<') && /<kml[\s>]/i.test(head)) return 'kml';
  if (lower.endsWith('.txt')) return 'guotu-txt';
  throw unprocessable(
    'UNKNOWN_FORMAT',
    '无法识别文件格式：支持 FileGDB（.gdb 文件夹压缩为 zip）、GeoPackage、Shapefile（zip）、GeoJSON、KML/KMZ、国土 TXT。',
    'Unrecognised file format: FileGDB (the .gdb folder zipped), GeoPackage, Shapefile (zip), GeoJSON, KML/KMZ and 国土 TXT are supported.',
  );
}

async function assertUnzippedSize(bytes: Buffer, limit: number): Promise<void> {
  if (!isZip(bytes)) return;
  const zip = await openZip(bytes);
  let total = 0;
  for (const file of Object.values(zip.files)) {
    total += (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  }
  if (total > limit)
    throw unprocessable('UNZIPPED_TOO_LARGE', `压缩包解压后超过 ${Math.round(limit / 1048576)} MB。`, `The zip expands to more than ${Math.round(limit / 1048576)} MB.`);
}

function typeOfValue(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Real';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

function inferFieldTypes(features: SourceFeature[]): Record<string, string> {
  const types: Record<string, string> = {};
  for (const f of features.slice(0, 1000))
    for (const [k, v] of Object.entries(f.properties ?? {})) if (v !== null && v !== undefined && !types[k]) types[k] = typeOfValue(v);
  return types;
}

function geometryTypeOf(features: SourceFeature[]): string {
  const types = new Set(features.map((f) => f.geometry?.type).filter(Boolean));
  if (types.size === 0) return 'None';
  if ([...types].every((t) => /Polygon/.test(t!))) return types.has('MultiPolygon') ? 'MultiPolygon' : 'Polygon';
  if ([...types].every((t) => /LineString/.test(t!))) return types.has('MultiLineString') ? 'MultiLineString' : 'LineString';
  if ([...types].every((t) => /Point/.test(t!))) return types.has('MultiPoint') ? 'MultiPoint' : 'Point';
  return 'Geometry';
}

/** "urn:ogc:def:crs:EPSG::4545", "EPSG:4545" → 4545; OGC CRS84 → 4326. */
function epsgFromCrsName(name: string): number | null {
  if (/CRS84$/i.test(name)) return 4326;
  const m = /EPSG:{1,2}(\d{4,5})$/i.exec(name.trim());
  return m ? Number(m[1]) : null;
}

const looksGeographic = (p: Position | undefined) => !!p && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

function firstPosition(features: SourceFeature[]): Position | undefined {
  for (const f of features) {
    const g = f.geometry as Geometry | null;
    if (!g) continue;
    let p: unknown = 'coordinates' in g ? g.coordinates : undefined;
    while (Array.isArray(p) && Array.isArray(p[0])) p = p[0];
    if (Array.isArray(p) && typeof p[0] === 'number') return p as Position;
  }
  return undefined;
}

async function readShapefile(bytes: Buffer): Promise<SourceLayer[]> {
  const zip = await openZip(bytes);
  const byBase = new Map<string, Record<string, string>>();
  for (const name of zipFileNames(zip)) {
    const m = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(name);
    if (!m) continue;
    const entry = byBase.get(m[1]) ?? {};
    entry[m[2].toLowerCase()] = name;
    byBase.set(m[1], entry);
  }
  const layers: SourceLayer[] = [];
  for (const [base, files] of byBase) {
    if (!files.shp) continue;
    const geometries = readShp(await readZipEntry(zip, files.shp));
    const cpg = files.cpg ? (await readZipEntry(zip, files.cpg, 1024)).toString('latin1') : undefined;
    const table = files.dbf ? readDbf(await readZipEntry(zip, files.dbf), { cpg }) : undefined;
    const features: SourceFeature[] = geometries.map((geometry, i) => ({ type: 'Feature', properties: table?.rows[i] ?? {}, geometry }));
    const prj = files.prj ? (await readZipEntry(zip, files.prj, 64 * 1024)).toString('utf8') : '';
    let epsg: number | null = null;
    let crsNote: string | undefined;
    if (prj.trim()) {
      const id = identifyWkt(prj);
      if (id.epsg !== undefined) epsg = id.epsg;
      else crsNote = `${id.name}: ${id.reason}`;
    } else crsNote = 'no .prj';
    layers.push({
      name: base.split('/').pop()!,
      features,
      epsg,
      crsNote,
      geometryType: geometryTypeOf(features),
      fieldTypes: inferFieldTypes(features),
      encoding: table ? `${table.encoding} (${table.encodingSource})` : undefined,
    });
  }
  if (layers.length === 0) throw unprocessable('NO_SHP', '压缩包中没有 .shp 文件。', 'The zip contains no .shp file.');
  return layers;
}

function readGeoJson(bytes: Buffer, fileName: string): SourceLayer[] {
  let doc: { type?: string; features?: unknown; crs?: { properties?: { name?: string } } };
  try {
    doc = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw unprocessable('INVALID_JSON', `GeoJSON 不是有效的 JSON（${(e as Error).message}）。`, `The GeoJSON is not valid JSON (${(e as Error).message}).`);
  }
  const features = (doc?.type === 'FeatureCollection' && Array.isArray(doc.features) ? doc.features : doc?.type === 'Feature' ? [doc] : null) as SourceFeature[] | null;
  if (!features || features.some((f) => !f || typeof f !== 'object' || f.type !== 'Feature'))
    throw unprocessable('NOT_A_FEATURE_COLLECTION', 'GeoJSON 应为 FeatureCollection。', 'The GeoJSON must be a FeatureCollection.');
  const named = doc.crs?.properties?.name ? epsgFromCrsName(doc.crs.properties.name) : null;
  // RFC 7946 says lon/lat WGS 84; Chinese files without a crs member are CGCS2000 lon/lat in practice.
  const epsg = named ?? (looksGeographic(firstPosition(features)) ? 4490 : null);
  return [{
    name: fileName.replace(/\.(geo)?json$/i, '') || 'layer',
    features: features.map((f) => ({ type: 'Feature', properties: f.properties ?? {}, geometry: f.geometry ?? null, ...(f.id !== undefined ? { id: f.id } : {}) })),
    epsg,
    crsNote: named ? undefined : epsg ? 'no crs member: lon/lat taken as CGCS2000' : 'no crs member',
    geometryType: geometryTypeOf(features),
    fieldTypes: inferFieldTypes(features),
  }];
}

async function readWithSiteImporter(bytes: Buffer, fileName: string, format: 'kml' | 'guotu-txt'): Promise<SourceLayer[]> {
  const result = await importSiteFile({ bytes, filename: fileName, format });
  const features = result.features.features as SourceFeature[];
  return [{
    name: fileName.replace(/\.[a-z0-9]+$/i, '') || 'layer',
    features,
    epsg: 4326,
    crsNote: `converted from EPSG:${result.crs.epsg}`,
    geometryType: geometryTypeOf(features),
    fieldTypes: inferFieldTypes(features),
  }];
}

/** Arrays around a position in GeoJSON at most (a MultiPolygon's: polygons, rings, positions). */
const MAX_COORDINATE_DEPTH = 3;

function countVertices(features: SourceFeature[]): number {
  let n = 0;
  // Bounded: coordinates nested 100,000 deep overflowed the stack of the server's own thread (a 500).
  const walk = (c: unknown, depth = 0): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') n++;
    else if (depth >= MAX_COORDINATE_DEPTH)
      throw unprocessable('BAD_COORDINATES', '坐标数组嵌套过深，不是 GeoJSON 几何', 'The coordinate arrays are nested too deeply for a GeoJSON geometry');
    else for (const x of c) walk(x, depth + 1);
  };
  for (const f of features) {
    const g = f.geometry as Geometry | null;
    if (g && 'coordinates' in g) walk(g.coordinates);
    else if (g?.type === 'GeometryCollection') for (const h of g.geometries) if ('coordinates' in h) walk(h.coordinates);
  }
  return n;
}

/** Reads every layer of the file at `filePath` (its bytes given too), within the limits. */
export async function readSourceFile(filePath: string, bytes: Buffer, fileName: string, limits: SourceLimits): Promise<SourceFile> {
  const format = await detectSourceFormat(bytes, fileName);
  await assertUnzippedSize(bytes, limits.maxUnzippedBytes);
  let layers: SourceLayer[];
  switch (format) {
    case 'filegdb':
    case 'geopackage':
      layers = await readWithGdal(filePath, limits.maxFeatures);
      break;
    case 'shapefile':
      layers = await readShapefile(bytes);
      break;
    case 'geojson':
      layers = readGeoJson(bytes, fileName);
      break;
    default:
      layers = await readWithSiteImporter(bytes, fileName, format);
  }
  for (const layer of layers) {
    layer.geometryType = layer.geometryType || geometryTypeOf(layer.features);
    if (layer.epsg !== null && !getCrs(layer.epsg)) {
      layer.crsNote = `EPSG:${layer.epsg} is not in the catalogue`;
      layer.epsg = null;
    }
    if (layer.features.length > limits.maxFeatures)
      throw unprocessable('TOO_MANY_FEATURES', `图层 ${layer.name} 有 ${layer.features.length} 个要素，超过上限 ${limits.maxFeatures}。`, `Layer ${layer.name} has ${layer.features.length} features, more than the limit of ${limits.maxFeatures}.`);
    const vertices = countVertices(layer.features);
    if (vertices > limits.maxVertices)
      throw unprocessable('TOO_MANY_VERTICES', `图层 ${layer.name} 有 ${vertices} 个节点，超过上限 ${limits.maxVertices}。`, `Layer ${layer.name} has ${vertices} vertices, more than the limit of ${limits.maxVertices}.`);
  }
  return { format, layers };
}

export { firstPosition,    };
