/**
 * Reads Tiny WKB (ST_AsTWKB, https://github.com/TWKB/Specification) at precision 0 — how the embedded
 * database hands tile-space geometry (integers) to the Node tile encoder — straight into what an MVT
 * feature draws: its type and its parts as flat arrays of absolute coordinates. No GeoJSON on the
 * way: a z6 tile of a province's red line is ~3,000 features, and building [x, y] pairs and Point
 * objects for them cost as much as the SQL (issue 17).
 * Only what PostGIS writes for 2D geometries without bbox or id lists is accepted.
 */

/** MVT geometry types (MVT 2.1 §4.3.4): 0 none, 1 points, 2 lines, 3 polygons. */
type TileGeometryType = 0 | 1 | 2 | 3;

export interface TileParts {
  type: TileGeometryType;
  /** Points (one part each), lines, or polygon rings as read (closing vertex kept): x0, y0, x1, y1, … */
  parts: number[][];
  /** For polygons, per part: whether it is the first (exterior) ring of its polygon. */
  exterior: boolean[];
}

class Reader {
  pos = 0;
  /** The running coordinate: TWKB deltas continue across rings and parts. */
  x = 0;
  y = 0;

  constructor(private readonly buf: Uint8Array) {}

  byte(): number {
    if (this.pos >= this.buf.length) throw new Error('TWKB: unexpected end');
    return this.buf[this.pos++];
  }

  varint(): number {
    let result = 0;
    let shift = 1;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * shift;
      if (b < 0x80) return result;
      shift *= 128;
    }
  }

  zigzag(): number {
    const v = this.varint();
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }

  points(n: number): number[] {
    const out: number[] = new Array(2 * n);
    for (let i = 0; i < 2 * n; i += 2) {
      this.x += this.zigzag();
      this.y += this.zigzag();
      out[i] = this.x;
      out[i + 1] = this.y;
    }
    return out;
  }
}

const POINT = 1, LINESTRING = 2, POLYGON = 3, MULTIPOINT = 4, MULTILINESTRING = 5, MULTIPOLYGON = 6, COLLECTION = 7;
const MVT_TYPE: Record<number, TileGeometryType> = { [POINT]: 1, [MULTIPOINT]: 1, [LINESTRING]: 2, [MULTILINESTRING]: 2, [POLYGON]: 3, [MULTIPOLYGON]: 3 };

function polygon(r: Reader, into: TileParts): void {
  const rings = r.varint();
  for (let i = 0; i < rings; i++) {
    into.parts.push(r.points(r.varint()));
    into.exterior.push(i === 0);
  }
}

/** One TWKB geometry's parts; a collection keeps its members of the highest dimension. */
function readGeometry(r: Reader): TileParts {
  const head = r.byte();
  const type = head & 0x0f;
  if (head >> 4 !== 0) throw new Error('TWKB: only precision 0 (tile units) is read');
  const meta = r.byte();
  if (meta & 0x0d) throw new Error('TWKB: bbox, id lists and extended dimensions are not read');
  const empty = (meta & 0x10) !== 0;
  if (meta & 0x02) r.varint(); // size of the rest: not needed
  // Deltas restart at each geometry of a collection (each is a TWKB geometry of its own).
  r.x = 0;
  r.y = 0;
  if (type === COLLECTION) {
    const members = empty ? [] : Array.from({ length: r.varint() }, () => readGeometry(r));
    const top = Math.max(0, ...members.map((m) => m.type)) as TileGeometryType;
    const same = members.filter((m) => m.type === top);
    return { type: top, parts: same.flatMap((m) => m.parts), exterior: same.flatMap((m) => m.exterior) };
  }
  const mvtType = MVT_TYPE[type];
  if (mvtType === undefined) throw new Error(`TWKB: unknown geometry type ${type}`);
  const out: TileParts = { type: empty ? 0 : mvtType, parts: [], exterior: [] };
  if (empty) return out;
  switch (type) {
    case POINT:
      out.parts.push(r.points(1));
      break;
    case MULTIPOINT:
      for (let n = r.varint(), i = 0; i < n; i++) out.parts.push(r.points(1));
      break;
    case LINESTRING:
      out.parts.push(r.points(r.varint()));
      break;
    case MULTILINESTRING:
      for (let n = r.varint(), i = 0; i < n; i++) out.parts.push(r.points(r.varint()));
      break;
    case POLYGON:
      polygon(r, out);
      break;
    case MULTIPOLYGON:
      for (let n = r.varint(), i = 0; i < n; i++) polygon(r, out);
      break;
  }
  return out;
}

export function readTwkb(buf: Uint8Array): TileParts {
  return readGeometry(new Reader(buf));
}
