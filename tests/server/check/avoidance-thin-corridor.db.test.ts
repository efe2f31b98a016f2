import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avoidProhibited } from '../../../server/check/avoidance.ts';
import { openTestApp } from '../../support/test-app.ts';

/**
 * Demo 2 of the shipped register (an 8 m wide water main) with the 永久基本农田 block it crosses:
 * the sliver opening's overlay threw a GEOS TopologyException on this pair. On PostgreSQL that is a
 * 500; PGlite did not even report it — it returned no row (so: "须另行选址" for a site that can be
 * revised) and left the wire protocol out of step, so the next query on the connection failed
 * ("unexpected parseComplete") and the server crashed while loading the demo projects.
 */
const fixture = JSON.parse(fs.readFileSync('tests/fixtures/check/avoidance-thin-corridor.json', 'utf8')) as {
  site: GeoJSON.Polygon;
  siteAreaM2: number;
  overlap: GeoJSON.Polygon;
  overlapAreaM2: number;
};

let app: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

describe('avoidance on a thin corridor across a prohibited block', () => {
  it('suggests the two parts outside the block, and the connection stays usable', async () => {
    const av = await avoidProhibited(app.db.pool, fixture.site, fixture.siteAreaM2, [{ layerId: 'basic_farmland', overlap: fixture.overlap }]);
    expect(av?.suggestion).toBe('revise');
    expect(av?.parts).toBe(2);
    // What remains is the site less the block, less only the mitred opening's corner crumbs.
    const expected = fixture.siteAreaM2 - fixture.overlapAreaM2;
    expect(av!.remainingAreaM2).toBeLessThanOrEqual(expected * 1.0001);
    expect(av!.remainingAreaM2).toBeGreaterThan(expected * 0.98);
    const { rows } = await app.db.pool.query<{ one: number }>('SELECT 1 AS one');
    expect(rows[0].one).toBe(1);
  });

  it('runs the opening once per statement (EXPLAIN: one plan node buffers), not once per column that reads its result', async () => {
    const sent: { text: string; values: unknown[] }[] = [];
    const recording = { query: (q: { text: string; values: unknown[] }) => (sent.push(q), app.db.pool.query(q.text, q.values)) };
    await avoidProhibited(recording as unknown as typeof app.db.pool, fixture.site, fixture.siteAreaM2, [{ layerId: 'basic_farmland', overlap: fixture.overlap }]);
    expect(sent).toHaveLength(1);
    const { rows } = await app.db.pool.query(`EXPLAIN (VERBOSE, FORMAT JSON) ${sent[0].text}`, sent[0].values);
    type PlanNode = { Plans?: PlanNode[]; 'Subplan Name'?: string; [field: string]: unknown };
    const buffering: string[] = [];
    const walk = ({ Plans: children, ...node }: PlanNode) => {
      // The opening sits in a node's Output, or in its Function Call (ST_Dump over it).
      if (/st_buffer\(st_buffer/i.test(JSON.stringify(node))) buffering.push(node['Subplan Name'] ?? String(node['Node Type']));
      (children ?? []).forEach(walk);
    };
    walk(rows[0]['QUERY PLAN'][0].Plan);
    // Inlined, the final SELECT's five reads of the kept parcels were five InitPlans, each opening again.
    expect(buffering).toHaveLength(1);
  });
});
