import type { Feature, Geometry, GeometryCollection, Position } from 'geojson';
import { mapPositions } from './geometry.ts';

/**
 * Shapes every importer's output into what the rest of the app handles: 2D positions, no null
 * geometries, no GeometryCollections (homogeneous ones become Multi*, mixed ones separate features).
 */

const to2d = (p: Position): Position => [p[0], p[1]];

function flattenCollection(gc: GeometryCollection): Geometry[] {
  return gc.geometries.flatMap((g) => (g.type === 'GeometryCollection' ? flattenCollection(g) : [g]));
}

function mergeHomogeneous(parts: Geometry[]): Geometry | undefined {
  const kinds = new Set(parts.map((g) => g.type.replace(/^Multi/, '')));
  if (kinds.size !== 1) return undefined;
  const kind = [...kinds][0];
  if (kind === 'Point')
    return { type: 'MultiPoint', coordinates: parts.flatMap((g) => (g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : [])) };
  if (kind === 'LineString')
    return {
      type: 'MultiLineString',
      coordinates: parts.flatMap((g) => (g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [])),
    };
  return {
    type: 'MultiPolygon',
    coordinates: parts.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [])),
  };
}

/** Single-part Multi* → simple type, so a one-polygon site is a Polygon. */
function simplify(g: Geometry): Geometry {
  if (g.type === 'MultiPolygon' && g.coordinates.length === 1) return { type: 'Polygon', coordinates: g.coordinates[0] };
  if (g.type === 'MultiLineString' && g.coordinates.length === 1) return { type: 'LineString', coordinates: g.coordinates[0] };
  if (g.type === 'MultiPoint' && g.coordinates.length === 1) return { type: 'Point', coordinates: g.coordinates[0] };
  return g;
}

/** Returns the usable features and how many had no geometry. */
export function normalizeFeatures(features: Feature<Geometry | null>[]): { features: Feature<Exclude<Geometry, GeometryCollection>>[]; withoutGeometry: number } {
  const out: Feature<Exclude<Geometry, GeometryCollection>>[] = [];
  let withoutGeometry = 0;
  for (const f of features) {
    if (!f.geometry) {
      withoutGeometry++;
      continue;
    }
    const geometry = mapPositions(f.geometry, to2d);
    const properties = f.properties ?? {};
    const base = f.id === undefined ? {} : { id: f.id };
    if (geometry.type !== 'GeometryCollection') {
      out.push({ type: 'Feature', ...base, properties, geometry: simplify(geometry) as Exclude<Geometry, GeometryCollection> });
      continue;
    }
    const parts = flattenCollection(geometry);
    if (parts.length === 0) {
      withoutGeometry++;
      continue;
    }
    const merged = mergeHomogeneous(parts);
    const geometries = merged ? [simplify(merged)] : parts.map(simplify);
    for (const g of geometries) out.push({ type: 'Feature', ...base, properties, geometry: g as Exclude<Geometry, GeometryCollection> });
  }
  return { features: out, withoutGeometry };
}
