import gjv from 'geojson-validation';
import type { Feature, Geometry } from 'geojson';
import { badRequest, unprocessable } from '../http/errors.ts';
import { assertFiniteCoordinates } from '../geo/crs-checks.ts';
import { positionsOf } from '../geo/geometry.ts';
import { normalizeFeatures } from '../geo/normalize.ts';
import type { SiteFeatureCollection } from './types.ts';

/**
 * The export body's `features` — a FeatureCollection, a Feature or a bare Geometry in EPSG:4326 —
 * → a validated collection of 2D features. Projected numbers sent by mistake are refused here.
 */
export function siteFeaturesFromInput(input: unknown): SiteFeatureCollection {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw badRequest('MISSING_FEATURES', '请求体需要 features：GeoJSON FeatureCollection、Feature 或几何（EPSG:4326）。', 'The body needs `features`: a GeoJSON FeatureCollection, Feature or geometry (EPSG:4326).');
  let problems: string[];
  try {
    problems = gjv.valid(input, true);
  } catch {
    problems = ['unreadable structure'];
  }
  if (problems.length > 0)
    throw unprocessable('INVALID_GEOJSON', `features 不是有效的 GeoJSON：${problems.slice(0, 3).join('；')}`, `features is not valid GeoJSON: ${problems.slice(0, 3).join('; ')}`, { problems: problems.slice(0, 50) });
  const doc = input as { type: string; features?: Feature[] };
  const features: Feature<Geometry | null>[] =
    doc.type === 'FeatureCollection' ? doc.features! : doc.type === 'Feature' ? [doc as Feature] : [{ type: 'Feature', properties: {}, geometry: doc as Geometry }];
  const { features: usable } = normalizeFeatures(features);
  if (usable.length === 0) throw unprocessable('NO_FEATURES', '没有可导出的几何图形。', 'There is no geometry to export.');
  const positions = usable.flatMap((f) => positionsOf(f.geometry));
  assertFiniteCoordinates(positions);
  const bad = positions.find(([lon, lat]) => Math.abs(lon) > 180 || Math.abs(lat) > 90);
  if (bad)
    throw unprocessable('NOT_LONLAT', `坐标 (${bad[0]}, ${bad[1]}) 不是经纬度：导出接口只接受 EPSG:4326。`, `Coordinate (${bad[0]}, ${bad[1]}) is not lon/lat: export takes EPSG:4326 only.`);
  return { type: 'FeatureCollection', features: usable };
}
