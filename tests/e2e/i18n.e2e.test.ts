import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWatchedPage } from './support/browser.ts';
import { waitForMapReady } from './support/map-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

describe('languages', () => {
  it('is Chinese by default and switches every interface string to English (and back)', async () => {
    const { page, consoleErrors, externalRequests } = await openWatchedPage(browser, inject('appUrl'));
    await waitForMapReady(page);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await expect(page.getByTestId('tab-layers').innerText()).resolves.toBe('图层');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await expect(page.getByTestId('tab-layers').innerText()).resolves.toBe('Layers');
    await expect(page.getByTestId('tab-check').innerText()).resolves.toBe('Draw & check');
    // Nothing Chinese is left in the panel or on the map's controls, except the language button itself.
    const panel = (await page.locator('.side-panel').innerText()).replace('中文', '');
    expect(panel.split('\n').filter((line) => CJK.test(line))).toEqual([]);
    const overlays = await page.locator('.map-toolbar, .map-notice, .coordinate-readout').allInnerTexts();
    expect(overlays.join('\n')).not.toMatch(CJK);
    const titles = await page.locator('.map-toolbar button').evaluateAll((bs) => bs.map((b) => b.getAttribute('title') ?? ''));
    expect(titles.filter((t) => CJK.test(t) || t === '')).toEqual([]);

    // The choice is remembered.
    await page.reload();
    await waitForMapReady(page);
    await expect(page.getByTestId('tab-layers').innerText()).resolves.toBe('Layers');
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByTestId('tab-layers').innerText()).resolves.toBe('图层');
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });
});
