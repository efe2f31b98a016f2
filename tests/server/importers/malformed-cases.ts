import JSZip from 'jszip';
import type { ImportFormat } from '../../../server/importers/index.ts';
import type { ImportOptions } from '../../../server/importers/types.ts';
import { fixture, fixtureText } from './support.ts';

/**
 * Broken inputs for every importer — empty, blank, binary garbage, huge garbage, truncated, wrong
 * sections, non-numeric coordinates, wrong CRS — shared by the importer and the route tests.
 */

/** Deterministic junk (xorshift), so a failure reproduces. */
export function garbage(bytes: number, seed = 12345): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function zipOf(files: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function shapefileWith(change: (files: Record<string, Buffer>) => void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fixture('gdal/site-4545-gbk.zip'));
  const files: Record<string, Buffer> = {};
  for (const name of Object.keys(zip.files)) files[name] = await zip.file(name)!.async('nodebuffer');
  change(files);
  return zipOf(files);
}

const half = (b: Buffer) => b.subarray(0, Math.floor(b.length / 2));
const EXAMPLE = fixtureText('guotu/example-parcel.txt');
const GEOJSON = fixtureText('source/site.geojson');
const KML = fixtureText('gdal/site.kml');
const CSV = 'lon,lat\n106.67,26.41\n106.671,26.41\n106.671,26.411\n106.67,26.411\n';
const utf8 = (s: string) => Buffer.from(s, 'utf8');

export type MalformedCase = [string, ImportFormat, () => Buffer | Promise<Buffer>, ImportOptions?];
export const MALFORMED_CASES: MalformedCase[] = [
  // empty
  ...(['geojson', 'kml', 'shapefile', 'csv', 'guotu-txt'] as const).map((f): MalformedCase => [`${f}: empty file`, f, () => Buffer.alloc(0)]),
  ...(['geojson', 'kml', 'csv', 'guotu-txt'] as const).map((f): MalformedCase => [`${f}: only blank lines`, f, () => utf8('\r\n  \n\t\n')]),
  // binary garbage and huge garbage
  ...(['geojson', 'kml', 'shapefile', 'csv', 'guotu-txt'] as const).map((f): MalformedCase => [`${f}: binary garbage`, f, () => garbage(4096)]),
  ...(['geojson', 'csv', 'guotu-txt'] as const).map((f): MalformedCase => [`${f}: 8 MB of garbage`, f, () => garbage(8 * 1024 * 1024, 99)]),
  // truncated
  ['geojson: truncated', 'geojson', () => half(utf8(GEOJSON))],
  ['kml: truncated', 'kml', () => half(utf8(KML))],
  ['shapefile: truncated zip', 'shapefile', () => half(fixture('gdal/site-4545-gbk.zip'))],
  ['shapefile: truncated .shp inside the zip', 'shapefile', () => shapefileWith((f) => (f['site.shp'] = half(f['site.shp'])))],
  ['shapefile: truncated .dbf inside the zip', 'shapefile', () => shapefileWith((f) => (f['site.dbf'] = f['site.dbf'].subarray(0, 20)))],
  ['csv: truncated to a header', 'csv', () => utf8('lon,lat\n')],
  ['guotu-txt: truncated after the plot line', 'guotu-txt', () => utf8(EXAMPLE.slice(0, EXAMPLE.indexOf('J1')))],
  ['guotu-txt: truncated before [地块坐标]', 'guotu-txt', () => utf8(EXAMPLE.slice(0, EXAMPLE.indexOf('[地块坐标]')))],
  ['guotu-txt: truncated mid-row', 'guotu-txt', () => utf8(EXAMPLE.slice(0, EXAMPLE.indexOf('J3') + 12))],
  // wrong sections / structure
  ['geojson: not a GeoJSON type', 'geojson', () => utf8('{"type":"Topology","objects":{}}')],
  ['geojson: an array', 'geojson', () => utf8('[1,2,3]')],
  ['kml: XML but not KML', 'kml', () => utf8('<?xml version="1.0"?><svg></svg>')],
  ['kml: mismatched tags', 'kml', () => utf8('<kml><Document><Placemark></Document></kml>')],
  ['shapefile: zip of other files', 'shapefile', () => zipOf({ 'readme.txt': 'hi' })],
  ['shapefile: .shp with a hostile record length', 'shapefile', () => shapefileWith((f) => f['site.shp'].writeInt32BE(-4, 104))],
  ['shapefile: .shp header overwritten', 'shapefile', () => shapefileWith((f) => f['site.shp'].fill(7, 0, 100))],
  ['shapefile: MultiPatch shape type', 'shapefile', () => shapefileWith((f) => f['site.shp'].writeInt32LE(31, 32))],
  ['csv: no coordinate columns', 'csv', () => utf8('名称,备注\n甲,乙\n')],
  ['guotu-txt: unknown section', 'guotu-txt', () => utf8(EXAMPLE.replace('[地块坐标]', '[坐标]'))],
  ['guotu-txt: rows before any section', 'guotu-txt', () => utf8(`J1,1,2923000,36367300\n${EXAMPLE}`)],
  ['guotu-txt: point row with 3 fields', 'guotu-txt', () => utf8(EXAMPLE.replace('J2,1,2923000.000,36367400.000', 'J2,2923000.000,36367400.000'))],
  ['guotu-txt: no plot line', 'guotu-txt', () => utf8(EXAMPLE.replace(/^10,0\.7600.*@$/m, ''))],
  ['guotu-txt: header line without =', 'guotu-txt', () => utf8(EXAMPLE.replace('精度=0.001', '精度 0.001'))],
  ['guotu-txt: a CSV given as TXT', 'guotu-txt', () => utf8(CSV)],
  // non-numeric coordinates
  ['geojson: string coordinate', 'geojson', () => utf8('{"type":"Point","coordinates":[106.67,"26.41"]}')],
  ['kml: letters in <coordinates>', 'kml', () => utf8('<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Point><coordinates>abc,def</coordinates></Point></Placemark></kml>')],
  ['csv: letters in a coordinate', 'csv', () => utf8('lon,lat\n106.67,26.41\n106.68,北纬\n')],
  ['guotu-txt: letters in X', 'guotu-txt', () => utf8(EXAMPLE.replace('J3,1,2922920.000', 'J3,1,29229X0.000'))],
  ['guotu-txt: ring number not an integer', 'guotu-txt', () => utf8(EXAMPLE.replace('J3,1,', 'J3,a,'))],
  ['shapefile: NaN coordinates', 'shapefile', () => shapefileWith((f) => f['site.shp'].fill(0xff, 200, 232))],
  // wrong CRS
  ['geojson: metres without crs', 'geojson', () => utf8('{"type":"Point","coordinates":[36367301.81,2922944.07]}')],
  ['geojson: unsupported crs member', 'geojson', () => utf8('{"type":"Point","crs":{"type":"name","properties":{"name":"EPSG:3395"}},"coordinates":[1,2]}')],
  ['geojson: lon/lat with a GK crs chosen', 'geojson', () => utf8(GEOJSON), { crs: { epsg: 4524, gcj02: false } }],
  ['kml: projected numbers', 'kml', () => utf8('<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Point><coordinates>36367301.81,2922944.07</coordinates></Point></Placemark></kml>')],
  ['shapefile: Lambert .prj', 'shapefile', () => shapefileWith((f) => (f['site.prj'] = utf8('PROJCS["x",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]],PROJECTION["Lambert_Conformal_Conic"],UNIT["Meter",1.0]]')))],
  ['shapefile: wrong zone chosen', 'shapefile', () => fixture('gdal/site-4524-utf8.zip'), { crs: { epsg: 4523, gcj02: false } }],
  ['csv: lon/lat with a GK crs chosen', 'csv', () => utf8(CSV), { crs: { epsg: 4545, gcj02: false } }],
  ['guotu-txt: unknown 坐标系', 'guotu-txt', () => utf8(EXAMPLE.replace('2000国家大地坐标系', '地方独立坐标系'))],
  ['guotu-txt: 计量单位 in degrees', 'guotu-txt', () => utf8(EXAMPLE.replace('计量单位=米', '计量单位=度'))],
  ['guotu-txt: 6° header with a 3° prefix', 'guotu-txt', () => utf8(EXAMPLE.replace('几度分带=3', '几度分带=6').replace('带号=36\n', ''))],
  ['guotu-txt: zone outside China', 'guotu-txt', () => utf8(EXAMPLE.replace(/,36(\d{6}\.\d+)$/gm, ',$1').replace('带号=36', '带号=50'))],
];

