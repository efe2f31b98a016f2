import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { UploadedLayer, UploadResponse } from '../../common/api/admin.ts';
import type { Queryable } from '../db/types.ts';
import { notFound, unprocessable } from '../http/errors.ts';
import { suggestProjectedCrs } from '../geo/crs-checks.ts';
import { getCrs, positionToWgs84 } from '../geo/crs.ts';
import { boundingBox, positionsOf } from '../geo/geometry.ts';
import type { SourceFeature } from '../importers/types.ts';
import { detectSourceFormat, firstPosition, readSourceFile, type SourceLayer, type SourceLimits } from './source-file.ts';

/**
 * Uploaded official data files: kept as sent under DATA_DIR/uploads with their SHA-256 (the
 * version published from one records it), registered in admin_uploads, and inspected on upload.
 */
export interface UploadStore {
  dir: string;
  limits: SourceLimits;
}

export interface StoredUpload {
  id: string;
  fileName: string;
  storedName: string;
  sha256: string;
  format: string;
}

const EXTENSIONS = /\.(zip|gpkg|geojson|json|kml|kmz|txt)$/i;

/**
 * Keeps the file's extension and nothing else of its name. GDAL opens a zipped FileGDB by the
 * name ending in ".gdb.zip", whatever the uploader called it.
 */
function storedNameFor(id: string, fileName: string, format: string): string {
  if (format === 'filegdb') return `${id}.gdb.zip`;
  const ext = EXTENSIONS.exec(fileName)?.[0].toLowerCase() ?? '.bin';
  return `${id}${ext}`;
}

export async function storeUpload(db: Queryable, store: UploadStore, file: { bytes: Buffer; fileName: string }, userId: number): Promise<StoredUpload> {
  if (file.bytes.length === 0) throw unprocessable('EMPTY_FILE', '文件为空。', 'The file is empty.');
  const format = await detectSourceFormat(file.bytes, file.fileName);
  const id = randomBytes(12).toString('base64url');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const fileName = file.fileName.replace(/[\u0000-\u001f]/g, '').slice(0, 255) || 'upload';
  const storedName = storedNameFor(id, fileName, format);
  await mkdir(store.dir, { recursive: true });
  await writeFile(path.join(store.dir, storedName), file.bytes, { flag: 'wx' });
  await db.query(
    `INSERT INTO admin_uploads (id, file_name, stored_name, sha256, size_bytes, format, uploaded_by) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [id, fileName, storedName, sha256, file.bytes.length, format, userId],
  );
  return { id, fileName, storedName, sha256, format };
}

export async function getUpload(db: Queryable, id: string): Promise<StoredUpload> {
  const { rows } = await db.query<StoredUpload>(
    `SELECT id, file_name AS "fileName", stored_name AS "storedName", sha256, format FROM admin_uploads WHERE id = $1`,
    [id],
  );
  if (!rows[0]) throw notFound('UNKNOWN_UPLOAD', `上传文件不存在：${id}`, `Unknown upload: ${id}`);
  return rows[0];
}

/** Reads the stored file's layers (in their own CRS). */
export async function readUpload(store: UploadStore, upload: StoredUpload) {
  const filePath = path.join(store.dir, upload.storedName);
  const bytes = await readFile(filePath);
  return readSourceFile(filePath, bytes, upload.fileName, store.limits);
}

const SAMPLES = 20;

function fieldsOf(layer: SourceLayer): UploadedLayer['fields'] {
  const names = new Set<string>(Object.keys(layer.fieldTypes));
  for (const f of layer.features.slice(0, 100)) for (const k of Object.keys(f.properties ?? {})) names.add(k);
  return [...names].map((name) => {
    const seen = new Set<string>();
    const samples: unknown[] = [];
    for (const f of layer.features) {
      const v = f.properties?.[name];
      if (v === null || v === undefined || v === '') continue;
      const key = String(v);
      if (seen.has(key)) continue;
      seen.add(key);
      samples.push(v);
      if (samples.length >= SAMPLES) break;
    }
    return { name, type: layer.fieldTypes[name] ?? 'String', samples };
  });
}

function crsSummary(epsg: number): { epsg: number; nameZh: string; nameEn: string } | null {
  const crs = getCrs(epsg);
  return crs ? { epsg, nameZh: crs.nameZh, nameEn: crs.name } : null;
}

/** The CGCS2000 CRS that metre coordinates imply (zone prefix in the easting), or lon/lat → 4490. */
export function impliedCrs(features: SourceFeature[]): number | null {
  const p = firstPosition(features);
  if (!p) return null;
  if (Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90) return 4490;
  const hint = suggestProjectedCrs(p);
  const m = /EPSG:(\d+)/.exec(hint.en);
  return m ? Number(m[1]) : null;
}

function extentOf(features: SourceFeature[], epsg: number | null): [number, number, number, number] | null {
  if (epsg === null) return null;
  const corners = boundingBox(features.flatMap((f) => (f.geometry ? positionsOf(f.geometry) : [])));
  if (!corners.every(Number.isFinite)) return null;
  const [w, s, e, n] = corners;
  try {
    const pts = [[w, s], [e, s], [e, n], [w, n]].map((p) => positionToWgs84(p, epsg));
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const box: [number, number, number, number] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    return box.every(Number.isFinite) ? box : null;
  } catch {
    return null;
  }
}

function describeLayer(layer: SourceLayer): UploadedLayer {
  const suggested = layer.epsg === null ? impliedCrs(layer.features) : null;
  return {
    name: layer.name,
    featureCount: layer.features.length,
    geometryType: layer.geometryType,
    crs: layer.epsg === null ? null : crsSummary(layer.epsg),
    ...(layer.epsg === null ? { suggestedCrs: suggested === null ? null : crsSummary(suggested) } : {}),
    extent: extentOf(layer.features, layer.epsg ?? suggested),
    fields: fieldsOf(layer),
    ...(layer.encoding ? { encoding: layer.encoding } : {}),
    ...(layer.crsNote ? { note: layer.crsNote } : {}),
  };
}

export async function inspectUpload(store: UploadStore, upload: StoredUpload): Promise<UploadResponse> {
  const source = await readUpload(store, upload);
  return {
    uploadId: upload.id,
    fileName: upload.fileName,
    sha256: upload.sha256,
    format: source.format,
    layers: source.layers.map(describeLayer),
  };
}
