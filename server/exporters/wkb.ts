import type { Geometry, Position } from 'geojson';

/**
 * ISO Well-Known Binary (little endian, 2D) of a GeoJSON geometry, and its x/y envelope: what a
 * GeoPackage geometry blob carries after its header.
 */
const TYPE_CODE: Record<string, number> = {
  Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6, GeometryCollection: 7,
};

class ByteWriter {
  private chunks: Buffer[] = [];
  u8(v: number) {
    this.chunks.push(Buffer.from([v]));
  }
  u32(v: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.chunks.push(b);
  }
  points(ps: Position[]) {
    const b = Buffer.alloc(16 * ps.length);
    ps.forEach((p, i) => {
      b.writeDoubleLE(p[0], 16 * i);
      b.writeDoubleLE(p[1], 16 * i + 8);
    });
    this.chunks.push(b);
  }
  done() {
    return Buffer.concat(this.chunks);
  }
}

function write(w: ByteWriter, g: Geometry): void {
  w.u8(1);
  w.u32(TYPE_CODE[g.type]);
  switch (g.type) {
    case 'Point':
      w.points([g.coordinates.length ? g.coordinates : [NaN, NaN]]);
      return;
    case 'LineString':
      w.u32(g.coordinates.length);
      w.points(g.coordinates);
      return;
    case 'Polygon':
      w.u32(g.coordinates.length);
      for (const ring of g.coordinates) {
        w.u32(ring.length);
        w.points(ring);
      }
      return;
    case 'MultiPoint':
      w.u32(g.coordinates.length);
      for (const p of g.coordinates) write(w, { type: 'Point', coordinates: p });
      return;
    case 'MultiLineString':
      w.u32(g.coordinates.length);
      for (const l of g.coordinates) write(w, { type: 'LineString', coordinates: l });
      return;
    case 'MultiPolygon':
      w.u32(g.coordinates.length);
      for (const p of g.coordinates) write(w, { type: 'Polygon', coordinates: p });
      return;
    case 'GeometryCollection':
      w.u32(g.geometries.length);
      for (const part of g.geometries) write(w, part);
  }
}

export function toWkb(geometry: Geometry): Buffer {
  const w = new ByteWriter();
  write(w, geometry);
  return w.done();
}

/** [minX, minY, maxX, maxY], or undefined for an empty geometry. */
export function envelopeOf(geometry: Geometry): [number, number, number, number] | undefined {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      minX = Math.min(minX, c[0]);
      maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1] as number);
      maxY = Math.max(maxY, c[1] as number);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  if (geometry.type === 'GeometryCollection') geometry.geometries.forEach((g) => visit('coordinates' in g ? g.coordinates : []));
  else visit(geometry.coordinates);
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : undefined;
}
