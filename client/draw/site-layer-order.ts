import type maplibregl from 'maplibre-gl';

/**
 * The site's own map layers, bottom to top. They must stay above every data layer: the map viewer
 * adds layers as their data arrives, each on top unless its drawing order says otherwise, which
 * would bury the site under a red-line fill drawn later.
 */
const BELOW_TERRA_DRAW = ['site-focus-casing', 'site-focus-line', 'site-overlap-fill', 'site-overlap-casing', 'site-overlap-line', 'site-avoidance-line', 'site-footprint-fill', 'site-footprint-line', 'site-fixed-fill', 'site-fixed-line'];
const ABOVE_TERRA_DRAW = ['site-kinks', 'site-import-warnings', 'site-labels'];
/** terra-draw's MapLibre adapter names its layers with this prefix. */
const TERRA_DRAW_PREFIX = 'td-';

function wantedOrder(layerIds: string[]): string[] {
  const present = new Set(layerIds);
  const terraDraw = layerIds.filter((id) => id.startsWith(TERRA_DRAW_PREFIX));
  return [...BELOW_TERRA_DRAW.filter((id) => present.has(id)), ...terraDraw, ...ABOVE_TERRA_DRAW.filter((id) => present.has(id))];
}

/** Moves the site's layers to the top of the map, in their order, unless they already are. */
export function keepSiteLayersOnTop(map: maplibregl.Map): void {
  const ids = map.getStyle()?.layers?.map((l) => l.id) ?? [];
  const wanted = wantedOrder(ids);
  if (wanted.length === 0) return;
  const top = ids.slice(ids.length - wanted.length);
  if (top.every((id, i) => id === wanted[i])) return;
  for (const id of wanted) map.moveLayer(id);
}
