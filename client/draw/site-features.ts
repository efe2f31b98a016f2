import type { Feature, Geometry, Polygon, MultiPolygon, Position } from 'geojson';

/** Where a part of the site came from: drawn here, imported from a file, or an adopted suggestion. */
export type SiteOrigin = 'drawn' | 'imported' | 'avoidance';

interface SiteProperties {
  name?: string;
  origin: SiteOrigin;
  /** terra-draw mode of an editable feature (polygon, linestring, point, rectangle, circle, freehand). */
  mode?: string;
  [key: string]: unknown;
}

/** One part of the proposed site, in EPSG:4326. */
export type SiteFeature = Feature<Geometry, SiteProperties> & { id: string };

/** Properties terra-draw puts on its helper points (vertices, midpoints, snapping markers). */
const GUIDANCE_PROPERTIES = ['midPoint', 'selectionPoint', 'coordinatePoint', 'snappingPoint', 'closingPoint'];

export function isGuidanceFeature(properties: Record<string, unknown> | null | undefined): boolean {
  return GUIDANCE_PROPERTIES.some((key) => Boolean(properties?.[key]));
}

const distinct = (positions: Position[]) => new Set(positions.map((p) => `${p[0]},${p[1]}`)).size;

/**
 * A ring spans an area: three distinct vertices not all on one line. (Not its signed area: a
 * bow tie's two halves cancel, yet it must still be checked — and refused with the crossing named.)
 */
function spansArea(ring: Position[]): boolean {
  if (distinct(ring) < 3) return false;
  const [x0, y0] = ring[0];
  const [x1, y1] = ring.find((p) => p[0] !== x0 || p[1] !== y0)!;
  return ring.some(([x, y]) => Math.abs((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)) > 1e-14);
}

/**
 * Whether a feature is a usable site part yet. A polygon still being drawn with two clicks, or a
 * line with one point, has no shape to measure or check.
 */
export function isCompleteShape(geometry: Geometry): boolean {
  switch (geometry.type) {
    case 'Point':
      return true;
    case 'LineString':
      return distinct(geometry.coordinates) >= 2;
    case 'Polygon':
      return spansArea(geometry.coordinates[0] ?? []);
    case 'MultiPolygon':
      return geometry.coordinates.some((p) => spansArea(p[0] ?? []));
    case 'MultiPoint':
    case 'MultiLineString':
      return geometry.coordinates.length > 0;
    case 'GeometryCollection':
      return geometry.geometries.some(isCompleteShape);
  }
}

const isAreal = (g: Geometry): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon';

/**
 * The geometry POST /api/check receives for the whole site: the single part as it is, several
 * polygons as one MultiPolygon, a mix of points, lines and polygons as a GeometryCollection.
 */
export function siteGeometry(features: readonly SiteFeature[]): Geometry | null {
  const parts = features.map((f) => f.geometry).filter(isCompleteShape);
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  if (parts.every(isAreal)) {
    return { type: 'MultiPolygon', coordinates: parts.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)) };
  }
  return { type: 'GeometryCollection', geometries: parts };
}

/** Kind of the site for the impact-width input: only points and lines have one. */
export function hasLinearOrPointParts(features: readonly SiteFeature[]): { points: boolean; lines: boolean } {
  const types = new Set(features.map((f) => f.geometry.type));
  return { points: types.has('Point') || types.has('MultiPoint'), lines: types.has('LineString') || types.has('MultiLineString') };
}
