import JSZip from 'jszip';
import { unprocessable } from '../http/errors.ts';
import { LIMITS } from '../limits.ts';

/**
 * Reading uploaded zips (Shapefile, KMZ) without trusting them: a broken zip is a 422, and an entry
 * is read as a stream that stops at a size cap, so a zip bomb cannot exhaust memory.
 */
const ZIP_LIMITS = { maxEntries: 500, maxEntryBytes: LIMITS.importMaxUnzippedBytes } as const;

export const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);

export async function openZip(bytes: Buffer): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw unprocessable('BAD_ZIP', `压缩包损坏或不完整（${reason}）。`, `The zip archive is damaged or incomplete (${reason}).`);
  }
  const count = Object.keys(zip.files).length;
  if (count > ZIP_LIMITS.maxEntries)
    throw unprocessable('ZIP_TOO_MANY_ENTRIES', `压缩包内文件过多（${count} 个）。`, `The zip holds too many files (${count}).`);
  return zip;
}

/** Files of the zip, skipping folders and macOS resource forks. */
export const zipFileNames = (zip: JSZip) =>
  Object.values(zip.files)
    .filter((f) => !f.dir && !f.name.includes('__MACOSX/') && !/(^|\/)\._/.test(f.name))
    .map((f) => f.name);

export function readZipEntry(zip: JSZip, name: string, maxBytes: number = ZIP_LIMITS.maxEntryBytes): Promise<Buffer> {
  const entry = zip.file(name);
  if (!entry) return Promise.reject(unprocessable('ZIP_ENTRY_MISSING', `压缩包中缺少 ${name}。`, `${name} is missing from the zip.`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    // internalStream is JSZip's documented streaming reader (missing from its .d.ts).
    const stream = (entry as unknown as { internalStream(type: 'nodebuffer'): NodeJS.EventEmitter & { pause(): void; resume(): void } }).internalStream('nodebuffer');
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      stream.pause();
      reject(e);
    };
    stream
      .on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes)
          fail(unprocessable('ZIP_ENTRY_TOO_LARGE', `压缩包中的 ${name} 解压后过大。`, `${name} in the zip is too large once uncompressed.`));
        else chunks.push(chunk);
      })
      .on('error', (e: Error) =>
        fail(unprocessable('BAD_ZIP', `无法解压 ${name}（${e.message}）。`, `Cannot uncompress ${name} (${e.message}).`)),
      )
      .on('end', () => {
        if (settled) return;
        settled = true;
        resolve(Buffer.concat(chunks));
      })
      .resume();
  });
}
