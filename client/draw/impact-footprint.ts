import { buffer } from '@turf/turf';
import type { Feature, Polygon, MultiPolygon } from 'geojson';
import type { SiteFeature } from './site-features.ts';

/** The check's defaults when the project gives no width (server/check/engine.ts). */
const DEFAULT_LINE_WIDTH_M = 10;
const DEFAULT_POINT_WIDTH_M = 20;

/**
 * Preview of what the check will test for point and line parts: the footprint of the impact width,
 * half of it on each side (as the engine buffers). Only a preview; the check buffers on the
 * ellipsoid in PostGIS.
 */
export function impactFootprints(features: readonly SiteFeature[], widthM: number | null): Feature<Polygon | MultiPolygon>[] {
  const out: Feature<Polygon | MultiPolygon>[] = [];
  for (const feature of features) {
    const type = feature.geometry.type;
    const isLine = type === 'LineString' || type === 'MultiLineString';
    const isPoint = type === 'Point' || type === 'MultiPoint';
    if (!isLine && !isPoint) continue;
    const width = widthM ?? (isLine ? DEFAULT_LINE_WIDTH_M : DEFAULT_POINT_WIDTH_M);
    const footprint = buffer(feature, width / 2, { units: 'meters', steps: 16 });
    if (footprint) out.push({ ...footprint, properties: { featureId: feature.id, widthM: width } });
  }
  return out;
}
