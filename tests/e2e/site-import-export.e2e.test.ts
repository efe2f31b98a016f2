import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWatchedPage, waitForMapIdle } from './support/browser.ts';
import { numberIn, openSitePanel } from './support/site-panel.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The worked example of rules.md §13: 100 × 80 m minus a 20 × 20 m hole = 7600 m² = 0.7600 公顷 = 11.40 亩. */
const POINT_ROWS = [
  'J1,1,2923000.000,36367300.000',
  'J2,1,2923000.000,36367400.000',
  'J3,1,2922920.000,36367400.000',
  'J4,1,2922920.000,36367300.000',
  'J1,1,2923000.000,36367300.000',
  'J5,2,2922970.000,36367340.000',
  'J6,2,2922970.000,36367360.000',
  'J7,2,2922950.000,36367360.000',
  'J8,2,2922950.000,36367340.000',
  'J5,2,2922970.000,36367340.000',
];
const TXT = [
  '[属性描述]', '格式版本号=1.01', '数据产生单位=花溪区自然资源局', '坐标系=2000国家大地坐标系', '几度分带=3', '投影类型=高斯克吕格',
  '计量单位=米', '带号=36', '精度=0.001', '转换参数=,,,,,,', '[地块坐标]', '10,0.7600,1,花溪示例地块,面,,建设用地,,@', ...POINT_ROWS,
].join('\r\n');

/** Point rows of a 国土 TXT as { ring, x, y }. */
function pointRows(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.split(','))
    .filter((f) => f.length === 4 && /^\d+$/.test(f[1]))
    .map(([, ring, x, y]) => ({ ring: Number(ring), x: Number(x), y: Number(y) }));
}

describe('importing and exporting a 国土 TXT through the UI (issue 5)', () => {
  it('imports a GBK 国土 TXT, shows the parcel with its name, and exports the same vertices again', async () => {
    const { page } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapIdle(page);
    await openSitePanel(page);
    await page.click('[data-testid="import-section"] summary');
    await page.setInputFiles('[data-testid="import-file"]', { name: '花溪示例地块.txt', mimeType: 'text/plain', buffer: iconv.encode(TXT, 'gbk') });
    await page.waitForSelector('[data-testid="import-status"]:has-text("已导入 1 个地块")', { timeout: 30_000 });
    // The source CRS in the planner's words, not the EPSG registry's English name.
    const status = (await page.locator('[data-testid="import-status"]').textContent()) ?? '';
    expect(status).toMatch(/源坐标系：2000国家大地坐标系 高斯-克吕格 3度带.*EPSG:\d+/);
    expect(status).not.toMatch(/Gauss|Kruger|degree/);

    // On the map, with its name (the label layer renders it) …
    await page.waitForFunction(() => {
      const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
      return map.getLayer('site-labels') && map.queryRenderedFeatures({ layers: ['site-labels'] }).some((f) => f.properties?.name === '花溪示例地块');
    }, undefined, { timeout: 20_000 });
    // … and in the panel: the ellipsoidal area is 0.04 % under the GK plane's 0.7600 公顷 (rules.md §13).
    const ha = await numberIn(page, 'site-area-ha');
    expect(Math.abs(ha - 0.76) / 0.76).toBeLessThan(0.001);
    expect(await numberIn(page, 'site-area-mu')).toBeCloseTo(11.4, 1);
    await expect(page.locator('.site-part-name').first().textContent()).resolves.toBe('花溪示例地块');

    await page.click('[data-testid="export-section"] summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="txt"]')]);
    const exported = fs.readFileSync((await download.path())!, 'utf8');
    expect(exported).toContain('[地块坐标]');
    expect(exported).toContain('花溪示例地块');
    const original = pointRows(TXT);
    const roundTrip = pointRows(exported);
    expect(roundTrip).toHaveLength(original.length);
    // Same vertices within 1 cm, ring by ring (the exporter may start a ring elsewhere or reverse it).
    for (const ring of [1, 2]) {
      const a = original.filter((p) => p.ring === ring);
      const b = roundTrip.filter((p) => p.ring === ring);
      expect(b).toHaveLength(a.length);
      for (const p of a) expect(b.some((q) => Math.abs(q.x - p.x) < 0.01 && Math.abs(q.y - p.y) < 0.01)).toBe(true);
    }
    await page.context().close();
  });

  it('offers a parcel selector when a file holds several parcels, and shows only the chosen one', async () => {
    const second = [
      '5,0.2400,2,花溪第二地块,面,,建设用地,,@',
      'K1,1,2923200.000,36367300.000',
      'K2,1,2923200.000,36367360.000',
      'K3,1,2923160.000,36367360.000',
      'K4,1,2923160.000,36367300.000',
      'K1,1,2923200.000,36367300.000',
    ];
    const { page } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapIdle(page);
    await openSitePanel(page);
    await page.click('[data-testid="import-section"] summary');
    await page.setInputFiles('[data-testid="import-file"]', { name: 'two.txt', mimeType: 'text/plain', buffer: Buffer.from([TXT, ...second].join('\r\n'), 'utf8') });
    await page.waitForSelector('[data-testid="import-status"]:has-text("已导入 2 个地块")', { timeout: 30_000 });
    await expect(page.locator('.site-part-name').allTextContents()).resolves.toEqual(['花溪示例地块', '花溪第二地块']);
    const options = await page.locator('[data-testid="import-parcel"] option').allTextContents();
    expect(options).toEqual(['全部地块（2）', '花溪示例地块', '花溪第二地块']);
    await page.selectOption('[data-testid="import-parcel"]', { label: '花溪第二地块' });
    await page.waitForFunction(() => document.querySelectorAll('.site-part-name').length === 1);
    await expect(page.locator('.site-part-name').textContent()).resolves.toBe('花溪第二地块');
    // 60 × 40 m on the GK plane = 0.2400 公顷 (ellipsoidal area within 0.1 %).
    expect(Math.abs((await numberIn(page, 'site-area-ha')) - 0.24) / 0.24).toBeLessThan(0.001);
    await page.context().close();
  });
});
