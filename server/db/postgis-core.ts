import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * PostGIS for PGlite ships as one bundle (@electric-sql/pglite-postgis, postgis.tar.gz) holding
 * PostGIS and its sibling extensions — raster (with GDAL), topology, the TIGER geocoder — and their
 * install scripts: 90 MB unpacked. PGlite unpacks every file into its in-memory file system and
 * compiles and instantiates every .so in it at each start, used or not: on the embedded database's
 * thread that held ~290 MB of a server idling at ~920 MB (docs/security-fuzz-load.md, memory).
 * Only the extension `postgis` is created (migrations/001_postgis.sql), so the database is given a
 * bundle without the siblings: written once beside the data (`dir`, owner-only), named by the
 * shipped package's version and the bundle's size, so an upgraded package writes a new one.
 */
const UNUSED = /^(lib\/postgresql|share\/postgresql\/extension)\/(postgis_raster|postgis_topology|postgis_tiger_geocoder|postgis_sfcgal|address_standardizer)|--unpackaged|^share\/postgresql\/contrib\//;

const BLOCK = 512;

/** The tar with the entries `keep` refuses left out; the other entries' blocks are copied as they are. */
function filterTar(tar: Uint8Array, keep: (name: string) => boolean): Buffer {
  const parts: Uint8Array[] = [];
  let pending: Uint8Array[] = []; // a GNU long name / pax header belongs to the entry after it
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(Buffer.from(header.subarray(124, 136)).toString('latin1').replace(/\0.*$/s, '').trim() || '0', 8);
    const end = at + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const entry = tar.subarray(at, end);
    const type = String.fromCharCode(header[156]);
    at = end;
    if (type === 'L' || type === 'x') {
      pending.push(entry);
      continue;
    }
    const field = (from: number, to: number) => Buffer.from(header.subarray(from, to)).toString('utf8').replace(/\0.*$/s, '');
    const prefix = field(257, 263).startsWith('ustar') ? field(345, 500) : '';
    const name = (prefix ? `${prefix}/` : '') + field(0, 100);
    if (keep(name.replace(/^\.\//, ''))) parts.push(...pending, entry);
    pending = [];
  }
  parts.push(new Uint8Array(2 * BLOCK));
  return Buffer.concat(parts);
}

/**
 * Names the shipped bundle without reading it: its package's name and version and its size (hashing
 * its 20 MB took ≈ 100 ms of every start; npm gives every packaged file the same mtime).
 */
function shippedId(file: string): string {
  let dir = path.dirname(file);
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const { name, version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
  return createHash('sha256').update(`${name}@${version}:${fs.statSync(file).size}`).digest('hex').slice(0, 16);
}

/** The path of the PostGIS-only bundle made from `shipped` (a .tar.gz) in `dir`, written if missing. */
export function postgisCoreBundle(shipped: URL, dir: string): string {
  const source = fileURLToPath(shipped);
  const file = path.join(dir, `postgis-core-${shippedId(source)}.tar.gz`);
  if (fs.existsSync(file)) return file;
  const gz = fs.readFileSync(source);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const old of fs.readdirSync(dir)) if (old.startsWith('postgis-core-')) fs.rmSync(path.join(dir, old), { force: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, gzipSync(filterTar(gunzipSync(gz), (entry) => !UNUSED.test(entry)), { level: 1 }), { mode: 0o600 });
  fs.renameSync(tmp, file); // whole or not at all: a start killed midway leaves no half bundle
  return file;
}
