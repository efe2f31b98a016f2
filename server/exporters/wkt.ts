import type { Geometry, Position } from 'geojson';

/** OGC Well-Known Text of a GeoJSON geometry (2D), for CSV downloads a spreadsheet or QGIS can read. */
export function toWkt(g: Geometry, decimals: number): string {
  const pt = (p: Position) => `${Number(p[0].toFixed(decimals))} ${Number(p[1].toFixed(decimals))}`;
  const line = (ps: Position[]) => `(${ps.map(pt).join(', ')})`;
  const poly = (rings: Position[][]) => `(${rings.map(line).join(', ')})`;
  switch (g.type) {
    case 'Point':
      return g.coordinates.length ? `POINT (${pt(g.coordinates)})` : 'POINT EMPTY';
    case 'LineString':
      return `LINESTRING ${line(g.coordinates)}`;
    case 'Polygon':
      return `POLYGON ${poly(g.coordinates)}`;
    case 'MultiPoint':
      return `MULTIPOINT (${g.coordinates.map((p) => `(${pt(p)})`).join(', ')})`;
    case 'MultiLineString':
      return `MULTILINESTRING (${g.coordinates.map(line).join(', ')})`;
    case 'MultiPolygon':
      return `MULTIPOLYGON (${g.coordinates.map(poly).join(', ')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION (${g.geometries.map((x) => toWkt(x, decimals)).join(', ')})`;
  }
}
