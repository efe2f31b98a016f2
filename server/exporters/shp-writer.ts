import type { Position } from 'geojson';
import { boundingBox, orientPolygon, positionsOf } from '../geo/geometry.ts';
import type { SiteGeometry } from './types.ts';

/**
 * .shp + .shx for one layer (ESRI Shapefile Technical Description, 1998). Written here rather than
 * with @mapbox/shp-write, which neither orients rings (the format wants outer rings clockwise,
 * holes counter-clockwise) nor encodes non-ASCII attributes.
 */
export type ShapeKind = 'point' | 'multipoint' | 'polyline' | 'polygon';
const SHAPE_TYPE: Record<ShapeKind, number> = { point: 1, polyline: 3, polygon: 5, multipoint: 8 };

export function shapeKindOf(g: SiteGeometry): ShapeKind {
  if (g.type === 'Point') return 'point';
  if (g.type === 'MultiPoint') return 'multipoint';
  if (g.type === 'LineString' || g.type === 'MultiLineString') return 'polyline';
  return 'polygon';
}

function partsOf(g: SiteGeometry): Position[][] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'Polygon':
      return orientPolygon(g.coordinates, false);
    case 'MultiPolygon':
      return g.coordinates.flatMap((p) => orientPolygon(p, false));
    default:
      return [];
  }
}

function writeBox(buf: Buffer, at: number, box: [number, number, number, number]): void {
  box.forEach((v, i) => buf.writeDoubleLE(v, at + 8 * i));
}

function recordContent(g: SiteGeometry, kind: ShapeKind): Buffer {
  const type = SHAPE_TYPE[kind];
  if (g.type === 'Point') {
    const b = Buffer.alloc(20);
    b.writeInt32LE(type, 0);
    b.writeDoubleLE(g.coordinates[0], 4);
    b.writeDoubleLE(g.coordinates[1], 12);
    return b;
  }
  if (g.type === 'MultiPoint') {
    const b = Buffer.alloc(40 + 16 * g.coordinates.length);
    b.writeInt32LE(type, 0);
    writeBox(b, 4, boundingBox(g.coordinates));
    b.writeInt32LE(g.coordinates.length, 36);
    g.coordinates.forEach(([x, y], i) => (b.writeDoubleLE(x, 40 + 16 * i), b.writeDoubleLE(y, 48 + 16 * i)));
    return b;
  }
  const parts = partsOf(g);
  const points = parts.flat();
  const b = Buffer.alloc(44 + 4 * parts.length + 16 * points.length);
  b.writeInt32LE(type, 0);
  writeBox(b, 4, boundingBox(points));
  b.writeInt32LE(parts.length, 36);
  b.writeInt32LE(points.length, 40);
  let start = 0;
  parts.forEach((part, i) => {
    b.writeInt32LE(start, 44 + 4 * i);
    start += part.length;
  });
  const at = 44 + 4 * parts.length;
  points.forEach(([x, y], i) => (b.writeDoubleLE(x, at + 16 * i), b.writeDoubleLE(y, at + 16 * i + 8)));
  return b;
}

function fileHeader(kind: ShapeKind, fileBytes: number, box: [number, number, number, number]): Buffer {
  const h = Buffer.alloc(100);
  h.writeInt32BE(9994, 0);
  h.writeInt32BE(fileBytes / 2, 24);
  h.writeInt32LE(1000, 28);
  h.writeInt32LE(SHAPE_TYPE[kind], 32);
  writeBox(h, 36, box);
  return h;
}

/** All geometries must be of the layer's kind; coordinates are written as given ([x, y]). */
export function writeShpLayer(geometries: SiteGeometry[], kind: ShapeKind): { shp: Buffer; shx: Buffer } {
  const contents = geometries.map((g) => recordContent(g, kind));
  const box = boundingBox(geometries.flatMap((g) => positionsOf(g)));
  const shpBytes = 100 + contents.reduce((s, c) => s + 8 + c.length, 0);
  const shxBytes = 100 + 8 * contents.length;
  const shp: Buffer[] = [fileHeader(kind, shpBytes, box)];
  const shx: Buffer[] = [fileHeader(kind, shxBytes, box)];
  let offset = 100;
  contents.forEach((c, i) => {
    const head = Buffer.alloc(8);
    head.writeInt32BE(i + 1, 0);
    head.writeInt32BE(c.length / 2, 4);
    shp.push(head, c);
    const index = Buffer.alloc(8);
    index.writeInt32BE(offset / 2, 0);
    index.writeInt32BE(c.length / 2, 4);
    shx.push(index);
    offset += 8 + c.length;
  });
  return { shp: Buffer.concat(shp), shx: Buffer.concat(shx) };
}
