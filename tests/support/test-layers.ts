import type pg from 'pg';
import { loadLayerVersion } from '../../server/layers/loader.ts';
import type { CatalogEntry } from '../../server/layers/catalog-entry.ts';

/**
 * Synthetic layers for engine tests, placed far from 花溪区 (around 100 E, 30 N) so that they never
 * touch the reference data; removed again by removeTestLayers (test files run one at a time).
 */
export async function loadTestLayer(
  pool: pg.Pool,
  id: string,
  kind: string,
  features: { id: string; name: string; level?: string; geometry: GeoJSON.Geometry; properties?: Record<string, unknown> }[],
  levels: string[] = [],
) {
  const entry: CatalogEntry = {
    id, kind, nameZh: `测试-${kind}`, nameEn: `test ${kind}`, group: 'test', geometryType: features[0].geometry.type,
    levels, checked: true, illustrative: true, legendOrder: 9999, source: { zh: '测试', en: 'test' }, style: {},
  };
  return loadLayerVersion(pool, entry, {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', id: f.id, properties: { name: f.name, level: f.level, ...f.properties }, geometry: f.geometry })),
  });
}

export async function removeTestLayers(pool: pg.Pool, ids: string[]) {
  await pool.query('DELETE FROM feature_parts WHERE layer_id = ANY($1)', [ids]);
  await pool.query('DELETE FROM feature_tile_geoms WHERE layer_id = ANY($1)', [ids]);
  await pool.query('DELETE FROM features WHERE layer_id = ANY($1)', [ids]);
  await pool.query('DELETE FROM layer_versions WHERE layer_id = ANY($1)', [ids]);
  await pool.query('DELETE FROM layers WHERE id = ANY($1)', [ids]);
}
