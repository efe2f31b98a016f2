import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWatchedPage } from './support/browser.ts';
import { pixelChange, snapshotPixels, waitForMapReady } from './support/map-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The layer-tree groups planners think in (issue 4), in order. */
const GROUPS = [
  ['redline', '生态保护红线'],
  ['water_source', '饮用水水源保护区'],
  ['protected_area', '自然保护地'],
  ['eco_pattern', '生态格局（两核三屏六带）'],
  ['control_unit', '三线一单环境管控单元'],
  ['three_lines', '国土空间三条控制线'],
  ['base', '基础地理'],
];

describe('layer tree and map', () => {
  it('lists every group in order, every layer of the catalogue, with counts and 示意 badges', async () => {
    const { page, consoleErrors, externalRequests } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapReady(page);
    const groups = await page.locator('.layer-group').evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-group-id'), el.querySelector('.group-title')?.childNodes[1]?.textContent?.trim()]),
    );
    expect(groups).toEqual(GROUPS);
    const catalog = (await page.evaluate(() => fetch('/api/layers').then((r) => r.json()))) as { id: string; nameZh: string; featureCount: number; illustrative: boolean }[];
    for (const layer of catalog) {
      const row = page.locator(`.layer-row[data-layer-id="${layer.id}"]`);
      await expect(row.locator('.layer-name').textContent()).resolves.toBe(layer.nameZh);
      await expect(row.locator('.layer-count').textContent()).resolves.toBe(String(layer.featureCount));
      await expect(row.locator('.badge-illustrative').count()).resolves.toBe(layer.illustrative ? 1 : 0);
    }
    // Water-source levels in words: in the legend, and in the tree once the layer is expanded.
    const levelsInWords = /一级保护区[\s\S]*二级保护区[\s\S]*准保护区/;
    await expect(page.locator('.legend').innerText()).resolves.toMatch(levelsInWords);
    await page.locator('.layer-row[data-layer-id="water_source"] .class-toggle').click();
    await expect(page.locator('.layer-row[data-layer-id="water_source"] .layer-classes').innerText()).resolves.toMatch(levelsInWords);
    await expect(page.getByTestId('illustrative-notice').innerText()).resolves.toContain('示意数据（非法定成果）');
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });

  it('toggling the red line off removes its red from the map, and on brings it back', async () => {
    const { page, consoleErrors, externalRequests } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapReady(page);
    await snapshotPixels(page);
    await page.getByTestId('toggle-eco_redline').uncheck();
    await waitForMapReady(page);
    const off = await pixelChange(page);
    expect(off.redBefore).toBeGreaterThan(2000);
    expect(off.redAfter).toBeLessThan(off.redBefore * 0.1);
    expect(off.changed).toBeGreaterThan(off.total * 0.02);

    await snapshotPixels(page);
    await page.getByTestId('toggle-eco_redline').check();
    await waitForMapReady(page);
    const on = await pixelChange(page);
    expect(on.redAfter).toBeGreaterThan(2000);
    expect(on.changed).toBeGreaterThan(on.total * 0.02);
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });

  it('loads a layer only when first switched on, and a group checkbox switches all its layers', async () => {
    const { page, consoleErrors, externalRequests } = await openWatchedPage(browser, inject('appUrl'));
    const featureRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/layers/control_unit/features')) featureRequests.push(r.url());
    });
    await waitForMapReady(page);
    expect(featureRequests).toEqual([]);
    await snapshotPixels(page);
    await page.getByTestId('group-toggle-control_unit').check();
    await waitForMapReady(page);
    expect(featureRequests.length).toBe(1);
    await expect(page.getByTestId('toggle-control_unit').isChecked()).resolves.toBe(true);
    const change = await pixelChange(page);
    expect(change.changed).toBeGreaterThan(change.total * 0.1);
    // The legend now shows the control-unit classes in words.
    await expect(page.locator('.legend').innerText()).resolves.toMatch(/优先保护单元[\s\S]*重点管控单元[\s\S]*一般管控单元/);
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });
});
