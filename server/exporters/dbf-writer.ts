import { encodeText } from '../geo/text-decoding.ts';
import type { TextEncoding } from '../geo/text-decoding.ts';

/**
 * A dBase III .dbf for the Shapefile export. Text is written in the chosen encoding (UTF-8 with a
 * .cpg by default, or GBK for older Chinese desktop GIS) and every width is counted in BYTES, so
 * Chinese text is never cut in the middle of a character.
 */
interface FieldSpec {
  key: string;
  name: Buffer;
  type: 'C' | 'N' | 'L';
  width: number;
  decimals: number;
}

const MAX_TEXT_BYTES = 254;
const NUMBER_WIDTH = 24;

/** The longest prefix of `text` whose encoding fits in `maxBytes`. */
function fitBytes(text: string, maxBytes: number, encoding: TextEncoding): Buffer {
  let chars = Array.from(text);
  let bytes = encodeText(text, encoding);
  while (bytes.length > maxBytes) {
    chars = chars.slice(0, Math.max(0, Math.min(chars.length - 1, Math.floor((chars.length * maxBytes) / bytes.length))));
    bytes = encodeText(chars.join(''), encoding);
  }
  return bytes;
}

const asText = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function fieldNames(keys: string[], encoding: TextEncoding): Buffer[] {
  const used = new Set<string>();
  return keys.map((key, i) => {
    let name = fitBytes(key.replace(/[\x00-\x1f]/g, '') || `FIELD${i + 1}`, 10, encoding);
    for (let n = 1; used.has(name.toString('latin1')); n++) {
      const suffix = Buffer.from(`_${n}`);
      name = Buffer.concat([fitBytes(key, 10 - suffix.length, encoding), suffix]);
    }
    used.add(name.toString('latin1'));
    return name;
  });
}

function specify(rows: Record<string, unknown>[], encoding: TextEncoding): FieldSpec[] {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const names = fieldNames(keys, encoding);
  return keys.map((key, i) => {
    const values = rows.map((r) => r[key]).filter((v) => v !== null && v !== undefined);
    if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return { key, name: names[i], type: 'L', width: 1, decimals: 0 };
    if (values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const nums = values as number[];
      const intDigits = Math.max(...nums.map((v) => Math.trunc(Math.abs(v)).toString().length + (v < 0 ? 1 : 0)));
      const decimals = nums.every(Number.isInteger) ? 0 : Math.max(0, Math.min(15, NUMBER_WIDTH - 2 - intDigits));
      return { key, name: names[i], type: 'N', width: NUMBER_WIDTH, decimals };
    }
    const width = Math.max(1, ...values.map((v) => Math.min(MAX_TEXT_BYTES, encodeText(asText(v), encoding).length)));
    return { key, name: names[i], type: 'C', width, decimals: 0 };
  });
}

function cell(value: unknown, f: FieldSpec, encoding: TextEncoding): Buffer {
  const out = Buffer.alloc(f.width, 0x20);
  if (value === null || value === undefined) {
    if (f.type === 'L') out.write('?');
    return out;
  }
  if (f.type === 'L') out.write(value === true ? 'T' : 'F');
  else if (f.type === 'N') {
    const text = typeof value === 'number' && Number.isFinite(value) ? value.toFixed(f.decimals) : '';
    out.write(text.slice(0, f.width).padStart(f.width, ' '), 'latin1');
  } else fitBytes(asText(value), f.width, encoding).copy(out);
  return out;
}

export function writeDbf(rows: Record<string, unknown>[], encoding: TextEncoding, now = new Date()): Buffer {
  const fields = specify(rows, encoding);
  const headerBytes = 32 + 32 * fields.length + 1;
  const recordBytes = 1 + fields.reduce((s, f) => s + f.width, 0);
  const header = Buffer.alloc(headerBytes);
  header.writeUInt8(0x03, 0);
  header.writeUInt8(now.getFullYear() - 1900, 1);
  header.writeUInt8(now.getMonth() + 1, 2);
  header.writeUInt8(now.getDate(), 3);
  header.writeUInt32LE(rows.length, 4);
  header.writeUInt16LE(headerBytes, 8);
  header.writeUInt16LE(recordBytes, 10);
  header.writeUInt8(encoding === 'gbk' ? 0x4d : 0x00, 29); // language driver: 0x4D = code page 936
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    f.name.copy(header, at);
    header.write(f.type, at + 11, 'latin1');
    header.writeUInt8(f.width, at + 16);
    header.writeUInt8(f.decimals, at + 17);
  });
  header.writeUInt8(0x0d, headerBytes - 1);
  const records = rows.map((row) => Buffer.concat([Buffer.from(' '), ...fields.map((f) => cell(row[f.key], f, encoding))]));
  return Buffer.concat([header, ...records, Buffer.from([0x1a])]);
}
