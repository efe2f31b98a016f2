import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResultSchema } from '../../../common/api/check-result.ts';
import { openTestApp } from '../../support/test-app.ts';

/**
 * The check result's schema is its contract (issue 17 review, q): real answers of POST /api/check —
 * a site in 花溪水库's protection zones (rules, avoidance), a road through them, a point, a site beyond
 * the data — parse with it, strictly (no field it does not name, none it requires missing).
 */
let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const square = (lon: number, lat: number, d: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});

describe('POST /api/check answers what checkResultSchema describes', () => {
  it.each([
    ['a site over 花溪水库', { geometry: square(106.65, 26.44, 0.01), project: { type: 'industrial' } }],
    ['a road through it', { geometry: { type: 'LineString', coordinates: [[106.63, 26.44], [106.68, 26.45]] }, project: { type: 'linear_infrastructure', widthM: 30 } }],
    ['a point', { geometry: { type: 'Point', coordinates: [106.655, 26.445] }, project: { type: 'industrial' }, bufferM: 500 }],
    ['a site beyond the data', { geometry: square(100.5, 30.5, 0.01), project: { type: 'industrial' } }],
  ])('%s', async (_what, body) => {
    const res = await request(t.app).post('/api/check').send(body);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const parsed = checkResultSchema.safeParse(res.body);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('is the contract: a field the schema does not name is refused', async () => {
    const res = await request(t.app).post('/api/check').send({ geometry: square(106.65, 26.44, 0.01), project: { type: 'industrial' } });
    expect(res.body.results.length).toBeGreaterThan(0);
    expect(checkResultSchema.safeParse({ ...res.body, extra: 1 }).success).toBe(false);
    expect(checkResultSchema.safeParse({ ...res.body, results: [{ ...res.body.results[0], verdict: 'maybe' }] }).success).toBe(false);
  });
});
