import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWatchedPage } from './support/browser.ts';
import { clickLngLat, waitForMapReady } from './support/map-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('map tools', () => {
  it('reads out lon/lat and CGCS2000 3° Gauss-Krüger X/Y of the zone under the cursor', async () => {
    const { page, consoleErrors } = await openWatchedPage(browser, `${inject('appUrl')}/#map=14/26.41/106.67&base=offline&layers=admin_boundary`);
    await waitForMapReady(page);
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const p = await page.evaluate(() => window.__redlineMap!.project([106.67, 26.41]));
    await page.mouse.move(box.x + p.x, box.y + p.y);
    const text = await page.getByTestId('coordinates').innerText();
    // rules.md §13: 106.67 E, 26.41 N → X 2922944.07, Y 36367301.81 (zone 36). One pixel at zoom 14 is ~9 m.
    const m = /X (\d+\.\d+) Y (\d+\.\d+)/.exec(text)!;
    expect(text).toContain('3°带 36');
    expect(Math.abs(Number(m[1]) - 2922944.07)).toBeLessThan(15);
    expect(Math.abs(Number(m[2]) - 36367301.81)).toBeLessThan(15);
    expect(consoleErrors).toEqual([]);
  });

  it('measures an area in m², 公顷 and 亩', async () => {
    const { page, consoleErrors } = await openWatchedPage(browser, `${inject('appUrl')}/#map=15/26.41/106.67&base=offline&layers=admin_boundary`);
    await waitForMapReady(page);
    await page.getByTestId('measure-area').click();
    // A 0.005° × 0.005° square at 26.41° N: ≈ 498.6 m × 556.6 m ≈ 27.75 公顷.
    for (const ll of [[106.6675, 26.4075], [106.6725, 26.4075], [106.6725, 26.4125]] as [number, number][]) {
      await clickLngLat(page, ll);
      await page.waitForTimeout(150);
    }
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const last = await page.evaluate(() => window.__redlineMap!.project([106.6675, 26.4125]));
    await page.mouse.dblclick(box.x + last.x, box.y + last.y);
    const text = await page.getByTestId('measure-panel').innerText();
    const hectares = Number(/([\d,.]+) 公顷/.exec(text)![1].replace(/,/g, ''));
    const mu = Number(/([\d,.]+) 亩/.exec(text)![1].replace(/,/g, ''));
    expect(hectares).toBeGreaterThan(27.5);
    expect(hectares).toBeLessThan(28.0);
    expect(mu / hectares).toBeCloseTo(15, 2);
    // The perimeter (≈ 2 110 m) in the units the site panel uses: 千米 in Chinese.
    expect(text).toMatch(/周长\s*2\.1\d\d 千米/);
    // While measuring, clicks do not open popups.
    await expect(page.getByTestId('feature-popup').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('measure-panel').count()).resolves.toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('reset view frames the whole district again', async () => {
    const { page } = await openWatchedPage(browser, `${inject('appUrl')}/#map=16/26.41/106.67&base=offline&layers=admin_boundary`);
    await waitForMapReady(page);
    await page.getByTestId('reset-view').click();
    await page.waitForFunction(() => window.__redlineMap!.getZoom() < 12, undefined, { timeout: 10_000 });
    await waitForMapReady(page);
    const { lng, lat } = await page.evaluate(() => window.__redlineMap!.getCenter());
    expect(lng).toBeGreaterThan(106.6);
    expect(lng).toBeLessThan(106.72);
    expect(lat).toBeGreaterThan(26.33);
    expect(lat).toBeLessThan(26.43);
  });
});
