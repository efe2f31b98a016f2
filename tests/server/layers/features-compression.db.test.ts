import zlib from 'node:zlib';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp } from '../../support/test-app.ts';
import { loadTestLayer, removeTestLayers } from '../../support/test-layers.ts';

// A budget of 1 MB: an answer over 128 kB (an eighth) is not kept (issue 17 review, b).
vi.hoisted(() => {
  process.env.LAYER_CACHE_MB = '1';
});

let t: Awaited<ReturnType<typeof openTestApp>>;
const LAYER = 'zz_big_features';
const square = (i: number): GeoJSON.Polygon => {
  const [x, y] = [100 + (i % 50) * 0.002, 30 + Math.floor(i / 50) * 0.002];
  return { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] };
};
beforeAll(async () => {
  t = await openTestApp();
  await removeTestLayers(t.db.pool, [LAYER]);
  await loadTestLayer(t.db.pool, LAYER, 'reference', Array.from({ length: 1_500 }, (_, i) => ({ id: `s${i}`, name: `方块 ${i}`, geometry: square(i) })));
});
afterAll(async () => {
  await removeTestLayers(t.db.pool, [LAYER]);
  await t.close();
});
afterEach(() => vi.restoreAllMocks());

const spyZlib = () => {
  const spies = { gzip: vi.spyOn(zlib, 'gzip'), gzipSync: vi.spyOn(zlib, 'gzipSync'), brotliCompress: vi.spyOn(zlib, 'brotliCompress'), brotliCompressSync: vi.spyOn(zlib, 'brotliCompressSync') };
  return () => Object.fromEntries(Object.entries(spies).map(([k, s]) => [k, s.mock.calls.length]));
};

describe('versioned features are compressed off the event loop, in the coding asked only', () => {
  it('an answer over an eighth of LAYER_CACHE_MB: never compressed synchronously, nor in a coding nobody asked for', async () => {
    const calls = spyZlib();
    for (let i = 0; i < 2; i++) {
      const res = await request(t.app).get(`/api/layers/${LAYER}/features?version=1`).set('Accept-Encoding', 'br');
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.body.features).toHaveLength(1_500);
      expect(Number(res.headers['content-length'])).toBeLessThan(JSON.stringify(res.body).length / 4);
    }
    const plain = await request(t.app).get(`/api/layers/${LAYER}/features?version=1`).set('Accept-Encoding', 'identity');
    expect(plain.text.length).toBeGreaterThan(1024 * 1024 / 8); // really over an eighth of the budget
    expect(calls()).toEqual({ gzip: 0, gzipSync: 0, brotliCompress: 2, brotliCompressSync: 0 });
  });

  it('an answer the cache keeps is compressed once for all the requests of that coding', async () => {
    const calls = spyZlib();
    const path = `/api/layers/${LAYER}/features?version=1&bbox=100,30,100.05,30.01`;
    const first = await request(t.app).get(path).set('Accept-Encoding', 'gzip');
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.body.features.length).toBeGreaterThan(50);
    for (let i = 0; i < 3; i++) expect((await request(t.app).get(path).set('Accept-Encoding', 'gzip')).text).toBe(first.text);
    expect(calls()).toEqual({ gzip: 1, gzipSync: 0, brotliCompress: 0, brotliCompressSync: 0 });
  });
});
