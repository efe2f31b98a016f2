import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWatchedPage, waitForMapIdle } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the app in a real browser', () => {
  it('loads the page, renders the map canvas, logs no console error and requests nothing off the machine', async () => {
    const { page, consoleErrors, externalRequests } = await openWatchedPage(browser, inject('appUrl'));
    expect(await page.title()).toBe('生态红线一张图');
    await waitForMapIdle(page);
    const canvas = page.locator('canvas.maplibregl-canvas');
    await expect(canvas.count()).resolves.toBe(1);
    const size = await canvas.evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }));
    expect(size.w).toBeGreaterThan(500);
    expect(size.h).toBeGreaterThan(400);
    // The canvas is not blank: read back pixels through MapLibre's WebGL context.
    const distinctColours = await page.evaluate(() => {
      const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
      const gl = (c.getContext('webgl2') || c.getContext('webgl')) as WebGLRenderingContext;
      const px = new Uint8Array(4 * 64 * 64);
      gl.readPixels(Math.floor(c.width / 2) - 32, Math.floor(c.height / 2) - 32, 64, 64, gl.RGBA, gl.UNSIGNED_BYTE, px);
      const set = new Set<number>();
      for (let i = 0; i < px.length; i += 4) set.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
      return set.size;
    });
    expect(distinctColours).toBeGreaterThan(1);
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });
});
