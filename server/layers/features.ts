import type { Queryable } from '../db/types.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { LayerInfo } from './catalog.ts';

export type BBox = [number, number, number, number];

/** Parses `w,s,e,n` in degrees; a clear 400 otherwise. */
export function parseBbox(raw: unknown): BBox | undefined {
  if (raw === undefined || raw === '') return undefined;
  const parts = typeof raw === 'string' ? raw.split(',').map(Number) : [];
  const [w, s, e, n] = parts;
  const ok =
    parts.length === 4 && parts.every(Number.isFinite) && w >= -180 && e <= 180 && s >= -90 && n <= 90 && w < e && s < n;
  if (!ok) {
    throw badRequest('BAD_BBOX', 'bbox 应为 "西,南,东,北"（经纬度，西<东，南<北）', 'bbox must be "west,south,east,north" in degrees with west<east and south<north');
  }
  return [w, s, e, n];
}

/**
 * The features of one version of a layer (default: current) as an RFC 7946 FeatureCollection. Each
 * feature carries its stable id, name, level, ellipsoidal area and the layer version it came from.
 */
export async function layerFeatures(
  db: Queryable,
  layer: LayerInfo,
  { bbox, version }: { bbox?: BBox; version?: number } = {},
): Promise<GeoJSON.FeatureCollection> {
  const v = version ?? layer.version;
  if (v === null) return { type: 'FeatureCollection', features: [] };
  if (version !== undefined) {
    const exists = await db.query('SELECT 1 FROM layer_versions WHERE layer_id = $1 AND version = $2', [layer.id, version]);
    if (exists.rowCount === 0) throw notFound('UNKNOWN_LAYER_VERSION', `图层 ${layer.id} 没有版本 ${version}`, `Layer ${layer.id} has no version ${version}`);
  }
  const { rows } = await db.query<{ feature: GeoJSON.Feature }>(
    `SELECT json_build_object(
        'type', 'Feature',
        'id', feature_key,
        'properties', properties || jsonb_build_object('name', name, 'level', level, 'areaM2', area_m2,
                                                       'layerId', layer_id, 'layerVersion', version),
        'geometry', ST_AsGeoJSON(geom, 7)::json) AS feature
       FROM features
      WHERE layer_id = $1 AND version = $2
        AND ($3::float8 IS NULL OR geom && ST_MakeEnvelope($3, $4, $5, $6, 4326))
      ORDER BY id`,
    [layer.id, v, bbox?.[0] ?? null, bbox?.[1] ?? null, bbox?.[2] ?? null, bbox?.[3] ?? null],
  );
  return { type: 'FeatureCollection', features: rows.map((r) => r.feature) };
}
