import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { openTestApp } from '../../support/test-app.ts';

let app: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

describe('a site that only grazes the data’s coverage', () => {
  // 9.6 ha, of which ≈1.5 m² lie inside the test coverage (found by the 项目库 pool of the browser test):
  // the judged part has no area left, and its shares were NaN — null in JSON, a 500 in the XLSX export.
  const site = {
    type: 'Polygon',
    coordinates: [[[106.69060402173083, 26.257622691977303], [106.69262782076792, 26.257622691977303], [106.69262782076792, 26.26214024595497], [106.69121116144197, 26.263043756750506], [106.69060402173083, 26.257622691977303]]],
  };
  it('gets numbers for every share, never null', async () => {
    const res = await request(app.app).post('/api/check').send({ geometry: site, project: { type: 'tourism_facility', unavoidable: true } });
    expect(res.status).toBe(200);
    expect(res.body.coverage?.status).toBe('partial');
    for (const r of res.body.results) expect(Number.isFinite(r.overlapPct), r.layerId).toBe(true);
  });
});
