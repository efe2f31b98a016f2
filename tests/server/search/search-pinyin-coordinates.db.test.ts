import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { openTestApp } from '../../support/test-app.ts';

/** Issue 18 item 6: search as planners type — pinyin, English names, lon/lat and GK X,Y. */

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const search = (q: string) => request(t.app).get(`/api/search?q=${encodeURIComponent(q)}`);

/** PROJ as the oracle: cs2cs with EPSG axis order (4490: lat lon; 4524/4545: X=northing Y=easting). */
function cs2cs(from: string, to: string, a: number, b: number): [number, number] {
  const out = execFileSync('cs2cs', ['-f', '%.10f', from, to], { input: `${a} ${b}\n` }).toString().trim().split(/\s+/);
  return [Number(out[0]), Number(out[1])];
}

describe('GET /api/search — pinyin and English', () => {
  it('finds 青岩镇 by full pinyin and by initials', async () => {
    for (const q of ['qingyan', 'QingYan', 'qyz']) {
      const res = await search(q);
      expect(res.status, q).toBe(200);
      expect(res.body.results[0]?.name, q).toBe('青岩镇');
    }
  });

  it('finds 花溪水库 by its English name', async () => {
    const res = await search('Huaxi Reservoir');
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ name: '花溪水库', nameEn: 'Huaxi Reservoir', layerId: 'reservoir', matchedBy: 'nameEn' });
  });

  it('says which layer, level and township each hit is, so same-named hits can be told apart', async () => {
    const res = await search('永久基本农田');
    const hits = res.body.results as { name: string; layerId: string; level: string | null; township: string | null }[];
    expect(hits.length).toBeGreaterThan(1);
    for (const h of hits) expect(h).toHaveProperty('township');
    expect(hits.some((h) => h.township !== null)).toBe(true);
    const qingyan = (await search('青岩镇')).body.results.find((h: { layerId: string }) => h.layerId === 'place');
    expect(qingyan.township).toBe('青岩镇');
  });
});

describe('GET /api/search — coordinates', () => {
  it('reads "106.65,26.45" as lon,lat: a coordinate hit at that point, with its township', async () => {
    const res = await search('106.65,26.45');
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(1);
    const [hit] = res.body.results;
    expect(hit).toMatchObject({ type: 'coordinate', crs: 'EPSG:4490', zone: null });
    expect(hit.centroid[0]).toBeCloseTo(106.65, 9);
    expect(hit.centroid[1]).toBeCloseTo(26.45, 9);
  });

  it('reads GK X,Y with the zone prefix (zone 36) as the same point, within 1e-5° of PROJ', async () => {
    const [x, y] = cs2cs('EPSG:4490', 'EPSG:4524', 26.45, 106.65);
    expect(Math.floor(y / 1e6)).toBe(36);
    const [lat, lon] = cs2cs('EPSG:4524', 'EPSG:4490', x, y);
    for (const q of [`${x.toFixed(3)},${y.toFixed(3)}`, `${x.toFixed(3)} ${y.toFixed(3)}`, `${y.toFixed(3)},${x.toFixed(3)}`]) {
      const res = await search(q);
      expect(res.status, q).toBe(200);
      const [hit] = res.body.results;
      expect(hit, q).toMatchObject({ type: 'coordinate', crs: 'GK3-36', zone: 36 });
      expect(Math.abs(hit.centroid[0] - lon), q).toBeLessThan(1e-5);
      expect(Math.abs(hit.centroid[1] - lat), q).toBeLessThan(1e-5);
      expect(Math.abs(hit.centroid[0] - 106.65), q).toBeLessThan(1e-5);
      expect(Math.abs(hit.centroid[1] - 26.45), q).toBeLessThan(1e-5);
    }
  });

  it('reads GK X,Y without the prefix in the zone of the district (CM 108°E, EPSG:4545)', async () => {
    const [x, y] = cs2cs('EPSG:4490', 'EPSG:4545', 26.45, 106.65);
    expect(y).toBeLessThan(1e6);
    const [lat, lon] = cs2cs('EPSG:4545', 'EPSG:4490', x, y);
    const [hit] = (await search(`${x.toFixed(3)},${y.toFixed(3)}`)).body.results;
    expect(hit).toMatchObject({ type: 'coordinate', zone: 36 });
    expect(Math.abs(hit.centroid[0] - lon)).toBeLessThan(1e-5);
    expect(Math.abs(hit.centroid[1] - lat)).toBeLessThan(1e-5);
  });

  it('does not read plain numbers that are no coordinate as one', async () => {
    for (const q of ['520111', '1,2', '999999999,1']) {
      const res = await search(q);
      expect(res.status, q).toBe(200);
      expect(res.body.results.every((r: { type: string }) => r.type !== 'coordinate'), q).toBe(true);
    }
  });
});
