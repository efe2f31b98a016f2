import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { CheckResult } from '../../common/api/check-result.ts';
import { launchBrowser, openWatchedPage, waitForMapIdle } from './support/browser.ts';
import { drawPolygonAtPixels, jumpTo, openSitePanel, pixelsOf } from './support/site-panel.ts';

/**
 * Issue 18, item 2: the result rows are linked to the map. A site across a 一级 water-source zone
 * and 永久基本农田 (a layer off by default): clicking the farmland row switches that layer on, outlines
 * exactly the features the check names, frames them and opens the row's details.
 */
type Ring = [number, number][];
const square = ([lon, lat]: [number, number], d: number): Ring => [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]];
const PROJECT = { type: 'industrial', dischargesPollutants: true };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function check(appUrl: string, ring: Ring): Promise<CheckResult> {
  const res = await fetch(`${appUrl}/api/check`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ geometry: { type: 'Polygon', coordinates: [ring] }, project: PROJECT }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as CheckResult;
}

/** A square on the edge of a 一级 zone that also overlaps permanent basic farmland. */
async function siteOverFarmland(appUrl: string): Promise<{ ring: Ring; result: CheckResult }> {
  const zones = (await (await fetch(`${appUrl}/api/layers/water_source/features`)).json()) as GeoJSON.FeatureCollection;
  for (const zone of zones.features.filter((f) => f.properties?.level === 'grade1')) {
    const g = zone.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    const outer = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0];
    for (const vertex of outer.slice(0, 12)) {
      const ring = square(vertex as [number, number], 0.0015);
      const result = await check(appUrl, ring);
      const farmland = result.results.find((r) => r.layerId === 'basic_farmland');
      if (result.verdict === 'prohibited' && farmland && farmland.overlapAreaM2 > 0) return { ring, result };
    }
  }
  throw new Error('no site on a 一级 zone edge over permanent basic farmland');
}

describe('result rows linked to the map (issue 18)', () => {
  it('clicking the 永久基本农田 row switches the layer on, outlines the features the check names and opens the details', async () => {
    const appUrl = inject('appUrl');
    const started = Date.now();
    const step = (what: string) => console.log(`[check-map-link] ${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);
    const { ring, result } = await siteOverFarmland(appUrl);
    step('site found');
    const farmland = result.results.find((r) => r.layerId === 'basic_farmland')!;
    const expectedKeys = farmland.features.map((f) => f.id).sort();
    expect(expectedKeys.length).toBeGreaterThan(0);

    const { page, consoleErrors } = await openWatchedPage(browser, appUrl);
    await waitForMapIdle(page);
    await openSitePanel(page);
    await page.selectOption('[data-testid="project-type"]', 'industrial');
    await page.check('[data-flag="dischargesPollutants"]');
    await jumpTo(page, [(ring[0][0] + ring[2][0]) / 2, (ring[0][1] + ring[2][1]) / 2], 15);
    await drawPolygonAtPixels(page, await pixelsOf(page, ring.slice(0, 4)));
    const row = page.locator('.result-row[data-layer="basic_farmland"]');
    await row.waitFor({ timeout: 60_000 });
    step('result table shown');
    // The compact table: 图层 | 结论 | 重叠公顷 | 占比 | 距离, and no details until asked for.
    expect(await page.locator('.result-table thead th').allTextContents()).toEqual(['图层', '结论', '重叠公顷', '占比', '距离']);
    expect(await row.getAttribute('data-verdict')).toBe(farmland.verdict);
    await expect(page.locator('[data-details="basic_farmland"]').count()).resolves.toBe(0);
    // Off by default.
    expect(await page.evaluate(() => window.location.hash)).not.toMatch(/basic_farmland/);
    const visibleOnMap = () =>
      page.evaluate(() => {
        const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
        return map.getStyle().layers.some((l) => 'source' in l && String(l.source).includes('basic_farmland') && l.layout?.visibility !== 'none');
      });
    expect(await visibleOnMap()).toBe(false);

    await row.click();
    step('row clicked');    // The layer is switched on (view state, permalink and map) …
    await page.waitForFunction(() => /layers=[^&]*basic_farmland/.test(window.location.hash), undefined, { timeout: 15_000 });
    await expect.poll(visibleOnMap, { timeout: 30_000 }).toBe(true);
    await expect(page.locator('[data-testid="toggle-basic_farmland"]').count()).resolves.toBeLessThanOrEqual(1);
    // … the features the check names are outlined, no others, and drawn …
    const keys = await page.waitForFunction(
      () => {
        const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
        if (!map.getSource('site-focus') || map.isMoving()) return null;
        const rendered = map.queryRenderedFeatures({ layers: ['site-focus-line'] });
        const all = map.querySourceFeatures('site-focus').map((f) => String(f.properties?.key));
        return rendered.length > 0 ? [...new Set(all)].sort() : null;
      },
      undefined,
      { timeout: 30_000, polling: 250 },
    );
    expect(await keys.jsonValue()).toEqual(expectedKeys);
    step('features outlined');
    // … the map frames the site (it is in view) …
    const inView = await page.evaluate((r) => {
      const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
      const b = map.getBounds();
      return r.every(([lon, lat]) => b.contains([lon, lat]));
    }, ring);
    expect(inView).toBe(true);
    // … and the row's details (rules with their articles) open under it.
    await page.waitForSelector('[data-details="basic_farmland"] .layer-result-rules');
    // The overlap is drawn with the conflict hatch, not in a verdict colour.
    const overlapPaint = await page.evaluate(() => {
      const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
      return map.getPaintProperty('site-overlap-fill', 'fill-pattern');
    });
    expect(overlapPaint).toBe('conflict-cross-hatch');
    // 显示涉及图层 switches on every layer of the table.
    await page.click('[data-action="show-result-layers"]');
    const involved = result.results.map((r) => r.layerId);
    await page.waitForFunction((ids) => ids.every((id) => new RegExp(`layers=[^&]*${id}`).test(window.location.hash)), involved, { timeout: 15_000 });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
