import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type maplibregl from 'maplibre-gl';
import { launchBrowser, openWatchedPage } from './support/browser.ts';
import { waitForMapReady } from './support/map-helpers.ts';

/**
 * Issue 17: the map with vector tiles forced for every layer (`?tiles=all`), as a province-scale
 * layer gets them without asking. On the embedded database the tiles are PostGIS-clipped TWKB
 * encoded in Node (server/layers/mvt-encode.ts): MapLibre must read them, draw them, and put each
 * feature where the layer's own GeoJSON has it.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

type Bbox = [number, number, number, number];

describe('every layer from vector tiles (?tiles=all)', () => {
  it('draws each visible layer from tiles, at the places its GeoJSON has, with no failed tile and no console error', async () => {
    const { page, consoleErrors, externalRequests } = await openWatchedPage(browser, `${inject('appUrl')}/?tiles=all`);
    const tileStatuses: number[] = [];
    page.on('response', (res) => {
      if (/\/tiles\/[^/]+\/\d+\/\d+\/\d+\.mvt/.test(res.url())) tileStatuses.push(res.status());
    });
    await waitForMapReady(page);

    // Per visible data layer: its source's type and, from the tiles loaded, each feature's key and bbox.
    const drawn = await page.evaluate(() => {
      const map = window.__redlineMap as unknown as maplibregl.Map;
      const visible = new Set<string>();
      for (const spec of map.getStyle().layers) {
        const layerId = (spec.metadata as { layerId?: string } | undefined)?.layerId;
        if (layerId && map.getLayoutProperty(spec.id, 'visibility') !== 'none') visible.add(layerId);
      }
      return [...visible].map((layerId) => {
        const source = map.getSource(`src:${layerId}`);
        const boxes: Record<string, [number, number, number, number]> = {};
        if (source?.type === 'vector') {
          for (const f of map.querySourceFeatures(`src:${layerId}`, { sourceLayer: layerId })) {
            const key = String(f.properties?.key);
            const coords = JSON.stringify(f.geometry).match(/-?\d+\.\d+|-?\d+/g)!.map(Number);
            const [x0, y0, x1, y1] = boxes[key] ?? [Infinity, Infinity, -Infinity, -Infinity];
            const xs = coords.filter((_, i) => i % 2 === 0);
            const ys = coords.filter((_, i) => i % 2 === 1);
            boxes[key] = [Math.min(x0, ...xs), Math.min(y0, ...ys), Math.max(x1, ...xs), Math.max(y1, ...ys)];
          }
        }
        return { layerId, type: source?.type, boxes };
      });
    });

    expect(drawn.length).toBeGreaterThan(3);
    for (const layer of drawn) {
      // Tiles, not the GeoJSON fallback for a server that cannot build them.
      expect(layer.type, layer.layerId).toBe('vector');
      const keys = Object.keys(layer.boxes);
      expect(keys.length, `features of ${layer.layerId} in the loaded tiles`).toBeGreaterThan(0);
      // Each drawn feature lies within its own GeoJSON bbox (a tile clips; a flipped or shifted
      // tile would put it elsewhere), to within a tile unit at the zoom shown (< 40 m here).
      const body = (await page.evaluate(async (id) => (await fetch(`/api/layers/${id}/features`)).json(), layer.layerId)) as { features: { id: string; geometry: GeoJSON.Geometry }[] };
      const source = new Map(body.features.map((f) => [String(f.id), f.geometry]));
      for (const key of keys) {
        const geometry = source.get(key);
        expect(geometry, `${layer.layerId}/${key} is a feature of the layer`).toBeDefined();
        const coords = JSON.stringify(geometry).match(/-?\d+\.\d+|-?\d+/g)!.map(Number);
        const xs = coords.filter((_, i) => i % 2 === 0);
        const ys = coords.filter((_, i) => i % 2 === 1);
        const want: Bbox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
        const [x0, y0, x1, y1] = layer.boxes[key];
        const tol = 0.0004;
        expect(x0, `${layer.layerId}/${key} west`).toBeGreaterThanOrEqual(want[0] - tol);
        expect(y0, `${layer.layerId}/${key} south`).toBeGreaterThanOrEqual(want[1] - tol);
        expect(x1, `${layer.layerId}/${key} east`).toBeLessThanOrEqual(want[2] + tol);
        expect(y1, `${layer.layerId}/${key} north`).toBeLessThanOrEqual(want[3] + tol);
      }
    }
    expect(tileStatuses.length).toBeGreaterThan(0);
    expect(tileStatuses.filter((s) => s !== 200 && s !== 304)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });
});
