import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp } from '../../support/test-app.ts';
import { INSIDE_ZONE, loadReviewLayer, POLLUTING_PLANT, removeReviewLayer } from '../projects/fixtures.ts';

// One PDF at a time and one waiting, read by server/limits.ts when it loads.
vi.hoisted(() => {
  process.env.PDF_CONCURRENCY = '1';
  process.env.PDF_QUEUE_MAX = '1';
});

/**
 * Issue 11 row 8: a report of a site prints what the server computed, never what the client says.
 * At de1e1f9 a made-up `{verdict: 'clear'}` for a site in a 一级保护区 came back as a 无冲突 report,
 * with the client's time stamp, and PDF jobs queued without bound.
 */
let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
  await loadReviewLayer(t.db.pool);
});
afterAll(async () => {
  await removeReviewLayer(t.db.pool);
  await t.close();
});

const FORGED_RESULT = { verdict: 'clear', siteAreaM2: 1, results: [], clearLayers: ['zz_review_water'], centroid: [101.004, 31.004] };

describe('reports of a site are re-checked on the server', () => {
  it('a site in a 一级 zone prints 禁止 whatever the client claims; the time stamp is the server’s', async () => {
    const res = await request(t.app)
      .post('/api/report/csv')
      .send({ geometry: INSIDE_ZONE, project: POLLUTING_PLANT, generatedAt: '2001-01-01T00:00:00.000Z', siteName: '化工厂' });
    expect(res.status).toBe(200);
    const zoneRow = res.text.split('\n').find((line) => line.includes('测试审查水源一级区'));
    expect(zoneRow).toContain(',禁止,');
    const year = String(new Date().getUTCFullYear());
    expect(res.headers['content-disposition']).toContain(`report-${year}`);
    expect(res.text).not.toContain('2001');
  });

  it('a made-up result in the body is refused (422), not printed', async () => {
    for (const kind of ['csv', 'xlsx', 'pdf']) {
      const res = await request(t.app).post(`/api/report/${kind}`).send({ geometry: INSIDE_ZONE, project: POLLUTING_PLANT, result: FORGED_RESULT });
      expect({ kind, status: res.status, code: res.body.error?.code }).toEqual({ kind, status: 422, code: 'RESULT_NOT_ACCEPTED' });
      expect(res.body.error.message.en).toContain('result');
    }
  });

  it('malformed sites and projects are a bilingual 4xx, as on /api/check', async () => {
    const bodies = [
      { geometry: { type: 'GeometryCollection', geometries: [null] }, project: POLLUTING_PLANT },
      { geometry: INSIDE_ZONE, project: { ...POLLUTING_PLANT, widthM: 1e300 } },
      { geometry: INSIDE_ZONE, project: { type: 'nope' } },
      { geometry: INSIDE_ZONE, project: POLLUTING_PLANT, bufferM: -1 },
    ];
    for (const body of bodies) {
      const res = await request(t.app).post('/api/report/csv').send(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.message.zh).toBeTruthy();
      expect(res.body.error.message.en).toBeTruthy();
    }
  });

  it('PDF jobs beyond the queue answer 503 with Retry-After instead of waiting without bound', async () => {
    // A "Chromium" that takes a second to fail, so jobs overlap.
    const dir = mkdtempSync(path.join(tmpdir(), 'slow-chromium-'));
    const fake = path.join(dir, 'chromium');
    writeFileSync(fake, '#!/bin/sh\nsleep 1\nexit 1\n');
    chmodSync(fake, 0o755);
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = fake;
    try {
      const body = { geometry: INSIDE_ZONE, project: POLLUTING_PLANT };
      const responses = await Promise.all(Array.from({ length: 4 }, () => request(t.app).post('/api/report/pdf').send(body)));
      const codes = responses.map((r) => r.body.error?.code).sort();
      // One renders (and fails: no real Chromium), one waits for it, two are turned away.
      expect(codes).toEqual(['PDF_BUSY', 'PDF_BUSY', 'PDF_UNAVAILABLE', 'PDF_UNAVAILABLE']);
      for (const r of responses.filter((x) => x.body.error?.code === 'PDF_BUSY')) {
        expect(r.status).toBe(503);
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
        expect(r.body.error.message.zh).toContain('PDF');
      }
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  }, 60_000);
});
