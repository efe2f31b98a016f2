import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { openTestApp } from '../../support/test-app.ts';

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const search = (q: string, extra = '') => request(t.app).get(`/api/search?q=${encodeURIComponent(q)}${extra}`);

describe('GET /api/search', () => {
  it('finds 花溪水库 with the reservoir itself first, then the zones named after it', async () => {
    const res = await search('花溪水库');
    expect(res.status).toBe(200);
    expect(res.body.query).toBe('花溪水库');
    const [first, ...rest] = res.body.results;
    expect(first).toMatchObject({ type: 'feature', name: '花溪水库', layerId: 'reservoir', layerNameZh: expect.any(String), layerNameEn: expect.any(String) });
    expect(rest.length).toBeGreaterThan(0);
    for (const hit of res.body.results) expect(hit.name).toContain('花溪水库');
    // Its water-source zones come along, with their levels.
    const levels = res.body.results.filter((r: { layerId: string }) => r.layerId === 'water_source').map((r: { level: string }) => r.level);
    expect(levels).toContain('grade1');
  });

  it('returns a bbox, a point on the feature inside the bbox and the outline for highlighting', async () => {
    const res = await search('花溪水库');
    const hit = res.body.results[0];
    const [w, s, e, n] = hit.bbox;
    // 花溪水库 lies west/north-west of the town, around 106.645 E 26.45 N (gazetteer, ±1–2 km).
    expect(w).toBeGreaterThan(106.55);
    expect(e).toBeLessThan(106.75);
    expect(s).toBeGreaterThan(26.38);
    expect(n).toBeLessThan(26.52);
    const [lon, lat] = hit.centroid;
    expect(lon).toBeGreaterThanOrEqual(w);
    expect(lon).toBeLessThanOrEqual(e);
    expect(lat).toBeGreaterThanOrEqual(s);
    expect(lat).toBeLessThanOrEqual(n);
    expect(['Polygon', 'MultiPolygon']).toContain(hit.geometry.type);
  });

  it('finds township seats among the places and ranks exact names first', async () => {
    const res = await search('青岩镇');
    expect(res.status).toBe(200);
    expect(res.body.results[0].name).toBe('青岩镇');
  });

  it('matches part of a name, e.g. every 一级保护区', async () => {
    const res = await search('一级保护区');
    expect(res.body.results.length).toBeGreaterThanOrEqual(5);
    for (const hit of res.body.results) expect(hit).toMatchObject({ layerId: 'water_source', level: 'grade1' });
  });

  it('treats % and _ literally instead of as wildcards', async () => {
    for (const q of ['%', '_', '\\']) {
      const res = await search(q);
      expect(res.status).toBe(200);
      expect(res.body.results).toEqual([]);
    }
  });

  it('finds nothing for a name that is not there, with 200 and an empty list', async () => {
    const res = await search('不存在的地名');
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([]);
  });

  it('honours limit and refuses a bad one', async () => {
    const limited = await search('水源', '&limit=3');
    expect(limited.status).toBe(200);
    expect(limited.body.results.length).toBeLessThanOrEqual(3);
    for (const bad of ['0', '51', 'x', '2.5']) {
      const res = await search('水源', `&limit=${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_LIMIT');
    }
  });

  it('answers an empty, blank, missing, repeated or over-long query with a bilingual 400', async () => {
    const cases: [string, string][] = [
      ['/api/search?q=', 'EMPTY_QUERY'],
      ['/api/search?q=%20%20', 'EMPTY_QUERY'],
      ['/api/search', 'EMPTY_QUERY'],
      ['/api/search?q=a&q=b', 'BAD_QUERY'],
      [`/api/search?q=${encodeURIComponent('花'.repeat(51))}`, 'QUERY_TOO_LONG'],
    ];
    for (const [url, code] of cases) {
      const res = await request(t.app).get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error).toMatchObject({ code, message: { zh: expect.any(String), en: expect.any(String) } });
    }
    // Exactly 50 characters is still a query.
    expect((await search('花'.repeat(50))).status).toBe(200);
  });
});
