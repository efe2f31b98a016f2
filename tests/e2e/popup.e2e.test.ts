import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWatchedPage } from './support/browser.ts';
import { clickLngLat, waitForMapReady } from './support/map-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

interface Hit {
  name: string;
  level: string;
  layerId: string;
  centroid: [number, number];
}

describe('feature popups', () => {
  it('clicking inside a 一级 water-source zone shows its name and 一级保护区, with area in 公顷 and 亩', async () => {
    const base = inject('appUrl');
    // A point inside the zone (PostGIS ST_PointOnSurface, via the search API).
    const probe = await openWatchedPage(browser, base);
    const hits = (await probe.page.evaluate(() => fetch(`/api/search?q=${encodeURIComponent('花溪水库饮用水水源一级保护区')}`).then((r) => r.json()))).results as Hit[];
    await probe.page.context().close();
    const zone = hits.find((h) => h.layerId === 'water_source' && h.level === 'grade1')!;
    expect(zone).toBeDefined();

    const [lon, lat] = zone.centroid;
    const { page, consoleErrors, externalRequests } = await openWatchedPage(browser, `${base}/#map=14/${lat}/${lon}&base=offline&layers=water_source,admin_boundary,place`);
    await waitForMapReady(page);
    await clickLngLat(page, zone.centroid);
    const popup = page.getByTestId('feature-popup');
    await popup.waitFor({ timeout: 10_000 });
    const text = await popup.innerText();
    expect(text).toContain(zone.name);
    expect(text).toContain('一级保护区');
    expect(text).not.toContain('grade1');
    expect(text).toMatch(/面积\s+[\d,.]+ 公顷（[\d,.]+ 亩）/);
    expect(text).toContain('图层版本');
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });

  it('lists several features when zones overlap at the click, topmost first', async () => {
    const base = inject('appUrl');
    const probe = await openWatchedPage(browser, base);
    const hits = (await probe.page.evaluate(() => fetch(`/api/search?q=${encodeURIComponent('花溪水库饮用水水源一级保护区')}`).then((r) => r.json()))).results as Hit[];
    await probe.page.context().close();
    const [lon, lat] = hits[0].centroid;
    const { page, consoleErrors } = await openWatchedPage(browser, `${base}/#map=14/${lat}/${lon}&base=offline&layers=water_source,eco_redline,eco_core,admin_boundary`);
    await waitForMapReady(page);
    await clickLngLat(page, hits[0].centroid);
    const popup = page.getByTestId('feature-popup');
    await popup.waitFor({ timeout: 10_000 });
    const items = await popup.locator('.popup-list > li .popup-layer').allInnerTexts();
    expect(items.length).toBeGreaterThan(1);
    expect(items).toContain('饮用水水源保护区');
    // Opening another item shows its attributes.
    await popup.locator('.popup-list > li').nth(1).locator('button').click();
    await expect(popup.locator('.popup-list > li').nth(1).locator('table').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('feature-popup').count()).resolves.toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
