import type { Geometry, Position } from 'geojson';
import { unprocessable } from '../http/errors.ts';
import { signedRingArea } from '../geo/geometry.ts';
import { assemblePolygons, polygonGeometry } from './ring-assembly.ts';
import { LIMITS } from './sanity.ts';

/**
 * The .shp geometry file (ESRI Shapefile Technical Description, 1998) → GeoJSON geometries in the
 * file's own coordinates. Every length is checked against the buffer before it is read, so a
 * truncated or hostile file ends in a 422, never in a crash or an endless loop. Z and M are dropped.
 * Polygon rings are grouped by containment, not orientation (writers disagree on orientation).
 */
const FILE_CODE = 9994;
const HEADER_BYTES = 100;
const TYPES: Record<number, 'point' | 'polyline' | 'polygon' | 'multipoint'> = {
  1: 'point', 11: 'point', 21: 'point',
  3: 'polyline', 13: 'polyline', 23: 'polyline',
  5: 'polygon', 15: 'polygon', 25: 'polygon',
  8: 'multipoint', 18: 'multipoint', 28: 'multipoint',
};

const badShp = (zh: string, en: string) => unprocessable('BAD_SHP', `.shp 文件损坏：${zh}`, `The .shp file is damaged: ${en}`);

export const looksLikeShp = (bytes: Buffer) => bytes.length >= HEADER_BYTES && bytes.readInt32BE(0) === FILE_CODE;

function readPoints(view: Buffer, offset: number, count: number): Position[] {
  const out: Position[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = [view.readDoubleLE(offset + 16 * i), view.readDoubleLE(offset + 16 * i + 8)];
  return out;
}

function readParts(content: Buffer, kind: 'polyline' | 'polygon', record: number): Geometry | null {
  if (content.length < 44) throw badShp(`第 ${record} 条记录过短`, `record ${record} is too short`);
  const numParts = content.readInt32LE(36);
  const numPoints = content.readInt32LE(40);
  const pointsAt = 44 + 4 * numParts;
  if (numParts < 0 || numPoints < 0 || pointsAt + 16 * numPoints > content.length)
    throw badShp(`第 ${record} 条记录的部件/点数超出记录长度`, `record ${record} declares more parts/points than it holds`);
  if (numParts === 0 || numPoints === 0) return null;
  const starts = Array.from({ length: numParts }, (_, i) => content.readInt32LE(44 + 4 * i));
  if (starts[0] !== 0 || starts.some((s, i) => s < 0 || s >= numPoints || (i > 0 && s < starts[i - 1])))
    throw badShp(`第 ${record} 条记录的部件索引无效`, `record ${record} has invalid part indices`);
  const points = readPoints(content, pointsAt, numPoints);
  const parts = starts.map((s, i) => points.slice(s, i + 1 < numParts ? starts[i + 1] : numPoints)).filter((p) => p.length > 0);
  if (kind === 'polyline') return parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts };
  // Largest ring first, so that containment decides outer / hole / island.
  const byArea = [...parts].sort((a, b) => Math.abs(signedRingArea(b)) - Math.abs(signedRingArea(a)));
  return polygonGeometry(assemblePolygons(byArea));
}

function readRecord(content: Buffer, record: number): Geometry | null {
  const shapeType = content.readInt32LE(0);
  if (shapeType === 0) return null;
  const kind = TYPES[shapeType];
  if (!kind) throw badShp(`第 ${record} 条记录的几何类型 ${shapeType} 不受支持`, `record ${record} has unsupported shape type ${shapeType}`);
  if (kind === 'point') {
    if (content.length < 20) throw badShp(`第 ${record} 条记录过短`, `record ${record} is too short`);
    return { type: 'Point', coordinates: [content.readDoubleLE(4), content.readDoubleLE(12)] };
  }
  if (kind === 'multipoint') {
    if (content.length < 40) throw badShp(`第 ${record} 条记录过短`, `record ${record} is too short`);
    const n = content.readInt32LE(36);
    if (n < 0 || 40 + 16 * n > content.length) throw badShp(`第 ${record} 条记录的点数超出记录长度`, `record ${record} declares more points than it holds`);
    return n === 0 ? null : { type: 'MultiPoint', coordinates: readPoints(content, 40, n) };
  }
  return readParts(content, kind, record);
}

/** One entry per record, null for null shapes, in record order (which pairs with the .dbf rows). */
export function readShp(bytes: Buffer): (Geometry | null)[] {
  if (!looksLikeShp(bytes)) throw badShp('文件头不是 Shapefile 格式', 'the header is not a Shapefile header');
  const shapeType = bytes.readInt32LE(32);
  if (shapeType !== 0 && !TYPES[shapeType]) throw badShp(`几何类型 ${shapeType} 不受支持（多面体等）`, `shape type ${shapeType} is not supported (e.g. MultiPatch)`);
  // Refuse before parsing what could only hold more vertices than an import accepts.
  if (bytes.length > HEADER_BYTES + 16 * LIMITS.maxVertices + 60 * LIMITS.maxFeatures)
    throw unprocessable('TOO_MANY_FEATURES', `.shp 文件过大（上限约 ${LIMITS.maxVertices} 个点）。`, `The .shp file is too large (limit about ${LIMITS.maxVertices} vertices).`);
  const out: (Geometry | null)[] = [];
  let offset = HEADER_BYTES;
  while (offset + 8 <= bytes.length) {
    const record = out.length + 1;
    const contentBytes = bytes.readInt32BE(offset + 4) * 2;
    if (contentBytes < 4 || offset + 8 + contentBytes > bytes.length)
      throw badShp(`第 ${record} 条记录长度无效（文件可能被截断）`, `record ${record} has an invalid length (the file may be truncated)`);
    out.push(readRecord(bytes.subarray(offset + 8, offset + 8 + contentBytes), record));
    offset += 8 + contentBytes;
  }
  return out;
}
