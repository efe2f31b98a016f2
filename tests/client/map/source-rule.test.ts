import { describe, expect, it } from 'vitest';
import { MAX_GEOJSON_BYTES, MAX_GEOJSON_FEATURES, forcedTileLayers, initialSourceKind, readWithinBudget } from '../../../client/map/source-rule.ts';

const stream = (chunks: string[]) =>
  new Response(
    new ReadableStream({
      start(controller) {
        for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
        controller.close();
      },
    }),
  );

describe('GeoJSON or vector tiles', () => {
  it('sends layers with many features straight to tiles', () => {
    expect(initialSourceKind({ id: 'a', featureCount: MAX_GEOJSON_FEATURES }, new Set())).toBe('geojson');
    expect(initialSourceKind({ id: 'a', featureCount: MAX_GEOJSON_FEATURES + 1 }, new Set())).toBe('tiles');
  });

  it('lets ?tiles= force tiles for some or all layers', () => {
    expect(forcedTileLayers('?tiles=all')).toBe('all');
    expect(initialSourceKind({ id: 'river', featureCount: 1 }, forcedTileLayers('?tiles=river,place'))).toBe('tiles');
    expect(initialSourceKind({ id: 'wetland', featureCount: 1 }, forcedTileLayers('?tiles=river'))).toBe('geojson');
  });

  it('reads a body within the byte budget and gives up past it', async () => {
    await expect(readWithinBudget(stream(['{"type":', '"FeatureCollection"}']))).resolves.toBe('{"type":"FeatureCollection"}');
    await expect(readWithinBudget(stream(['x'.repeat(600), 'y'.repeat(600)]), 1000)).resolves.toBeNull();
    await expect(readWithinBudget(stream(['花'.repeat(10)]), 30)).resolves.toBe('花'.repeat(10));
    expect(MAX_GEOJSON_BYTES).toBeGreaterThan(1024 * 1024);
  });
});
