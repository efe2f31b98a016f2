import type { Geometry, Position } from 'geojson';

/**
 * GeoJSON → ISO WKB, little-endian, 2D (what GeoPackage geometry blobs carry after their header).
 * Z and M are dropped: sites are planar footprints.
 */
const TYPE_CODES: Record<Geometry['type'], number> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
};

class Writer {
  private chunks: Buffer[] = [];
  header(type: number) {
    const b = Buffer.alloc(5);
    b.writeUInt8(1, 0);
    b.writeUInt32LE(type, 1);
    this.chunks.push(b);
  }
  uint(n: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n, 0);
    this.chunks.push(b);
  }
  points(ps: Position[]) {
    const b = Buffer.alloc(ps.length * 16);
    ps.forEach((p, i) => {
      b.writeDoubleLE(p[0], i * 16);
      b.writeDoubleLE(p[1], i * 16 + 8);
    });
    this.chunks.push(b);
  }
  done() {
    return Buffer.concat(this.chunks);
  }
}

function write(w: Writer, g: Geometry): void {
  w.header(TYPE_CODES[g.type]);
  switch (g.type) {
    case 'Point':
      w.points([g.coordinates]);
      return;
    case 'LineString':
      w.uint(g.coordinates.length);
      w.points(g.coordinates);
      return;
    case 'Polygon':
      w.uint(g.coordinates.length);
      for (const ring of g.coordinates) {
        w.uint(ring.length);
        w.points(ring);
      }
      return;
    case 'MultiPoint':
      w.uint(g.coordinates.length);
      for (const p of g.coordinates) write(w, { type: 'Point', coordinates: p });
      return;
    case 'MultiLineString':
      w.uint(g.coordinates.length);
      for (const l of g.coordinates) write(w, { type: 'LineString', coordinates: l });
      return;
    case 'MultiPolygon':
      w.uint(g.coordinates.length);
      for (const p of g.coordinates) write(w, { type: 'Polygon', coordinates: p });
      return;
    case 'GeometryCollection':
      w.uint(g.geometries.length);
      for (const child of g.geometries) write(w, child);
      return;
  }
}

export function toWkb(geometry: Geometry): Buffer {
  const w = new Writer();
  write(w, geometry);
  return w.done();
}

/** [minX, maxX, minY, maxY] — the order of a GeoPackage envelope. */
export function envelopeOf(geometry: Geometry): [number, number, number, number] {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const visit = (g: Geometry) => {
    if (g.type === 'GeometryCollection') return g.geometries.forEach(visit);
    const positions: Position[] = collect(g.coordinates as unknown[]);
    for (const [x, y] of positions) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  };
  visit(geometry);
  return [minX, maxX, minY, maxY];
}

function collect(nested: unknown[]): Position[] {
  if (nested.length > 0 && typeof nested[0] === 'number') return [nested as Position];
  return nested.flatMap((n) => collect(n as unknown[]));
}
