import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWatchedPage, waitForMapIdle } from './support/browser.ts';
import { apiSession, logInThroughUi, settledVerdict } from './support/review.ts';
import { numberIn, openSitePanel } from './support/site-panel.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * Issue 12: a parcel whose hole touches its boundary at one point is valid (OGC, PostGIS), so the
 * site workspace treats it like any other. On the Gauss-Krüger plane: 100 × 80 m minus a triangle
 * of base 40 m and height 40 m whose apex J5 lies on the north edge J1–J2 = 8000 − 800 = 7200 m² =
 * 0.7200 公顷 = 10.80 亩 (the ellipsoidal area the panel shows is within 0.1 % of the plane's).
 */
const TXT = [
  '[属性描述]', '格式版本号=1.01', '数据产生单位=花溪区自然资源局', '坐标系=2000国家大地坐标系', '几度分带=3', '投影类型=高斯克吕格',
  '计量单位=米', '带号=36', '精度=0.001', '转换参数=,,,,,,', '[地块坐标]', '9,0.7200,1,内环相切地块,面,,建设用地,,@',
  'J1,1,2923000.000,36367300.000',
  'J2,1,2923000.000,36367400.000',
  'J3,1,2922920.000,36367400.000',
  'J4,1,2922920.000,36367300.000',
  'J1,1,2923000.000,36367300.000',
  'J5,2,2923000.000,36367350.000',
  'J6,2,2922960.000,36367370.000',
  'J7,2,2922960.000,36367330.000',
  'J5,2,2923000.000,36367350.000',
].join('\r\n');
const PASSWORD = 'touching-hole-e2e-password';
const APPLICANT = 'e2e_touching_hole';
const NAME = '内环相切地块';

describe('a parcel whose hole touches its boundary (issue 12)', () => {
  it('imports with its area, no blocking self-intersection, checks, exports and saves', async () => {
    const appUrl = inject('appUrl');
    const admin = await apiSession(appUrl, inject('admin').username, inject('admin').password);
    expect([201, 409]).toContain((await admin.post('/api/users', { username: APPLICANT, password: PASSWORD, role: 'applicant' })).status);

    // The verdict the API gives the same file's geometry: what the panel must show.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(iconv.encode(TXT, 'gbk'))]), 'touching.txt');
    const imported = (await (await fetch(`${appUrl}/api/import`, { method: 'POST', body: form })).json()) as { features: GeoJSON.FeatureCollection };
    const apiCheck = await fetch(`${appUrl}/api/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ geometry: imported.features.features[0].geometry, project: { type: 'other' }, bufferM: 500 }),
    });
    expect(apiCheck.status).toBe(200);
    const { verdict: apiVerdict } = (await apiCheck.json()) as { verdict: string };

    const { page, consoleErrors } = await openWatchedPage(browser, appUrl);
    await waitForMapIdle(page);
    await logInThroughUi(page, APPLICANT, PASSWORD);
    await openSitePanel(page);
    await page.fill('[data-testid="site-name"]', NAME);
    await page.click('[data-testid="import-section"] summary');
    await page.setInputFiles('[data-testid="import-file"]', { name: `${NAME}.txt`, mimeType: 'text/plain', buffer: iconv.encode(TXT, 'gbk') });
    await page.waitForSelector('[data-testid="import-status"]:has-text("已导入 1 个地块")', { timeout: 30_000 });

    // The area of the shell minus the hole, not of the shell alone.
    expect(Math.abs((await numberIn(page, 'site-area-ha')) - 0.72) / 0.72).toBeLessThan(0.001);
    expect(await numberIn(page, 'site-area-mu')).toBeCloseTo(10.8, 1);
    // No refusal: neither the self-intersection alert nor an import warning about one.
    expect(await page.locator('[data-testid="self-intersection"]').count()).toBe(0);
    expect((await page.locator('[data-testid="site-panel"]').textContent()) ?? '').not.toMatch(/自相交/);

    // The live check gives the verdict the API gives.
    expect(await settledVerdict(page)).toBe(apiVerdict);

    // Export works and keeps the hole.
    await page.click('[data-testid="export-section"] summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="geojson"]')]);
    const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as GeoJSON.FeatureCollection;
    expect((exported.features[0].geometry as GeoJSON.Polygon).coordinates).toHaveLength(2);

    // Saving works: the server stores it and its check.
    await page.click('[data-action="save-draft"]');
    await page.waitForSelector('[data-testid="save-status"].is-done', { timeout: 30_000 });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
