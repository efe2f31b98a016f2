/**
 * Bounding boxes, the one implementation (map framing, report figure, measurement plane, export
 * headers): [west, south, east, north] in the geometry's own coordinates.
 */
export type BBox = [number, number, number, number];

export function bboxOfPositions(positions: Iterable<GeoJSON.Position>): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of positions) {
    if (x < w) w = x;
    if (y < s) s = y;
    if (x > e) e = x;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

function* positionsIn(coordinates: unknown): Generator<GeoJSON.Position> {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') yield coordinates as GeoJSON.Position;
  else for (const c of coordinates) yield* positionsIn(c);
}

function* geometryPositions(geometry: GeoJSON.Geometry): Generator<GeoJSON.Position> {
  if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries) yield* geometryPositions(g);
  else yield* positionsIn(geometry.coordinates);
}

/** Box of geometries (a feature's null geometry adds nothing). */
export function bboxOf(...geometries: (GeoJSON.Geometry | null)[]): BBox {
  return bboxOfPositions((function* () {
    for (const g of geometries) if (g) yield* geometryPositions(g);
  })());
}

/** [[w, s], [e, n]] of any geometry, as MapLibre's fitBounds takes it. */
export function geometryBounds(geometry: GeoJSON.Geometry): [[number, number], [number, number]] {
  const [w, s, e, n] = bboxOf(geometry);
  return [[w, s], [e, n]];
}
