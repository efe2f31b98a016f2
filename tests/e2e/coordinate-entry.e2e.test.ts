import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWatchedPage, waitForMapIdle } from './support/browser.ts';
import { openSitePanel } from './support/site-panel.ts';

/**
 * Issue 18, item 7: the 输入坐标 dialog makes a site from 界址点 typed as on a paper 红线图 —
 * CGCS2000 3° Gauss-Krüger X, Y with the zone prefix (zone 36, EPSG:4524). The site the app checks
 * must lie where PROJ (cs2cs) puts those points.
 */
const CORNERS: [number, number][] = [
  [2927500.0, 36365250.0],
  [2927500.0, 36365450.0],
  [2927300.0, 36365450.0],
  [2927300.0, 36365250.0],
];

/** [lon, lat] of GK zone 36 X, Y by cs2cs (EPSG:4524 is northing, easting → EPSG:4490 lat, lon). */
function proj(points: [number, number][]): [number, number][] {
  const out = execFileSync('cs2cs', ['-f', '%.10f', 'EPSG:4524', 'EPSG:4490'], { input: points.map(([x, y]) => `${x} ${y}`).join('\n') + '\n' }).toString();
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const [lat, lon] = line.trim().split(/\s+/).map(Number);
      return [lon, lat];
    });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('输入坐标 (issue 18)', () => {
  it('typed GK coordinates with zone prefix become the checked site, at the positions PROJ gives; keyboard only', async () => {
    const expected = proj(CORNERS);
    const { page, consoleErrors } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapIdle(page);
    await openSitePanel(page);

    // Open by keyboard.
    await page.focus('[data-action="enter-coordinates"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="coordinate-dialog"][open]');
    // The text area has the focus: type the points, the first with a typo (one number only).
    await page.keyboard.type('点号,X,Y\nJ1, 2927500.00\n');
    await expect(page.locator('[data-testid="coordinate-errors"]').textContent()).resolves.toContain('第 2 行');
    await page.fill('[data-testid="coordinate-text"]', ['点号,X,Y', ...CORNERS.map(([x, y], i) => `J${i + 1}, ${x.toFixed(2)}, ${y.toFixed(2)}`)].join('\n'));
    await expect(page.locator('[data-testid="coordinate-errors"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="coordinate-summary"]').textContent()).resolves.toContain('第 36 带');
    await page.fill('[data-testid="coordinate-name"]', '红线图地块 A');

    // 生成选址 by keyboard: the check request carries the site.
    const request = page.waitForRequest((r) => r.url().endsWith('/api/check') && r.method() === 'POST', { timeout: 60_000 });
    await page.focus('[data-action="create-typed-site"]');
    await page.keyboard.press('Enter');
    const body = (await request).postDataJSON() as { geometry: GeoJSON.Geometry };
    await expect(page.locator('[data-testid="coordinate-dialog"]').count()).resolves.toBe(0);

    const ring = (body.geometry as GeoJSON.Polygon).coordinates?.[0] ?? (body.geometry as unknown as GeoJSON.MultiPolygon).coordinates[0][0];
    expect(ring).toHaveLength(5);
    // Same vertices as PROJ (terra-draw may start the ring elsewhere or turn it: compare as a set).
    for (const [lon, lat] of expected) {
      const nearest = Math.min(...ring.map(([a, b]) => Math.hypot(a - lon, b - lat)));
      expect(nearest).toBeLessThan(1e-8); // ≈ 1 mm
    }
    // The parcel's name became the project's name; the check ran; the map shows surroundings.
    expect(await page.inputValue('[data-testid="site-name"]')).toBe('红线图地块 A');
    await page.waitForSelector('[data-testid="site-panel"] [data-testid="verdict-badge"]:not(.is-pending):not([data-verdict="none"])', { timeout: 60_000 });
    const zoom = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
          if (!map.isMoving()) return resolve(map.getZoom());
          map.once('moveend', () => resolve(map.getZoom()));
        }),
    );
    expect(zoom).toBeLessThanOrEqual(15.001);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
