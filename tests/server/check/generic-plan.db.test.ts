import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCheck } from '../../../server/check/engine.ts';
import { openTestApp } from '../../support/test-app.ts';

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

/**
 * The overlap query is a named statement so that a connection plans it once: PostgreSQL plans the
 * first five executions for their parameters, then keeps a generic plan if it is not costlier.
 * Session 8: a CASE on a parameter around a subquery made every custom plan look cheaper, and the
 * statement was planned at every check (≈ 3.5 ms of a long line's 30 on the embedded database).
 */
it('the overlap query settles on a generic plan: planned once per connection, not per check', async () => {
  const client = await t.db.pool.connect();
  try {
    const sites = [
      { type: 'Polygon', coordinates: [[[106.63, 26.4], [106.64, 26.4], [106.64, 26.41], [106.63, 26.41], [106.63, 26.4]]] },
      { type: 'LineString', coordinates: [[106.6, 26.35], [106.65, 26.4], [106.7, 26.42]] },
      { type: 'Point', coordinates: [106.66, 26.38] },
    ];
    for (let i = 0; i < 12; i++) await runCheck(client, { geometry: sites[i % 3], project: { type: 'linear_infrastructure' } });
    const { rows } = await client.query<{ generic: string; custom: string }>(
      `SELECT generic_plans AS generic, custom_plans AS custom FROM pg_prepared_statements WHERE name = 'check-site-facts'`,
    );
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].generic)).toBeGreaterThanOrEqual(6);
  } finally {
    client.release();
  }
});

/**
 * The same for the advice statements (a line site's reroute, a polygon's avoidance), which a
 * prohibited site sends after the overlap query. Session 13: the arrays of overlaps made every
 * custom plan look cheaper (PostgreSQL sizes `unnest` of a known array), so the reroute statement
 * was planned at every check — ≈ 1 ms of its 3.5–4.5 on a long line.
 */
it('the reroute and avoidance statements settle on generic plans', async () => {
  const zones = (await t.db.pool.query<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointN(ST_ExteriorRing((ST_Dump(f.geom)).geom), 1) AS p
       FROM features f JOIN layers l ON l.id = f.layer_id AND l.current_version = f.version WHERE l.kind = 'water_source' LIMIT 6) x`,
  )).rows;
  expect(zones.length).toBeGreaterThan(0);
  const client = await t.db.pool.connect();
  try {
    let [reroutes, revisions] = [0, 0];
    for (let i = 0; i < 24; i++) {
      const { lon, lat } = zones[i % zones.length];
      const d = 0.0006 * (1 + (i % 4));
      const line = { type: 'LineString', coordinates: [[lon - 0.01, lat - 0.004], [lon, lat], [lon + 0.01, lat + 0.005 + i * 1e-5]] };
      const box = { type: 'Polygon', coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]] };
      const road = await runCheck(client, { geometry: line, project: { type: 'linear_infrastructure', widthM: 40 } });
      const plant = await runCheck(client, { geometry: box, project: { type: 'industrial', dischargesPollutants: true } });
      if (road.avoidance?.suggestion === 'reroute') reroutes++;
      if (plant.avoidance && plant.avoidance.suggestion !== 'reroute') revisions++;
    }
    expect(reroutes).toBeGreaterThanOrEqual(12);
    expect(revisions).toBeGreaterThanOrEqual(12);
    const { rows } = await client.query<{ name: string; generic: string }>(
      `SELECT name, generic_plans AS generic FROM pg_prepared_statements WHERE name IN ('check-reroute', 'check-avoidance') ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toEqual(['check-avoidance', 'check-reroute']);
    expect(rows.map((r) => Number(r.generic) >= 6)).toEqual([true, true]);
  } finally {
    client.release();
  }
});
