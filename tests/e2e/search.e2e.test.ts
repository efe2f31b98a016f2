import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWatchedPage } from './support/browser.ts';
import { waitForMapReady } from './support/map-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('search', () => {
  it('searching 花溪水库 with the keyboard flies to the reservoir and outlines it', async () => {
    const { page, consoleErrors, externalRequests } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapReady(page);
    const before = await page.evaluate(() => window.__redlineMap!.getZoom());
    const input = page.getByTestId('search-input');
    await input.focus();
    await page.keyboard.type('花溪水库');
    await page.getByTestId('search-hit').first().waitFor();
    await expect(page.getByTestId('search-hit').first().innerText()).resolves.toMatch(/^花溪水库\n水库湖泊/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__redlineMap!.isMoving(), undefined, { timeout: 5000 }).catch(() => undefined);
    await waitForMapReady(page);
    const view = await page.evaluate(() => ({ center: window.__redlineMap!.getCenter(), zoom: window.__redlineMap!.getZoom() }));
    const reservoir = (await page.evaluate(() => fetch(`/api/search?q=${encodeURIComponent('花溪水库')}`).then((r) => r.json()))).results[0];
    const [w, s, e, n] = reservoir.bbox as number[];
    expect(view.center.lng).toBeGreaterThan(w);
    expect(view.center.lng).toBeLessThan(e);
    expect(view.center.lat).toBeGreaterThan(s);
    expect(view.center.lat).toBeLessThan(n);
    expect(view.zoom).toBeGreaterThan(before + 1.5);
    // The highlight holds the reservoir's outline.
    const highlighted = await page.evaluate(() => window.__redlineMap!.queryRenderedFeatures(undefined, { layers: ['search-highlight:line'] }).length);
    expect(highlighted).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });

  it('says so when nothing matches', async () => {
    const { page, consoleErrors } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapReady(page);
    await page.getByTestId('search-input').fill('不存在的地名');
    await page.locator('.search-results', { hasText: '未找到“不存在的地名”' }).waitFor({ timeout: 10_000 });
    expect(consoleErrors).toEqual([]);
  });
});
