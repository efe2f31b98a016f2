import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { blob, writeSource, type SourcePolygon } from '../server/admin/gdal-files.ts';
import { launchBrowser, openWatchedPage } from './support/browser.ts';
import { waitForMapIdle } from './support/browser.ts';

/**
 * Issue 14, "Done when" (browser): two versions of a red line published through the API (block A
 * removed, B shrunk, C re-levelled, E added); the 变更监管 tab lists the versions, draws the diff
 * on the map (gained, lost and re-levelled areas as separate styled layers, with a legend) and the
 * area ledger's chart marks the decrease.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-ledger-e2e-'));
const LAYER_ID = 'e2e_ledger_redline';
const rect = (w: number, s: number, e: number, n: number): [number, number][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const A: SourcePolygon = { bsm: 'L-A', name: '甲块', level: '核心保护区', ring: rect(106.64, 26.37, 106.65, 26.378) };
const B: SourcePolygon = { bsm: 'L-B', name: '乙块', level: '一般控制区', ring: rect(106.652, 26.37, 106.66, 26.376) };
const C: SourcePolygon = { bsm: 'L-C', name: '丙块', level: '一般控制区', ring: blob(106.645, 26.384, 0.003) };
const E: SourcePolygon = { bsm: 'L-E', name: '戊块', level: '核心保护区', ring: rect(106.662, 26.37, 106.665, 26.373) };
const MAPPING = { id: 'BSM', name: 'HXMC', level: { field: 'GKFQ', values: { 核心保护区: 'core', 一般控制区: null } } };

let browser: Browser;

async function adminApi() {
  const appUrl = inject('appUrl');
  const admin = inject('admin');
  const login = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(admin),
  });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('redline_session='))!.split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'X-CSRF-Token': csrfToken };
  return {
    async post(p: string, body: unknown) {
      const res = await fetch(`${appUrl}${p}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    async upload(file: string) {
      const form = new FormData();
      form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
      const res = await fetch(`${appUrl}/api/admin/uploads`, { method: 'POST', headers, body: form });
      return (await res.json()) as { uploadId: string };
    },
  };
}

beforeAll(async () => {
  browser = await launchBrowser();
  const api = await adminApi();
  expect((await api.post('/api/admin/layers', { id: LAYER_ID, kind: 'eco_redline', nameZh: '生态保护红线（变更测试）', nameEn: 'Red line (change test)' })).status).toBe(201);
  const v1 = await api.upload(writeSource(dir, 'v1.geojson', [A, B, C]));
  expect((await api.post(`/api/admin/layers/${LAYER_ID}/versions`, { uploadId: v1.uploadId, mapping: MAPPING, note: '划定成果', approvalDocument: '黔府函〔2026〕1号' })).status).toBe(201);
  const v2 = await api.upload(writeSource(dir, 'v2.geojson', [{ ...B, ring: rect(106.652, 26.37, 106.656, 26.376) }, { ...C, level: '核心保护区' }, E]));
  const pub = await api.post(`/api/admin/layers/${LAYER_ID}/versions`, { uploadId: v2.uploadId, mapping: MAPPING, note: '甲块调出', approvalDocument: '黔府函〔2026〕9号' });
  expect(pub.status, JSON.stringify(pub.body)).toBe(201);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('变更监管: versions, the diff on the map, the ledger chart', () => {
  it('lists the versions, draws gained / lost / re-levelled with a legend, and charts the decrease', async () => {
    const { page, consoleErrors, externalRequests } = await openWatchedPage(browser, inject('appUrl'));
    // A loaded CI machine (2 cores, several suites) is slow to settle; nothing here is timed.
    page.setDefaultTimeout(120_000);
    // The map only has to be there (the diff is drawn on it); the basemap may still be loading on a busy machine.
    await page.waitForFunction(() => !!(window as unknown as { __redlineMap?: { loaded(): boolean } }).__redlineMap?.loaded(), undefined, { timeout: 120_000 });
    // Versions, diffs and the ledger are readable like the map: anonymously on a public map (the default).
    await page.click('[data-testid="tab-changes"]');
    await page.waitForSelector('[data-testid="changes-panel"]');
    await page.selectOption('[data-testid="ledger-layer"]', LAYER_ID);
    await page.waitForSelector('[data-testid="ledger-versions"] tr[data-version="2"]');
    const rows = await page.locator('[data-testid="ledger-versions"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-version')));
    expect(rows).toEqual(['2', '1']);
    await expect(page.locator('[data-testid="ledger-versions"] tr[data-version="2"]').innerText()).resolves.toContain('黔府函〔2026〕9号');

    await page.click('[data-testid="diff-compare"]');
    await page.waitForSelector('[data-testid="diff-result"]', { timeout: 60_000 });
    await expect(page.getByTestId('diff-changed').innerText()).resolves.toMatch(/L-C[\s\S]*→/);
    const legend = await page.locator('[data-testid="diff-legend"] [data-part]').evaluateAll((els) => els.map((e) => e.getAttribute('data-part')));
    expect(legend.sort()).toEqual(['gained', 'lost', 'relevelled']);
    // The map holds each part as its own layer with its own colour.
    const onMap = await page.evaluate(() => {
      const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
      return ['gained', 'lost', 'relevelled'].map((part) => ({
        part,
        fill: map.getLayer(`ledger-diff-${part}-fill`) ? map.getPaintProperty(`ledger-diff-${part}-fill`, 'fill-color') : null,
      }));
    });
    await waitForMapIdle(page, 120_000);
    const rendered = await page.evaluate(() => {
      const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
      return ['gained', 'lost', 'relevelled'].map((part) => map.queryRenderedFeatures({ layers: [`ledger-diff-${part}-fill`] }).length);
    });
    expect(rendered.every((n) => n > 0), JSON.stringify(rendered)).toBe(true);
    for (const p of onMap) expect(p.fill, p.part).not.toBeNull();
    expect(new Set(onMap.map((p) => p.fill)).size).toBe(3);

    const decreased = await page.locator('[data-testid="ledger-chart"] g[data-decreased="true"]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-version')));
    expect(decreased).toEqual(['2']);
    await page.screenshot({ path: path.join(os.tmpdir(), 'redline-change-supervision.png') });
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await page.close();
  }, 600_000);
});
