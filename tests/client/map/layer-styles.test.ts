import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { LAYER_STYLES, DRAW_ORDER, DEFAULT_VISIBLE } from '../../../client/map/style/layer-styles.ts';
import { HATCH_IMAGE, mapLayersFor, type SourceRef } from '../../../client/map/style/map-layers.ts';
import { styleFromHint } from '../../../client/map/style/hint-style.ts';
import { hatchImage } from '../../../client/map/style/hatch.ts';
import { HATCH } from '../../../client/map/style/palette.ts';

const refFor = (id: string, tiled: boolean): SourceRef =>
  tiled ? { source: `src:${id}`, sourceLayer: id } : { source: `src:${id}`, labelSource: `src:${id}:labels`, centerlineSource: `src:${id}:centerline` };

function styleWith(tiled: boolean, language: string): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  const layers = Object.values(LAYER_STYLES).flatMap((style) => {
    const ref = refFor(style.layerId, tiled);
    sources[ref.source] = tiled ? { type: 'vector', tiles: [`http://127.0.0.1/tiles/${style.layerId}/{z}/{x}/{y}.mvt`] } : { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
    if (ref.labelSource) sources[ref.labelSource] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
    if (ref.centerlineSource) sources[ref.centerlineSource] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
    return mapLayersFor(style, ref, 0.7, language);
  });
  return { version: 8, glyphs: 'http://127.0.0.1/glyphs/{fontstack}/{range}.pbf', sources, layers } as StyleSpecification;
}

describe('the one style definition', () => {
  it('produces valid MapLibre layers for GeoJSON and tiled sources, in both languages', () => {
    for (const tiled of [false, true]) {
      for (const language of ['zh-CN', 'en']) expect(validateStyleMin(styleWith(tiled, language))).toEqual([]);
    }
  });

  it('draws each legend class with the colour its swatch shows', () => {
    for (const style of Object.values(LAYER_STYLES)) {
      const layers = JSON.stringify(mapLayersFor(style, refFor(style.layerId, false)));
      for (const c of style.classes) {
        if (c.symbol.fill) expect(layers, `${style.layerId}/${c.level}`).toContain(c.symbol.fill);
        if (c.symbol.line) expect(layers, `${style.layerId}/${c.level}`).toContain(c.symbol.line);
        if (c.symbol.hatch) expect(layers).toContain(HATCH_IMAGE);
      }
    }
  });

  it('orders every known layer and shows the control layers by default', () => {
    for (const id of Object.keys(LAYER_STYLES)) expect(DRAW_ORDER, id).toContain(id);
    for (const id of ['eco_redline', 'water_source', 'nature_reserve', 'eco_corridor']) expect(DEFAULT_VISIBLE.has(id)).toBe(true);
    // Area-wide zonings would hide everything under them.
    expect(DEFAULT_VISIBLE.has('control_unit')).toBe(false);
  });

  it('grades water-source zones in blues, 一级 darkest', () => {
    const luminance = (hex: string) => {
      const n = parseInt(hex.slice(1), 16);
      return 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
    };
    const fill = (level: string) => LAYER_STYLES.water_source.classes.find((c) => c.level === level)!.symbol.fill!;
    expect(luminance(fill('grade1'))).toBeLessThan(luminance(fill('grade2')));
    expect(luminance(fill('grade2'))).toBeLessThan(luminance(fill('quasi')));
  });

  it('styles a layer it does not know from the API hint, per level', () => {
    const style = styleFromHint({ id: 'forest_park', geometryType: 'MultiPolygon', levels: ['a'], style: { fill: '#123456', line: '#654321', fillOpacity: 0.5, lineWidth: 2, levelColors: { a: '#abcdef' } } });
    expect(style.geometry).toBe('polygon');
    expect(style.classes.map((c) => [c.level, c.symbol.fill])).toEqual([['a', '#abcdef'], [null, '#123456']]);
    expect(validateStyleMin({ version: 8, sources: { s: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } }, layers: mapLayersFor(style, { source: 's' }) } as StyleSpecification)).toEqual([]);
  });

  it('has a seamless red-line hatch (its tile repeats without a seam)', () => {
    const { width, data } = hatchImage(2);
    expect(width).toBe(HATCH.size * 2);
    const alpha = (x: number, y: number) => data[((y % width) * width + (x % width)) * 4 + 3];
    // Along the diagonal stripe the pattern is continuous across the tile edge.
    for (let y = 0; y < width; y++) expect(Math.abs(alpha(width - 1, y) - alpha(width - 1 + width, y))).toBe(0);
    const inked = Array.from({ length: width * width }, (_, i) => data[i * 4 + 3]).filter((a) => a > 128).length;
    expect(inked / (width * width)).toBeGreaterThan(0.1);
    expect(inked / (width * width)).toBeLessThan(0.4);
  });
});
