import { PbfWriter } from 'pbf';
import { readTwkb, type TileParts } from './twkb.ts';

const MVT_EXTENT = 4096;

/** A feature already clipped, oriented and quantised to tile space by PostGIS, as TWKB (tiles.ts). */
export interface TileSpaceFeature {
  id: number;
  twkb: Uint8Array;
  properties: Record<string, string | number | null>;
}

const command = (id: 1 | 2 | 7, count: number) => (count << 3) | id;
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

/** Vertices a part draws: a polygon ring without its closing vertex; 0 when it cannot be drawn. */
function drawnVertices(type: number, p: number[]): number {
  let n = p.length / 2;
  if (type === 3) {
    if (n > 1 && p[0] === p[2 * n - 2] && p[1] === p[2 * n - 1]) n--;
    return n < 3 ? 0 : n;
  }
  return type === 2 && n < 2 ? 0 : n;
}

/**
 * Whether each part is drawn. A ring of fewer than 3 distinct vertices or a line of fewer than 2
 * cannot be and is left out (a polygon whose exterior is, with its holes); PostGIS's
 * ST_SnapToGrid already drops such rings, this only keeps the tile valid.
 */
function drawnParts({ type, parts, exterior }: TileParts): boolean[] {
  const drawn: boolean[] = new Array(parts.length);
  let holesDrawn = true;
  for (let k = 0; k < parts.length; k++) {
    if (type === 3 && exterior[k]) holesDrawn = drawnVertices(type, parts[k]) > 0;
    drawn[k] = (type !== 3 || holesDrawn) && drawnVertices(type, parts[k]) > 0;
  }
  return drawn;
}

/**
 * The feature's geometry as MVT 2.1 commands (§4.3), written straight into the packed field: the
 * cursor runs on across parts; points are one MoveTo; a line MoveTo then LineTo; a ring MoveTo,
 * LineTo of every vertex but the closing one, ClosePath.
 */
function writeCommands(f: EncodedFeature, pbf: PbfWriter): void {
  const { type, parts } = f.geometry;
  let cx = 0;
  let cy = 0;
  if (type === 1) pbf.writeVarint(command(1, f.drawnCount));
  for (let k = 0; k < parts.length; k++) {
    if (!f.drawn[k]) continue;
    const p = parts[k];
    const n = type === 1 ? 1 : drawnVertices(type, p);
    for (let i = 0; i < 2 * n; i += 2) {
      if (type !== 1 && i === 0) pbf.writeVarint(command(1, 1));
      if (type !== 1 && i === 2) pbf.writeVarint(command(2, n - 1));
      pbf.writeVarint(zigzag(p[i] - cx));
      pbf.writeVarint(zigzag(p[i + 1] - cy));
      cx = p[i];
      cy = p[i + 1];
    }
    if (type === 3) pbf.writeVarint(command(7, 1));
  }
}

interface EncodedFeature {
  id: number;
  geometry: TileParts;
  drawn: boolean[];
  drawnCount: number;
  tags: number[];
}

function writeValue(value: string | number, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(1, value);
  else if (!Number.isInteger(value)) pbf.writeDoubleField(3, value);
  else if (value < 0) pbf.writeSVarintField(6, value);
  else pbf.writeVarintField(5, value);
}

function writeFeature(f: EncodedFeature, pbf: PbfWriter): void {
  pbf.writeVarintField(1, f.id);
  pbf.writePackedVarint(2, f.tags);
  pbf.writeVarintField(3, f.geometry.type);
  pbf.writeMessage(4, writeCommands, f);
}

/** Protobuf field numbers of the MVT 2.1 schema (vector_tile.proto). */
const TILE_LAYERS = 3;
const LAYER = { name: 1, features: 2, keys: 3, values: 4, extent: 5, version: 15 } as const;

/**
 * One layer of a Mapbox Vector Tile (MVT 2.1) encoded in Node, from the TWKB PostGIS hands over:
 * where PostGIS lacks protobuf support for ST_AsMVT (the embedded PGlite build), PostGIS still
 * clips, orients and quantises, and this writes the protobuf (with `pbf`, the library MapLibre
 * reads tiles with). Each feature is written as its row arrives, so the work overlaps the query
 * still running on the database's thread; the key and value tables follow the features (protobuf
 * fields may come in any order). Null properties are left out; equal values share one entry.
 */
export class MvtLayerEncoder {
  /** The layer message's body, written as features come. */
  private readonly body = new PbfWriter(new Uint8Array(64 * 1024));
  private features = 0;
  private readonly keys: string[] = [];
  private readonly values: (string | number)[] = [];
  private readonly keyIndex = new Map<string, number>();
  // Strings and numbers apart ('2' and 2 are different MVT values), without building a key per value.
  private readonly stringIndex = new Map<string, number>();
  private readonly numberIndex = new Map<number, number>();

  constructor(layerName: string) {
    this.body.writeVarintField(LAYER.version, 2);
    this.body.writeStringField(LAYER.name, layerName);
    this.body.writeVarintField(LAYER.extent, MVT_EXTENT);
  }

  add(f: TileSpaceFeature): void {
    const geometry = readTwkb(f.twkb);
    if (geometry.type === 0) return;
    const drawn = drawnParts(geometry);
    const drawnCount = drawn.filter(Boolean).length;
    if (drawnCount === 0) return;
    const tags: number[] = [];
    for (const key in f.properties) {
      const value = f.properties[key];
      if (value === null || value === undefined) continue;
      let k = this.keyIndex.get(key);
      if (k === undefined) this.keyIndex.set(key, (k = this.keys.push(key) - 1));
      const index = (typeof value === 'string' ? this.stringIndex : this.numberIndex) as Map<string | number, number>;
      let v = index.get(value);
      if (v === undefined) index.set(value, (v = this.values.push(value) - 1));
      tags.push(k, v);
    }
    this.body.writeMessage(LAYER.features, writeFeature, { id: f.id, geometry, drawn, drawnCount, tags });
    this.features++;
  }

  /** The tile's bytes; none at all when no feature was drawn (an empty tile). */
  finish(): Buffer {
    if (this.features === 0) return Buffer.alloc(0);
    for (const key of this.keys) this.body.writeStringField(LAYER.keys, key);
    for (const value of this.values) this.body.writeMessage(LAYER.values, writeValue, value);
    const layer = this.body.finish();
    const head = new PbfWriter(new Uint8Array(16));
    head.writeTag(TILE_LAYERS, 2); // length-delimited
    head.writeVarint(layer.byteLength);
    return Buffer.concat([head.finish(), layer]);
  }
}
