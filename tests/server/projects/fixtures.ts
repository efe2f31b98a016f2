import type pg from 'pg';
import { square } from '../auth/accounts.ts';
import { loadTestLayer, removeTestLayers } from '../../support/test-layers.ts';

/**
 * A 一级 drinking-water zone (0.01° square) near 101 E, 31 N — far from the 花溪区 reference data
 * and from the engine tests' layers — so a site's verdict is known: an industrial plant that
 * discharges pollutants inside it is prohibited (水污染防治法 第六十五条), one 5 km away is clear.
 */
export const TEST_WATER_LAYER = 'zz_review_water';
export const INSIDE_ZONE = square(101.004, 31.004);
export const OUTSIDE_ZONE = square(101.06, 31.06);
export const POLLUTING_PLANT = { type: 'industrial', dischargesPollutants: true };

export async function loadReviewLayer(pool: pg.Pool) {
  await removeTestLayers(pool, [TEST_WATER_LAYER]);
  return loadTestLayer(
    pool,
    TEST_WATER_LAYER,
    'water_source',
    [{ id: 'rw1', name: '测试审查水源一级区', level: 'grade1', geometry: square(101.0, 31.0, 0.01) }],
    ['grade1', 'grade2', 'quasi'],
  );
}

export const removeReviewLayer = (pool: pg.Pool) => removeTestLayers(pool, [TEST_WATER_LAYER]);

/** Current versions of all checked layers: what a check run made now must record. */
export async function currentCheckedVersions(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ id: string; v: number }>('SELECT id, current_version AS v FROM layers WHERE checked AND current_version IS NOT NULL');
  return Object.fromEntries(rows.map((r) => [r.id, r.v]));
}
