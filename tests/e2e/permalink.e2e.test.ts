import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openWatchedPage } from './support/browser.ts';
import { waitForMapReady } from './support/map-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const checkedLayers = (page: Page) =>
  page.locator('.layer-row').evaluateAll((rows) =>
    rows.filter((r) => (r.querySelector('input[type=checkbox]') as HTMLInputElement).checked).map((r) => r.getAttribute('data-layer-id')).sort(),
  );

describe('permalink', () => {
  it('a copied URL restores the same centre, zoom, basemap and visible layers', async () => {
    const first = await openWatchedPage(browser, inject('appUrl'));
    const { page } = first;
    await waitForMapReady(page);
    await page.getByTestId('toggle-control_unit').check();
    await page.getByTestId('toggle-eco_corridor').uncheck();
    await page.evaluate(() => window.__redlineMap!.jumpTo({ center: [106.70123, 26.31456], zoom: 13.37 }));
    await waitForMapReady(page);
    await page.waitForFunction(() => location.hash.includes('13.37/26.31456/106.70123'));
    const url = page.url();
    expect(url).toMatch(/#map=13\.37\/26\.31456\/106\.70123&base=offline&layers=[a-z_,]+/);
    expect(url).toContain('control_unit');
    expect(url).not.toContain('eco_corridor');
    const layers = await checkedLayers(page);

    const second = await openWatchedPage(browser, url);
    await waitForMapReady(second.page);
    const view = await second.page.evaluate(() => ({ center: window.__redlineMap!.getCenter(), zoom: window.__redlineMap!.getZoom() }));
    expect(view.center.lng).toBeCloseTo(106.70123, 5);
    expect(view.center.lat).toBeCloseTo(26.31456, 5);
    expect(view.zoom).toBeCloseTo(13.37, 2);
    expect(await checkedLayers(second.page)).toEqual(layers);
    expect(second.page.url()).toBe(url);
    await expect(second.page.locator('input[name=basemap]').count()).resolves.toBe(0);
    for (const w of [first, second]) {
      expect(w.consoleErrors).toEqual([]);
      expect(w.externalRequests).toEqual([]);
    }
  });

  it('restores an online basemap from the URL, and requests online tiles only then', async () => {
    // OSM tiles are answered locally so the test never leaves the machine; requests are still recorded.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const online: string[] = [];
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await page.route(/^https:\/\//, (route) => {
      online.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: png });
    });
    await page.goto(`${inject('appUrl')}/#map=11/26.4/106.66&base=offline&layers=eco_redline`);
    await waitForMapReady(page);
    expect(online).toEqual([]);
    await page.close();
    const osmPage = await context.newPage();
    await osmPage.route(/^https:\/\//, (route) => {
      online.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: png });
    });
    await osmPage.goto(`${inject('appUrl')}/#map=11/26.4/106.66&base=osm&layers=eco_redline`);
    await waitForMapReady(osmPage);
    expect(online.length).toBeGreaterThan(0);
    expect(online.every((u) => u.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
    await osmPage.getByTestId('basemap-button').click();
    await expect(osmPage.locator('input[name=basemap][value=osm]').isChecked()).resolves.toBe(true);
    // 天地图 needs a key: offered but disabled without one.
    await expect(osmPage.locator('input[name=basemap][value=tianditu-vec]').isDisabled()).resolves.toBe(true);
    await context.close();
  });
});
