import type { Page } from 'playwright-core';

/** Helpers for driving the 绘制与核查 tab and the map with real mouse clicks. */

type LonLat = [number, number];

export async function openSitePanel(page: Page): Promise<void> {
  await page.click('[data-testid="tab-check"]');
  await page.waitForSelector('[data-testid="site-panel"]');
  // terra-draw is ready when the tool buttons are enabled.
  await page.waitForSelector('[data-tool="polygon"]:not([disabled])', { timeout: 30_000 });
}

/** Moves the camera (no animation) and waits until the map has drawn the new view. */
export async function jumpTo(page: Page, center: LonLat, zoom: number): Promise<void> {
  await page.evaluate(
    ([c, z]) =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
        map.once('idle', () => resolve());
        map.jumpTo({ center: c as [number, number], zoom: z as number });
      }),
    [center, zoom] as const,
  );
}

/** Page coordinates (CSS px) of lon/lat positions on the map, via map.project. */
export async function pixelsOf(page: Page, positions: LonLat[]): Promise<{ x: number; y: number }[]> {
  return page.evaluate((ps) => {
    const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
    const rect = map.getCanvas().getBoundingClientRect();
    return ps.map((p) => {
      const px = map.project(p as [number, number]);
      return { x: Math.round(rect.left + px.x), y: Math.round(rect.top + px.y) };
    });
  }, positions);
}

/** The lon/lat the map puts at page pixels (what a click there means). */
export async function lonLatsAt(page: Page, pixels: { x: number; y: number }[]): Promise<LonLat[]> {
  return page.evaluate((ps) => {
    const map = (window as unknown as { __redlineMap: import('maplibre-gl').Map }).__redlineMap;
    const rect = map.getCanvas().getBoundingClientRect();
    return ps.map((p) => {
      const ll = map.unproject([p.x - rect.left, p.y - rect.top]);
      return [ll.lng, ll.lat] as LonLat;
    });
  }, pixels);
}

/** Draws a polygon with the polygon tool: one click per vertex, then a click on the first to close it. */
export async function drawPolygonAtPixels(page: Page, pixels: { x: number; y: number }[]): Promise<void> {
  if ((await page.getAttribute('[data-tool="polygon"]', 'aria-pressed')) !== 'true') await page.click('[data-tool="polygon"]');
  for (const p of [...pixels, pixels[0]]) {
    await page.mouse.move(p.x, p.y, { steps: 3 });
    await page.mouse.click(p.x, p.y);
    await page.waitForTimeout(120);
  }
  // Finishing selects the new shape for editing.
  await page.waitForSelector('[data-tool="select"][aria-pressed="true"]');
}

export async function numberIn(page: Page, testId: string): Promise<number> {
  const text = await page.locator(`[data-testid="${testId}"]`).textContent();
  return Number((text ?? '').replace(/,/g, ''));
}

/** Exact area of a lon/lat quadrangle on the CGCS2000 (GRS80) ellipsoid — the authalic formula, no projection. */
export function quadrangleAreaM2(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e2 = f * (2 - f);
  const e = Math.sqrt(e2);
  const q = (phi: number) => {
    const s = Math.sin(phi);
    return s / (1 - e2 * s * s) + Math.atanh(e * s) / e;
  };
  const rad = Math.PI / 180;
  return Math.abs(((lon2 - lon1) * rad * a * a * (1 - e2) * (q(lat2 * rad) - q(lat1 * rad))) / 2);
}
