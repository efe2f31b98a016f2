import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { backtrackingCsv, deepKml, entityBombKml, manyRingsCsv } from '../support/hostile-files.ts';

/**
 * Seeded generators of malformed requests for every endpoint that takes input (issue 11, `npm run
 * fuzz`). Each request is built from valid material (a real site, real fixture files) and then
 * broken — values swapped for others of the wrong type or size, coordinates corrupted, bytes
 * flipped or cut — so most requests reach deep into the parsers rather than failing at the door.
 */
export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const WEIRD_NUMBERS = [0, -0, -1, 1e300, -1e300, 1e-320, 2 ** 53 + 1, 99999999999, 2147483648, 0.1, 180.0000001, 90.5, 1e6, -2147483649];
const WEIRD_STRINGS = ['', ' ', 'null', 'NaN', 'Infinity', '-1', '0x10', '1e999', '99999999999', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '=HYPERLINK("x")', '\u0000', '\uD800', '花溪'.repeat(500), 'a'.repeat(70_000), '%00', '{"a":1}', '[]'];

/** A random JSON value of the wrong kind, sometimes large or deep. */
export function junk(r: Rng, depth = 0): unknown {
  const k = int(r, 0, depth > 3 ? 4 : 8);
  switch (k) {
    case 0: return null;
    case 1: return pick(r, WEIRD_NUMBERS);
    case 2: return pick(r, WEIRD_STRINGS);
    case 3: return r() < 0.5;
    case 4: return {};
    case 5: return Array.from({ length: int(r, 0, 4) }, () => junk(r, depth + 1));
    case 6: return Object.fromEntries(Array.from({ length: int(r, 1, 4) }, () => [pick(r, ['type', 'coordinates', 'geometries', 'features', 'geometry', '__proto__', 'constructor', 'x']), junk(r, depth + 1)]));
    case 7: return nested(int(r, 50, 3000));
    default: return Array.from({ length: int(r, 1000, 20000) }, () => r());
  }
}

/** `depth` nested arrays: a JSON parser's and a recursive validator's enemy. */
const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

const SITE: [number, number][] = [[106.66, 26.41], [106.67, 26.41], [106.67, 26.42], [106.66, 26.42], [106.66, 26.41]];

/** A geometry, broken in one of the ways that answered 500 or hung before. */
export function brokenGeometry(r: Rng): unknown {
  const ring = SITE.map((p) => [...p]);
  switch (int(r, 0, 17)) {
    case 0: return { type: 'GeometryCollection', geometries: [null] };
    case 1: return { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [[[106.6, 26.4], [106.61, 26.4]]] }] };
    case 2: {
      let g: unknown = { type: 'Point', coordinates: [106.66, 26.41] };
      for (let i = 0; i < int(r, 5, 2000); i++) g = { type: 'GeometryCollection', geometries: [g] };
      return g;
    }
    case 3: return { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y * (r() < 0.5 ? 1e300 : -1)])] };
    case 4: return { type: 'Polygon', coordinates: [ring.slice(0, int(r, 0, 3))] };
    case 5: return { type: 'LineString', coordinates: [[106.6, 26.4]] };
    case 6: return { type: pick(r, ['Polygon', 'MultiPolygon', 'Point', 'Foo', 'Feature', 'FeatureCollection', 'GeometryCollection']), coordinates: junk(r) };
    case 7: return { type: 'Feature', geometry: junk(r), properties: junk(r) };
    case 8: return { type: 'FeatureCollection', features: [null, ...Array.from({ length: int(r, 0, 3) }, () => junk(r))] };
    case 9: return { type: 'Polygon', coordinates: [ring.map(([x, y]) => [String(x), y])] };
    case 10: return { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x * 20000, y * 100000])] };
    case 11: {
      // A self-intersecting bow tie.
      return { type: 'Polygon', coordinates: [[[106.66, 26.41], [106.67, 26.42], [106.67, 26.41], [106.66, 26.42], [106.66, 26.41]]] };
    }
    case 12: {
      // A site with more vertices than a check takes.
      const n = int(r, 50_001, 60_000);
      const coords = Array.from({ length: n }, (_, i) => [106.66 + 0.01 * Math.cos((2 * Math.PI * i) / n), 26.41 + 0.01 * Math.sin((2 * Math.PI * i) / n)]);
      coords.push(coords[0]);
      return { type: 'Polygon', coordinates: [coords] };
    }
    case 13: return { type: 'MultiPolygon', coordinates: [[ring], null] };
    case 14: return { type: 'Point', coordinates: [106.66, 26.41, 'x'] };
    case 15: return { type: 'Polygon', coordinates: [ring, [[106.661, 26.411], [106.662, 26.411], [106.661, 26.411]]] };
    case 16: return junk(r);
    default: return { type: 'Polygon', coordinates: [ring] }; // valid: paired with a broken project or buffer
  }
}

export function brokenProject(r: Rng): unknown {
  switch (int(r, 0, 7)) {
    case 0: return { type: 'linear_infrastructure', widthM: pick(r, [1e300, -5, 0, 'wide', null, 1e6]) };
    case 1: return { type: pick(r, WEIRD_STRINGS) };
    case 2: return { type: 'industrial', dischargesPollutants: pick(r, ['yes', 1, null, {}]) };
    case 3: return junk(r);
    case 4: return { type: 'linear_infrastructure', widthM: 30, extra: junk(r) };
    case 5: return undefined;
    default: return { type: pick(r, ['linear_infrastructure', 'industrial', 'other']) };
  }
}

export const brokenBuffer = (r: Rng) => (r() < 0.6 ? undefined : pick(r, [-1, 1e300, 5001, '500', null, {}, 0, 5000]));

/** Valid upload material, read once, by format. */
export interface Material {
  format: string;
  filename: string;
  bytes: Buffer;
}

export async function uploadMaterial(root: string): Promise<Material[]> {
  const fx = (p: string) => readFileSync(path.join(root, 'tests/fixtures', p));
  const geojson = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '地块' }, geometry: { type: 'Polygon', coordinates: [SITE] } }] }));
  const csv = Buffer.from(['经度,纬度', ...SITE.map(([x, y]) => `${x},${y}`)].join('\n'));
  const kml = fx('gdal/site.kml');
  const kmz = await new JSZip().file('doc.kml', kml).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return [
    { format: 'geojson', filename: 'site.geojson', bytes: geojson },
    { format: 'csv', filename: 'site.csv', bytes: csv },
    { format: 'kml', filename: 'site.kml', bytes: kml },
    { format: 'kml', filename: 'site.kmz', bytes: kmz },
    { format: 'shp', filename: 'site.zip', bytes: fx('gdal/site-4524-utf8.zip') },
    { format: 'shp', filename: 'site-gbk.zip', bytes: fx('gdal/site-4545-gbk.zip') },
    { format: 'txt', filename: 'site.txt', bytes: fx('gdal/site-zone36-prefix-utf8.txt') },
    { format: 'txt', filename: 'site-gbk.txt', bytes: fx('gdal/site-zone35-prefix-gbk.txt') },
    { format: 'txt', filename: 'parcel.txt', bytes: fx('guotu/example-parcel.txt') },
  ];
}

/** The hostile files of issue 11, small enough to send thousands of times. */
export const HOSTILE: Material[] = [
  { format: 'csv', filename: 'backtrack.csv', bytes: backtrackingCsv() },
  { format: 'kml', filename: 'deep.kml', bytes: deepKml(5_000) },
  { format: 'kml', filename: 'lol.kml', bytes: entityBombKml() },
  { format: 'csv', filename: 'rings.csv', bytes: manyRingsCsv(300) },
];

/** Bytes broken: flipped, cut, spliced with junk, or replaced. */
export function brokenBytes(r: Rng, bytes: Buffer): Buffer {
  const b = Buffer.from(bytes);
  switch (int(r, 0, 5)) {
    case 0:
      for (let i = 0; i < int(r, 1, 20); i++) b[int(r, 0, b.length - 1)] = int(r, 0, 255);
      return b;
    case 1: return b.subarray(0, int(r, 0, b.length));
    case 2: {
      const at = int(r, 0, b.length);
      return Buffer.concat([b.subarray(0, at), Buffer.from(String(pick(r, WEIRD_STRINGS))), b.subarray(at)]);
    }
    case 3: return Buffer.from(Array.from({ length: int(r, 1, 4000) }, () => int(r, 0, 255)));
    case 4: return Buffer.from(b.toString('latin1').replace(/[0-9]/g, () => String(int(r, 0, 9)).repeat(int(r, 1, 3))), 'latin1');
    default: return b;
  }
}

export const pickOf = pick;
export const intOf = int;
export const weirdString = (r: Rng) => pick(r, WEIRD_STRINGS);
export const weirdNumber = (r: Rng) => pick(r, WEIRD_NUMBERS);
