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
