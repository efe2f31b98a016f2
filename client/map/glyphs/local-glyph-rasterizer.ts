import TinySDF from '@mapbox/tiny-sdf';
import type maplibregl from 'maplibre-gl';

/**
 * MapLibre draws CJK glyphs itself with the TinySDF class it bundles (maplibre-gl 5.x). That copy
 * reads `TextMetrics.actualBoundingBoxLeft` with the wrong sign (mapbox/tiny-sdf#65): a glyph whose
 * ink starts well right of its origin is rasterised outside its own box and comes out blank. In a
 * CJK font that is every full-width opening mark — （ 《 「 【 〔 ［ “ — so "南明河截污主管（花溪医院…"
 * lost its "（" on the map while "）" stayed. tiny-sdf 2.3.0 (mapbox/tiny-sdf#67) has the fix and
 * the same constructor and `draw()` result, so the glyph manager class gets it instead.
 *
 * `GlyphManager` is not exported; the class is reached through the map's style. Returns whether the
 * replacement took (false if a MapLibre upgrade moved it — then check whether it still needs this).
 */
export function installFixedGlyphRasterizer(map: maplibregl.Map): boolean {
  const manager = (map as unknown as { style?: { glyphManager?: { constructor: { TinySDF?: unknown } } } }).style?.glyphManager;
  const managerClass = manager?.constructor;
  if (!managerClass || typeof managerClass.TinySDF !== 'function') return false;
  managerClass.TinySDF = TinySDF;
  return true;
}
