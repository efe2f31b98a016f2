import zlib from 'node:zlib';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp } from '../../support/test-app.ts';

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
afterEach(() => vi.restoreAllMocks());

// A pipeline of 3 km across 花溪: its answer (site, overlaps) is well over compression's 1 kB threshold.
const line = { type: 'LineString', coordinates: [[106.64, 26.38], [106.66, 26.40], [106.68, 26.41]] };

describe('answers made per request are gzipped at the fastest level (issue 17)', () => {
  it('a check answer: zlib level 1, and it decodes to the same answer as sent uncompressed', async () => {
    const gzips = vi.spyOn(zlib, 'createGzip');
    const body = { geometry: line, project: { type: 'linear_infrastructure', widthM: 10 } };
    const zipped = await request(t.app).post('/api/check').set('Accept-Encoding', 'gzip').send(body);
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gzips.mock.calls.map(([options]) => options?.level)).toEqual([zlib.constants.Z_BEST_SPEED]);
    const plain = await request(t.app).post('/api/check').set('Accept-Encoding', 'identity').send(body);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect({ ...zipped.body, checkedAt: 0 }).toEqual({ ...plain.body, checkedAt: 0 });
  });
});
