import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWatchedPage } from './support/browser.ts';
import { waitForMapReady } from './support/map-helpers.ts';

/**
 * The README's screenshots, taken at 1366×768 (a common office laptop). Written to docs/ with
 * UPDATE_SCREENSHOTS=1 (`UPDATE_SCREENSHOTS=1 npx vitest run --project e2e docs-screenshot`),
 * otherwise to a temporary directory so a test run never changes committed files.
 */
const outDir = process.env.UPDATE_SCREENSHOTS ? path.resolve('docs') : fs.mkdtempSync(path.join(os.tmpdir(), 'redline-shots-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('documentation screenshots', () => {
  it('the default view: every group in the tree, the offline basemap, labels, nothing under the panel', async () => {
    const { page, consoleErrors, externalRequests } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapReady(page);
    // The map starts right of the panel: nothing of it lies under the panel.
    const panel = (await page.locator('.side-panel').boundingBox())!;
    const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    expect(canvas.x).toBeGreaterThanOrEqual(panel.x + panel.width - 1);
    expect(canvas.x + canvas.width).toBeLessThanOrEqual(1366);
    const file = path.join(outDir, 'screenshot-map.png');
    await page.screenshot({ path: file });
    expect(fs.statSync(file).size).toBeGreaterThan(50_000);
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });

  it('a closer view: Chinese labels with digits and Latin (corridor widths), glyphs served by the app', async () => {
    const { page, consoleErrors, externalRequests } = await openWatchedPage(
      browser,
      `${inject('appUrl')}/#map=12.30/26.42000/106.66000&base=offline&layers=place,admin_boundary,river,water_source,eco_redline,nature_reserve,scenic_area,wetland,reservoir,urban_boundary,eco_corridor,eco_core,guiyang_districts`,
    );
    const glyphs: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/glyphs/')) glyphs.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await page.reload();
    await waitForMapReady(page);
    await page.screenshot({ path: path.join(outDir, 'screenshot-labels.png') });
    // Latin/digit glyphs came from the app (the 0–255 range), CJK was drawn locally.
    expect(glyphs.some((g) => /^200 \/glyphs\/noto-sans-cjk-sc-(regular|bold)\/0-255\.pbf$/.test(g))).toBe(true);
    expect(glyphs.filter((g) => !g.startsWith('200 '))).toEqual([]);
    // Locally drawn full-width marks have ink: MapLibre's bundled TinySDF drew every opening mark
    // （ 《 「 【 — whose ink sits right of the origin — blank ("廊道（宽 800 m）" read "廊道 宽 800 m）").
    // An SDF byte above 191 is inside the glyph (cutoff 0.25).
    const ink = await page.evaluate(async (codePoints) => {
      const map = (window as unknown as { __redlineMap: { style: { glyphManager: { getGlyphs(g: Record<string, number[]>): Promise<Record<string, Record<number, { bitmap: { data: Uint8Array } } | null>>> } } } }).__redlineMap;
      const stack = "Noto Sans CJK SC,Source Han Sans SC,Microsoft YaHei,PingFang SC";
      const glyphs = (await map.style.glyphManager.getGlyphs({ [stack]: codePoints }))[stack];
      return codePoints.map((cp) => [String.fromCodePoint(cp), Math.max(0, ...(glyphs[cp]?.bitmap.data ?? []))]);
    }, [...'（）《》「」【】宽'].map((c) => c.codePointAt(0)!));
    expect(ink.filter(([, max]) => (max as number) < 192)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });
});
