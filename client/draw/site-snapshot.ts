import type { GeoJSONStoreFeatures } from 'terra-draw';
import { isGuidanceFeature, type SiteFeature } from './site-features.ts';

/** Modes whose features terra-draw can hold and edit. */
const EDITABLE_MODES = new Set(['polygon', 'rectangle', 'circle', 'freehand', 'linestring', 'point']);

/** terra-draw's transient bookkeeping: not part of the site, not worth an undo step. */
const TRANSIENT_PROPERTIES = ['selected', 'edited', 'currentlyDrawing', 'committedCoordinateCount', 'provisionalCoordinateCount', 'coordinatePointIds'];

/** A terra-draw store feature as a site part (helper points are not site parts). */
export function fromStoreFeature(feature: GeoJSONStoreFeatures): SiteFeature | null {
  const properties = { ...(feature.properties as Record<string, unknown>) };
  if (isGuidanceFeature(properties)) return null;
  for (const key of TRANSIENT_PROPERTIES) delete properties[key];
  return {
    type: 'Feature',
    id: String(feature.id),
    geometry: feature.geometry,
    properties: { ...properties, origin: (properties.origin as SiteFeature['properties']['origin']) ?? 'drawn', mode: properties.mode as string },
  };
}

/**
 * Whether terra-draw can hold a site part: a single-ring polygon, a line or a point. Polygons with
 * holes and multi-part geometries (a 国土 TXT parcel with an excluded area, say) stay outside
 * terra-draw as fixed parts: shown, measured and checked, but only removable as a whole.
 */
export function isEditableInTerraDraw(feature: SiteFeature): boolean {
  const g = feature.geometry;
  if (g.type === 'Polygon') return g.coordinates.length === 1;
  return g.type === 'LineString' || g.type === 'Point';
}

/** The terra-draw mode a part is edited with: its own, or the plain mode of its geometry type. */
export function modeFor(feature: SiteFeature): string {
  const own = feature.properties.mode;
  if (own && EDITABLE_MODES.has(own)) {
    const fits = (own === 'point') === (feature.geometry.type === 'Point') && (own === 'linestring') === (feature.geometry.type === 'LineString');
    if (fits) return own;
  }
  return feature.geometry.type === 'Point' ? 'point' : feature.geometry.type === 'LineString' ? 'linestring' : 'polygon';
}

/** terra-draw refuses coordinates with more than its precision (9 decimals). */
export function limitPrecision<T>(coordinates: T, decimals = 9): T {
  if (typeof coordinates === 'number') return (Math.round(coordinates * 10 ** decimals) / 10 ** decimals) as T;
  if (Array.isArray(coordinates)) return coordinates.map((c) => limitPrecision(c, decimals)) as T;
  return coordinates;
}
