import type { Page } from 'playwright-core';

type MapHandle = {
  loaded(): boolean;
  isMoving(): boolean;
  project(lngLat: [number, number]): { x: number; y: number };
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getSource(id: string): unknown;
  getStyle(): { layers: { id: string; layout?: { visibility?: string } }[] };
  queryRenderedFeatures(geometry?: unknown, options?: { layers?: string[] }): unknown[];
  jumpTo(options: { center: [number, number]; zoom: number }): void;
};
declare global {
  interface Window {
    __redlineMap?: MapHandle;
    __pixelSnapshot?: Uint8Array;
  }
}

/** Waits until the map is idle and no visible layer is still loading (the loading chip is gone). */
export async function waitForMapReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = window.__redlineMap;
      return !!map && map.loaded() && !map.isMoving() && !document.querySelector('.map-loading');
    },
    undefined,
    { timeout, polling: 200 },
  );
  // One more frame so the last render is on the canvas.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Clicks the map at a longitude/latitude. */
export async function clickLngLat(page: Page, lngLat: [number, number]): Promise<void> {
  const box = await page.locator('canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  const p = await page.evaluate((ll) => window.__redlineMap!.project(ll), lngLat);
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

/** Keeps the canvas pixels (read back through WebGL; the map preserves its drawing buffer). */
export async function snapshotPixels(page: Page): Promise<void> {
  await page.evaluate(() => {
    const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
    const gl = (c.getContext('webgl2') || c.getContext('webgl')) as WebGLRenderingContext;
    const px = new Uint8Array(4 * c.width * c.height);
    gl.readPixels(0, 0, c.width, c.height, gl.RGBA, gl.UNSIGNED_BYTE, px);
    window.__pixelSnapshot = px;
  });
}

/** How many pixels differ from the last snapshot, and how many of those were / are "red line red". */
export async function pixelChange(page: Page): Promise<{ changed: number; total: number; redBefore: number; redAfter: number }> {
  return page.evaluate(() => {
    const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
    const gl = (c.getContext('webgl2') || c.getContext('webgl')) as WebGLRenderingContext;
    const now = new Uint8Array(4 * c.width * c.height);
    gl.readPixels(0, 0, c.width, c.height, gl.RGBA, gl.UNSIGNED_BYTE, now);
    const before = window.__pixelSnapshot!;
    const isRed = (a: Uint8Array, i: number) => a[i] > 180 && a[i + 1] < 90 && a[i + 2] < 90;
    let changed = 0;
    let redBefore = 0;
    let redAfter = 0;
    for (let i = 0; i < now.length; i += 4) {
      if (Math.abs(now[i] - before[i]) + Math.abs(now[i + 1] - before[i + 1]) + Math.abs(now[i + 2] - before[i + 2]) > 24) changed++;
      if (isRed(before, i)) redBefore++;
      if (isRed(now, i)) redAfter++;
    }
    return { changed, total: now.length / 4, redBefore, redAfter };
  });
}
