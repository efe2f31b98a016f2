import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import compression from 'compression';
import express from 'express';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp } from '../../support/test-app.ts';
import { gzipWholeJson } from '../../../server/http/json-gzip.ts';

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
afterEach(() => vi.restoreAllMocks());

/** The bytes as sent (no decoding) and the headers of one request to the app. */
async function raw(app: express.Express, method: string, path: string, body?: unknown, encoding = 'gzip'): Promise<{ headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return await new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method, headers: { 'accept-encoding': encoding, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(payload);
    });
  } finally {
    server.close();
  }
}
const rawPost = (app: express.Express, path: string, body: unknown) => raw(app, 'POST', path, body);
const rawGet = (app: express.Express, path: string, encoding?: string) => raw(app, 'GET', path, undefined, encoding);

// A pipeline of 3 km across 花溪: its answer (site, overlaps) is well over compression's 1 kB threshold.
const line = { type: 'LineString', coordinates: [[106.64, 26.38], [106.66, 26.40], [106.68, 26.41]] };

describe('answers made per request are gzipped at the fastest level (issue 17)', () => {
  it('a check answer: gzipped whole, in one call at zlib level 1 (no stream), and it decodes to the same answer as sent uncompressed', async () => {
    const streams = vi.spyOn(zlib, 'createGzip');
    const whole = vi.spyOn(zlib, 'gzipSync');
    const body = { geometry: line, project: { type: 'linear_infrastructure', widthM: 10 } };
    const zipped = await request(t.app).post('/api/check').set('Accept-Encoding', 'gzip').send(body);
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    expect(whole.mock.calls.map(([, options]) => options?.level)).toEqual([zlib.constants.Z_BEST_SPEED]);
    expect(streams).not.toHaveBeenCalled();
    // The bytes on the wire are gzip as zlib itself reads it, with their own length (read raw: supertest decodes).
    const raw = await rawPost(t.app, '/api/check', body);
    expect(raw.headers['content-length']).toBe(String(raw.bytes.length));
    const plain = await request(t.app).post('/api/check').set('Accept-Encoding', 'identity').send(body);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect({ ...JSON.parse(zlib.gunzipSync(raw.bytes).toString()), checkedAt: 0 }).toEqual({ ...plain.body, checkedAt: 0 });
    expect({ ...zipped.body, checkedAt: 0 }).toEqual({ ...plain.body, checkedAt: 0 });
  });

  it('over the bound, the streaming compression does it (level 1 as set); a HEAD and an identity request get no gzip', async () => {
    const app = express();
    app.use(compression({ level: zlib.constants.Z_BEST_SPEED }));
    app.use(gzipWholeJson({ maxBytes: 4096 }));
    app.get('/small', (_req, res) => res.json({ text: 'x'.repeat(2000) }));
    app.get('/large', (_req, res) => res.json({ text: 'x'.repeat(10_000) }));
    const streams = vi.spyOn(zlib, 'createGzip');
    const whole = vi.spyOn(zlib, 'gzipSync');
    const large = await rawGet(app, '/large');
    expect({ encoding: large.headers['content-encoding'], whole: whole.mock.calls.length, streams: streams.mock.calls.map(([o]) => o?.level) }).toEqual({ encoding: 'gzip', whole: 0, streams: [1] });
    expect(JSON.parse(zlib.gunzipSync(large.bytes).toString()).text).toHaveLength(10_000);
    const small = await rawGet(app, '/small');
    expect({ encoding: small.headers['content-encoding'], whole: whole.mock.calls.length, streams: streams.mock.calls.length }).toEqual({ encoding: 'gzip', whole: 1, streams: 1 });
    expect(JSON.parse(zlib.gunzipSync(small.bytes).toString()).text).toHaveLength(2000);
    const plain = await rawGet(app, '/small', 'identity');
    expect({ encoding: plain.headers['content-encoding'], text: JSON.parse(plain.bytes.toString()).text.length }).toEqual({ encoding: undefined, text: 2000 });
    const head = await request(app).head('/small').set('Accept-Encoding', 'gzip');
    expect(head.status).toBe(200);
    expect(whole.mock.calls.length).toBe(1);
  });
});
