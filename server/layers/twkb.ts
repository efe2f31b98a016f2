/**
 * Reads Tiny WKB (ST_AsTWKB, https://github.com/TWKB/Specification) at precision 0 — how the embedded
 * database hands tile-space geometry (integers) to the Node tile encoder: a z6 tile of a province's
 * red line is a few hundred KB of varints instead of MBs of GeoJSON text to build and parse.
 * Only what PostGIS writes for 2D geometries without bbox or id lists is accepted.
 */
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

  points(n: number): [number, number][] {
    const out: [number, number][] = new Array(n);
    for (let i = 0; i < n; i++) {
      this.x += this.zigzag();
      this.y += this.zigzag();
      out[i] = [this.x, this.y];
    }
    return out;
  }
}

const POINT = 1, LINESTRING = 2, POLYGON = 3, MULTIPOINT = 4, MULTILINESTRING = 5, MULTIPOLYGON = 6, COLLECTION = 7;

function readGeometry(r: Reader): GeoJSON.Geometry {
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
  const rings = () => Array.from({ length: r.varint() }, () => r.points(r.varint()));
  switch (type) {
    case POINT:
      return { type: 'Point', coordinates: empty ? [] : r.points(1)[0] };
    case LINESTRING:
      return { type: 'LineString', coordinates: empty ? [] : r.points(r.varint()) };
    case POLYGON:
      return { type: 'Polygon', coordinates: empty ? [] : rings() };
    case MULTIPOINT:
      return { type: 'MultiPoint', coordinates: empty ? [] : r.points(r.varint()) };
    case MULTILINESTRING:
      return { type: 'MultiLineString', coordinates: empty ? [] : Array.from({ length: r.varint() }, () => r.points(r.varint())) };
    case MULTIPOLYGON:
      return { type: 'MultiPolygon', coordinates: empty ? [] : Array.from({ length: r.varint() }, rings) };
    case COLLECTION:
      return { type: 'GeometryCollection', geometries: empty ? [] : Array.from({ length: r.varint() }, () => readGeometry(r)) };
    default:
      throw new Error(`TWKB: unknown geometry type ${type}`);
  }
}

export function readTwkb(buf: Uint8Array): GeoJSON.Geometry {
  return readGeometry(new Reader(buf));
}
