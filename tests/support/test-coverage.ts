import type pg from 'pg';
import { setCoverage } from '../../server/check/coverage.ts';
import { loadLayerVersion } from '../../server/layers/loader.ts';

/**
 * The shared test database's coverage area: 花溪区 (as the product's default) plus the box far to
 * the west where the engine tests place their synthetic layers (test-layers.ts, ~94–101.6°E,
 * 30–31.5°N). A retired layer: neither on the map nor checked, only the coverage. 110°E 30°N stays
 * outside, as in production.
 */
const TEST_COVERAGE_BOX: [number, number, number, number] = [90, 28, 102, 33];

export async function loadTestCoverage(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ g: string }>(
    `SELECT ST_AsGeoJSON(ST_Union(f.geom)) AS g FROM layers l JOIN features f ON f.layer_id = l.id AND f.version = l.current_version
      WHERE l.id = 'admin_boundary' AND f.level = 'district'`,
  );
  const [w, s, e, n] = TEST_COVERAGE_BOX;
  const box: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
  const features: GeoJSON.Feature[] = [{ type: 'Feature', id: 'test-box', properties: { name: 'test box' }, geometry: box }];
  if (rows[0]?.g) features.push({ type: 'Feature', id: 'district', properties: { name: '花溪区' }, geometry: JSON.parse(rows[0].g) });
  await loadLayerVersion(pool, {
    id: 'test_coverage', kind: 'reference', nameZh: '测试覆盖范围', nameEn: 'test coverage', group: 'test', geometryType: 'Polygon',
    levels: [], checked: false, illustrative: true, legendOrder: 99999, source: { zh: '测试', en: 'test' }, style: {},
  }, { type: 'FeatureCollection', features });
  await pool.query(`UPDATE layers SET retired = true, checked = false WHERE id = 'test_coverage'`);
  await setCoverage(pool, { layerId: 'test_coverage', level: null });
}
