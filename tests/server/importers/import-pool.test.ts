import { monitorEventLoopDelay } from 'node:perf_hooks';
import express from 'express';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { errorMiddleware } from '../../../server/http/error-middleware.ts';
import { ImportPool, type ImportPoolOptions } from '../../../server/importers/import-pool.ts';
import { importRouter } from '../../../server/importers/routes.ts';
import { manyRingsCsv } from '../../support/hostile-files.ts';

/**
 * Issue 11, npm run load: a hostile upload costs a pool thread, not the event loop every other
 * client waits on, and one client cannot hold the pool. Each app has a pool of its own settings;
 * clients are told apart by X-Forwarded-For (trust proxy on, as behind nginx).
 */
const pools: ImportPool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));

function poolAndApp(options: Partial<ImportPoolOptions> = {}) {
  const imports = new ImportPool({ threads: 1, perClient: 2, queueMax: 32, timeoutMs: 60_000, heapMb: 512, idleMs: 60_000, ...options });
  pools.push(imports);
  const app = express();
  app.set('trust proxy', true);
  app.use(importRouter({ uploadLimitBytes: 50 * 1024 * 1024, imports }));
  app.use(errorMiddleware({ error: () => undefined }));
  return { app, imports };
}
const appWith = (options: Partial<ImportPoolOptions> = {}) => poolAndApp(options).app;
const SMALL = Buffer.from('经度,纬度\n106.6,26.4\n106.7,26.4\n106.7,26.5\n106.6,26.4\n');
const RINGS = manyRingsCsv(6_000);
const upload = (app: express.Express, bytes: Buffer, from = '10.0.0.1') =>
  request(app).post('/api/import').set('X-Forwarded-For', from).attach('file', bytes, 'site.csv');

function expectBilingual(res: request.Response, status: number, code: string) {
  expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
  expect(res.body.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(res.body.error.message.en.length).toBeGreaterThan(0);
}

describe('import pool', () => {
  it('parses a 6,000-ring CSV without stalling the event loop (on it, the loop stalled for the whole parse)', { timeout: 120_000 }, async () => {
    const app = appWith();
    expect((await upload(app, SMALL)).status).toBe(200); // the thread is up
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const t0 = performance.now();
    const res = await upload(app, RINGS);
    const total = performance.now() - t0;
    delay.disable();
    expect(res.status).toBe(200);
    expect(res.body.features.features[0].geometry.coordinates).toHaveLength(6_000);
    // The longest stall is a small part of the request (parsing on the loop makes it nearly all of it).
    expect(delay.max / 1e6).toBeLessThan(total / 3);
  });

  it('answers a client’s third upload at once with 429 and Retry-After while its two are running; another client goes on', { timeout: 120_000 }, async () => {
    const app = appWith({ perClient: 2 });
    expect((await upload(app, SMALL)).status).toBe(200);
    const [a, b, c, other] = await Promise.all([upload(app, RINGS), upload(app, RINGS), upload(app, RINGS), upload(app, SMALL, '10.0.0.2')]);
    const statuses = [a, b, c].map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429]);
    const refused = [a, b, c].find((r) => r.status === 429)!;
    expectBilingual(refused, 429, 'IMPORTS_IN_PROGRESS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(other.status).toBe(200);
    // The slots are given back: the client may import again.
    expect((await upload(app, SMALL)).status).toBe(200);
  });

  it('keeps a client’s slot while its parse runs, even after the client hung up', { timeout: 120_000 }, async () => {
    const app = appWith({ perClient: 1 });
    expect((await upload(app, SMALL)).status).toBe(200);
    // Send a hard file and hang up while its thread parses it …
    const hungUp = await upload(app, RINGS).timeout(400).then(() => 'answered', (e: { code?: string; timeout?: number }) => e.timeout ?? e.code);
    expect(hungUp).toBe(400);
    // … the thread still works for this client: its next upload waits its turn (429), not a second thread.
    expectBilingual(await upload(app, SMALL), 429, 'IMPORTS_IN_PROGRESS');
    // Once the parse is over the slot is back.
    let after = 0;
    for (let i = 0; i < 100 && after !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = (await upload(app, SMALL)).status;
    }
    expect(after).toBe(200);
  });

  it('stops a parse past the time limit with a bilingual 422 and keeps serving', { timeout: 120_000 }, async () => {
    const app = appWith({ timeoutMs: 200 });
    expect((await upload(app, SMALL)).status).toBe(200);
    expectBilingual(await upload(app, RINGS), 422, 'IMPORT_TIMEOUT');
    expect((await upload(app, SMALL)).status).toBe(200);
  });

  it('stops a parse past the thread’s heap with a bilingual 422 and keeps serving', { timeout: 120_000 }, async () => {
    const app = appWith({ heapMb: 32 });
    expect((await upload(app, SMALL)).status).toBe(200);
    expectBilingual(await upload(app, manyRingsCsv(9_000)), 422, 'IMPORT_TOO_COMPLEX');
    expect((await upload(app, SMALL)).status).toBe(200);
  });

  it('answers 503 with Retry-After when the queue is full', { timeout: 120_000 }, async () => {
    const app = appWith({ queueMax: 1, perClient: 10 });
    expect((await upload(app, SMALL)).status).toBe(200);
    const all = await Promise.all(Array.from({ length: 6 }, () => upload(app, RINGS)));
    const busy = all.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expectBilingual(busy[0], 503, 'IMPORT_BUSY');
    expect(Number(busy[0].headers['retry-after'])).toBeGreaterThan(0);
    expect(all.filter((r) => r.status === 200).length).toBeGreaterThan(0);
  });

  it('ends a thread idle past idleMs, so an idle server holds no parsing isolate, and starts one for the next import', { timeout: 120_000 }, async () => {
    const { app, imports } = poolAndApp({ idleMs: 300 });
    expect(imports.threadCount).toBe(0);
    expect((await upload(app, SMALL)).status).toBe(200);
    expect(imports.threadCount).toBe(1);
    for (let i = 0; i < 100 && imports.threadCount > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(imports.threadCount).toBe(0);
    expect((await upload(app, SMALL)).status).toBe(200);
  });
});

describe('a GeoJSON whose properties nest 100,000 deep', () => {
  it('is a 422 PROPERTIES_TOO_DEEP (serialising the answer overflowed the thread\'s stack: a 500)', { timeout: 60_000 }, async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const file = Buffer.from(`{"type":"Feature","properties":{"x":${deep}},"geometry":{"type":"Polygon","coordinates":[[[106.6,26.4],[106.7,26.4],[106.7,26.5],[106.6,26.4]]]}}`);
    const res = await request(appWith()).post('/api/import').attach('file', file, 'site.geojson');
    expectBilingual(res, 422, 'PROPERTIES_TOO_DEEP');
  });
});
