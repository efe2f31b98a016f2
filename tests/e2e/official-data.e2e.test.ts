import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { blob, fileGdb4545, writeSource } from '../server/admin/gdal-files.ts';
import { launchBrowser, openWatchedPage } from './support/browser.ts';
import { waitForMapReady } from './support/map-helpers.ts';
import { logInThroughUi, settledVerdict } from './support/review.ts';
import { drawPolygonAtPixels, jumpTo, openSitePanel, pixelsOf } from './support/site-panel.ts';

/**
 * Issue 13, "Done when": an administrator uploads a FileGDB in EPSG:4545 (written by ogr2ogr),
 * maps GKFQ to levels, reads the validation report, publishes; the layer appears in the layer tree
 * and a site drawn inside its core zone is checked against it with 禁止 and the red-line citation.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-official-e2e-'));
const CORE: [number, number] = [106.6205, 26.3605];
const LAYER_ID = 'e2e_official_redline';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('数据管理: an administrator publishes a FileGDB and the check uses it', () => {
  it('upload → inspect → new layer → map GKFQ → validation report → publish → layer tree → 禁止 with citation', async () => {
    const src = writeSource(dir, 'redline.geojson', [
      { bsm: 'E2E-001', name: '官方红线核心区（测试）', level: '核心保护区', ring: blob(CORE[0], CORE[1], 0.004) },
      { bsm: 'E2E-002', name: '官方红线一般区（测试）', level: '一般控制区', ring: blob(CORE[0] + 0.012, CORE[1], 0.003) },
    ]);
    const gdb = fileGdb4545(dir, src, 'STBHHX');
    const admin = inject('admin');
    const { page, consoleErrors, externalRequests } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapReady(page);
    await logInThroughUi(page, admin.username, admin.password);

    await page.click('[data-testid="auth-user"]');
    await page.click('[data-testid="open-data"]');
    await page.waitForSelector('[data-testid="data-dialog"]');
    await page.setInputFiles('[data-testid="data-file"]', gdb);
    await page.waitForSelector('[data-testid="data-inspect"]', { timeout: 60_000 });
    await expect(page.getByTestId('data-crs').first().innerText()).resolves.toContain('EPSG:4545');
    await expect(page.getByTestId('data-fields').innerText()).resolves.toContain('官方红线核心区（测试）');

    await page.selectOption('[data-testid="data-target"]', '__new__');
    await page.fill('[data-testid="new-id"]', LAYER_ID);
    await page.selectOption('[data-testid="new-kind"]', 'eco_redline');
    await page.fill('[data-testid="new-name-zh"]', '生态保护红线（官方）');
    await page.fill('[data-testid="new-name-en"]', 'Ecological red line (official)');
    await page.click('[data-testid="new-create"]');
    await page.waitForSelector('[data-testid="map-name"]');

    await page.selectOption('[data-testid="map-id"]', 'BSM');
    await page.selectOption('[data-testid="map-name"]', 'HXMC');
    await page.selectOption('[data-testid="map-level"]', 'GKFQ');
    await page.selectOption('[data-testid="level-核心保护区"]', 'core');
    await page.selectOption('[data-testid="level-一般控制区"]', 'none');
    await page.click('[data-testid="data-validate"]');
    await page.waitForSelector('[data-testid="data-report"]', { timeout: 60_000 });
    await expect(page.getByTestId('data-summary').innerText()).resolves.toMatch(/^2 个要素/);
    expect(await page.locator('[data-testid="data-errors"]').count()).toBe(0);

    await page.fill('[data-testid="data-note"]', '三区三线划定成果（测试）');
    await page.fill('[data-testid="data-approval"]', '黔自然资函〔2026〕1号');
    await page.click('[data-testid="data-publish"]');
    await page.waitForSelector('[data-testid="data-done"]', { timeout: 60_000 });
    await expect(page.getByTestId('data-done').innerText()).resolves.toContain(`${LAYER_ID} 第 1 版`);
    await page.click('[data-testid="data-dialog"] .dialog-actions button');

    // The layer tree lists the new layer, official (no 示意 badge), with its two features.
    const row = page.locator(`.layer-row[data-layer-id="${LAYER_ID}"]`);
    await row.waitFor({ timeout: 30_000 });
    await expect(row.locator('.layer-name').textContent()).resolves.toBe('生态保护红线（官方）');
    await expect(row.locator('.layer-count').textContent()).resolves.toBe('2');
    await expect(row.locator('.badge-illustrative').count()).resolves.toBe(0);

    // A site drawn inside the core feature: 禁止 by the official layer, citing the law.
    await openSitePanel(page);
    await jumpTo(page, CORE, 15);
    const d = 0.0008;
    const pixels = await pixelsOf(page, [[CORE[0] - d, CORE[1] - d], [CORE[0] + d, CORE[1] - d], [CORE[0] + d, CORE[1] + d], [CORE[0] - d, CORE[1] + d]]);
    await drawPolygonAtPixels(page, pixels);
    expect(await settledVerdict(page)).toBe('prohibited');
    const resultRow = page.locator(`[data-testid="site-panel"] tr.result-row[data-layer="${LAYER_ID}"]`);
    await expect(resultRow.getAttribute('data-verdict')).resolves.toBe('prohibited');
    await resultRow.click(); // its details (features, rules, articles) open under the row
    const item = page.locator(`[data-testid="site-panel"] .layer-result[data-layer="${LAYER_ID}"]`);
    await item.waitFor();
    await expect(item.getAttribute('data-verdict')).resolves.toBe('prohibited');
    await expect(item.innerText()).resolves.toContain('官方红线核心区（测试）');
    // Cited as the instrument and its provision: an article (第…条) or, for a policy document, its section (二、（四）).
    const cites = await item.locator('.rule-citation cite').allInnerTexts();
    expect(cites.length).toBeGreaterThan(0);
    for (const cite of cites) expect(cite).toMatch(/^《.+》(（.+?）)?(第.+条|[一二三四五六七八九十]+、)/);
    await expect(item.locator('[data-rule^="EPR-CORE"]').count()).resolves.toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });

  it('the administrator retires the layer from the page (it leaves the map and the check) and restores it', async () => {
    const admin = inject('admin');
    const { page, consoleErrors, externalRequests } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapReady(page);
    await logInThroughUi(page, admin.username, admin.password);
    const treeRow = page.locator(`.layer-row[data-layer-id="${LAYER_ID}"]`);
    await treeRow.waitFor({ timeout: 30_000 });
    const openData = async () => {
      await page.click('[data-testid="auth-user"]');
      await page.click('[data-testid="open-data"]');
      await page.waitForSelector('[data-testid="data-dialog"]');
    };
    const adminRow = page.locator(`[data-testid="layer-admin"] tr[data-layer="${LAYER_ID}"]`);

    await openData();
    await adminRow.getByTestId('layer-retire').click();
    await adminRow.getByTestId('layer-retire-confirm').click();
    await expect.poll(() => adminRow.getByTestId('layer-state').innerText()).toBe('已停用');
    await page.click('[data-testid="data-dialog"] .dialog-actions button');
    await treeRow.waitFor({ state: 'detached', timeout: 30_000 });
    // The check no longer sees it (the server's own answer, not the page's).
    const d = 0.0008;
    const ring = [[CORE[0] - d, CORE[1] - d], [CORE[0] + d, CORE[1] - d], [CORE[0] + d, CORE[1] + d], [CORE[0] - d, CORE[1] + d], [CORE[0] - d, CORE[1] - d]];
    const res = await fetch(`${inject('appUrl')}/api/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ geometry: { type: 'Polygon', coordinates: [ring] }, project: { type: 'industrial' } }),
    });
    expect(res.status).toBe(200);
    const check = (await res.json()) as { results: { layerId: string }[] };
    expect(check.results.map((r) => r.layerId)).not.toContain(LAYER_ID);

    await openData();
    await adminRow.getByTestId('layer-restore').click();
    await expect.poll(() => adminRow.getByTestId('layer-state').innerText()).toMatch(/^参与核查 · 官方数据$/);
    await page.click('[data-testid="data-dialog"] .dialog-actions button');
    await treeRow.waitFor({ timeout: 30_000 });
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });
});
