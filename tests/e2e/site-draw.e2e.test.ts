import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWatchedPage, waitForMapIdle } from './support/browser.ts';
import { drawPolygonAtPixels, jumpTo, lonLatsAt, numberIn, openSitePanel, quadrangleAreaM2 } from './support/site-panel.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('drawing a site (issue 5)', () => {
  it('draws a polygon with mouse clicks and shows its ellipsoidal area in m², 公顷 and 亩', async () => {
    const { page, consoleErrors } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapIdle(page);
    await openSitePanel(page);
    await jumpTo(page, [106.66, 26.4], 15);

    const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const x1 = Math.round(canvas.x + canvas.width * 0.3);
    const x2 = x1 + 300;
    const y1 = Math.round(canvas.y + canvas.height * 0.3);
    const y2 = y1 + 200;
    const corners = [{ x: x1, y: y1 }, { x: x2, y: y1 }, { x: x2, y: y2 }, { x: x1, y: y2 }];
    // On a north-up Web Mercator map a pixel rectangle is a lon/lat quadrangle: its exact area is analytic.
    const [[lonW, latN], , [lonE, latS]] = await lonLatsAt(page, corners);
    const expectedM2 = quadrangleAreaM2(lonW, latS, lonE, latN);

    await drawPolygonAtPixels(page, corners);
    await page.waitForSelector('[data-testid="site-area-ha"]');
    const m2 = await numberIn(page, 'site-area-m2');
    const ha = await numberIn(page, 'site-area-ha');
    const mu = await numberIn(page, 'site-area-mu');
    expect(Math.abs(m2 - expectedM2) / expectedM2).toBeLessThan(0.001);
    expect(Math.abs(ha - expectedM2 / 10_000)).toBeLessThan(Math.max(0.0001, (0.001 * expectedM2) / 10_000));
    expect(Math.abs(mu - (expectedM2 * 15) / 10_000)).toBeLessThan(Math.max(0.01, (0.001 * expectedM2 * 15) / 10_000));
    // Reporting decimals: 公顷 4, 亩 2.
    expect(await page.locator('[data-testid="site-area-ha"]').textContent()).toMatch(/^\d[\d,]*\.\d{4}$/);
    expect(await page.locator('[data-testid="site-area-mu"]').textContent()).toMatch(/^\d[\d,]*\.\d{2}$/);

    // Ctrl+Z removes the polygon, Ctrl+Y brings it back.
    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid="site-area-ha"]', { state: 'detached' });
    await page.keyboard.press('Control+y');
    await page.waitForSelector('[data-testid="site-area-ha"]');
    expect(await numberIn(page, 'site-area-ha')).toBe(ha);
    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.context().close();
  });

  it('flags a boundary that crosses itself and marks the crossing on the map', async () => {
    const { page } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapIdle(page);
    await openSitePanel(page);
    await jumpTo(page, [106.66, 26.4], 15);
    const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const cx = Math.round(canvas.x + canvas.width / 2);
    const cy = Math.round(canvas.y + canvas.height / 2);
    // A bow tie: the 1st and 3rd edges cross at the centre.
    await drawPolygonAtPixels(page, [{ x: cx - 100, y: cy - 100 }, { x: cx + 100, y: cy + 100 }, { x: cx + 100, y: cy - 100 }, { x: cx - 100, y: cy + 100 }]);
    await page.waitForSelector('[data-testid="self-intersection"]');
    await expect(page.locator('[data-testid="self-intersection"]').textContent()).resolves.toContain('1 处自相交');
    // The red mark sits where the edges cross: the centre of the bow tie.
    const mark = await page.waitForFunction(() => {
      const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
      const rendered = map.getLayer('site-kinks') ? map.queryRenderedFeatures({ layers: ['site-kinks'] }) : [];
      if (rendered.length === 0) return null;
      const p = map.project((rendered[0].geometry as GeoJSON.Point).coordinates as [number, number]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    });
    const at = (await mark.jsonValue())!;
    expect(Math.abs(at.x - cx)).toBeLessThan(2);
    expect(Math.abs(at.y - cy)).toBeLessThan(2);
    // Saving and exporting are refused while the boundary crosses itself.
    await page.click('[data-action="save-draft"]');
    await expect(page.locator('[data-testid="save-status"]').textContent()).resolves.toContain('自相交');
    await page.context().close();
  });

  it('a point site shows where it is (it has no area or length to show)', async () => {
    const { page } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapIdle(page);
    await openSitePanel(page);
    await jumpTo(page, [106.66, 26.4], 15);
    const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const at = { x: Math.round(canvas.x + canvas.width / 2), y: Math.round(canvas.y + canvas.height / 2) };
    const [[lon, lat]] = await lonLatsAt(page, [at]);
    await page.click('[data-tool="point"]');
    await page.mouse.click(at.x, at.y);
    const text = (await page.locator('[data-testid="site-position"]').textContent({ timeout: 10_000 })) ?? '';
    const [, e, n] = /^E ([\d.]+)°, N ([\d.]+)°$/.exec(text)!;
    expect(Math.abs(Number(e) - lon)).toBeLessThan(1e-5);
    expect(Math.abs(Number(n) - lat)).toBeLessThan(1e-5);
    // The impact width left empty: the field names the default that applies to a point.
    await expect.poll(() => page.locator('.impact-width input').getAttribute('placeholder')).toBe('默认 20');
    await page.context().close();
  });
});
