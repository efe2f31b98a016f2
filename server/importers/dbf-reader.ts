import iconv from 'iconv-lite';
import { unprocessable } from '../http/errors.ts';

/**
 * The .dbf attribute table (dBase III as written by ArcGIS, GDAL, QGIS) → one properties object
 * per record. Text is decoded with, in order: the user's choice, the .cpg file, the dBase language
 * driver byte (0x4D = code page 936, GBK), and finally "valid UTF-8, else GBK" — Chinese
 * Shapefiles without any of these are GBK far more often than not.
 */
export interface DbfTable {
  rows: Record<string, string | number | boolean | null>[];
  encoding: string;
  encodingSource: 'option' | 'cpg' | 'ldid' | 'detected';
}

interface Field {
  name: string;
  type: string;
  offset: number;
  length: number;
}

const badDbf = (zh: string, en: string) => unprocessable('BAD_DBF', `.dbf 文件损坏：${zh}`, `The .dbf file is damaged: ${en}`);

/** .cpg content → an iconv-lite encoding name. */
function encodingFromCpg(cpg: string): string | undefined {
  const s = cpg.trim().replace(/^ANSI\s+/i, '').toUpperCase();
  if (s === '') return undefined;
  if (/^(UTF-?8|65001)$/.test(s)) return 'utf-8';
  if (/^(GBK|CP936|936|GB2312|GB18030|54936|EUC-CN)$/.test(s)) return 'gbk';
  if (/^\d+$/.test(s)) return iconv.encodingExists(`cp${s}`) ? `cp${s}` : undefined;
  return iconv.encodingExists(s) ? s.toLowerCase() : undefined;
}

/** dBase language driver IDs that name a Chinese code page. */
const LDID_GBK = new Set([0x4d, 0x7a]);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8(bytes: Buffer): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeWith(encoding: string) {
  // GB18030 is GBK's superset: decoding with it never loses a GBK character.
  const name = encoding === 'gbk' ? 'gb18030' : encoding;
  return (bytes: Buffer) => (name === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, name));
}

function readFields(bytes: Buffer, headerBytes: number): { fields: Field[]; rawNames: Buffer[] } {
  const fields: Field[] = [];
  const rawNames: Buffer[] = [];
  let offset = 1; // byte 0 of each record is the deletion flag
  for (let at = 32; at + 32 <= headerBytes && bytes[at] !== 0x0d; at += 32) {
    const nameBytes = bytes.subarray(at, at + 11);
    const end = nameBytes.indexOf(0);
    rawNames.push(Buffer.from(end < 0 ? nameBytes : nameBytes.subarray(0, end)));
    const length = bytes[at + 16];
    fields.push({ name: '', type: String.fromCharCode(bytes[at + 11]), offset, length });
    offset += length;
  }
  return { fields, rawNames };
}

function parseValue(text: string, type: string): string | number | boolean | null {
  const t = text.trim();
  switch (type) {
    case 'N':
    case 'F': {
      if (t === '' || /^\*+$/.test(t)) return null;
      const n = Number(t);
      return Number.isFinite(n) ? n : null;
    }
    case 'L':
      return /^[TtYy]$/.test(t) ? true : /^[FfNn]$/.test(t) ? false : null;
    case 'D':
      return /^\d{8}$/.test(t) ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}` : t || null;
    default:
      return text.replace(/[\s\0]+$/, '');
  }
}

export function readDbf(bytes: Buffer, opts: { encoding?: string; cpg?: string } = {}): DbfTable {
  if (bytes.length < 33) throw badDbf('文件过短', 'the file is too short');
  const records = bytes.readUInt32LE(4);
  const headerBytes = bytes.readUInt16LE(8);
  const recordBytes = bytes.readUInt16LE(10);
  if (headerBytes < 33 || headerBytes > bytes.length || recordBytes < 1)
    throw badDbf('文件头无效', 'the header is invalid');
  const { fields, rawNames } = readFields(bytes, headerBytes);
  if (fields.reduce((s, f) => s + f.length, 1) > recordBytes) throw badDbf('字段宽度之和超过记录长度', 'field widths exceed the record length');
  const available = Math.floor((bytes.length - headerBytes) / recordBytes);
  const count = Math.min(records, available);

  let encoding: string;
  let encodingSource: DbfTable['encodingSource'];
  const fromCpg = opts.cpg === undefined ? undefined : encodingFromCpg(opts.cpg);
  if (opts.encoding) [encoding, encodingSource] = [opts.encoding, 'option'];
  else if (fromCpg) [encoding, encodingSource] = [fromCpg, 'cpg'];
  else if (LDID_GBK.has(bytes[29])) [encoding, encodingSource] = ['gbk', 'ldid'];
  else {
    const body = bytes.subarray(headerBytes, headerBytes + count * recordBytes);
    encoding = isUtf8(body) && rawNames.every(isUtf8) ? 'utf-8' : 'gbk';
    encodingSource = 'detected';
  }
  const decode = decodeWith(encoding);
  rawNames.forEach((raw, i) => (fields[i].name = decode(raw).trim() || `FIELD${i + 1}`));

  const rows: DbfTable['rows'] = [];
  for (let r = 0; r < count; r++) {
    const start = headerBytes + r * recordBytes;
    const row: DbfTable['rows'][number] = {};
    for (const f of fields) row[f.name] = parseValue(decode(bytes.subarray(start + f.offset, start + f.offset + f.length)), f.type);
    rows.push(row);
  }
  return { rows, encoding, encodingSource };
}
