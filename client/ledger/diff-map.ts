import type maplibregl from 'maplibre-gl';
import type { LayerDiff } from '../../common/api/ledger.ts';

/** The diff's map styles, shared with the legend: gained green, lost red and dashed, re-levelled orange hatch-like outline. */
export const DIFF_STYLES = {
  gained: { fill: '#2e7d32', line: '#1b5e20', dash: undefined as number[] | undefined, opacity: 0.45 },
  lost: { fill: '#c62828', line: '#b71c1c', dash: [2, 1.5] as number[] | undefined, opacity: 0.4 },
  relevelled: { fill: '#ef6c00', line: '#e65100', dash: [0.5, 1] as number[] | undefined, opacity: 0.25 },
} as const;
export type DiffPart = keyof typeof DIFF_STYLES;
export const DIFF_PARTS: DiffPart[] = ['lost', 'gained', 'relevelled'];

const sourceId = (part: DiffPart) => `ledger-diff-${part}`;

export function clearDiffFromMap(map: maplibregl.Map): void {
  for (const part of DIFF_PARTS) {
    for (const suffix of ['-line', '-fill']) if (map.getLayer(sourceId(part) + suffix)) map.removeLayer(sourceId(part) + suffix);
    if (map.getSource(sourceId(part))) map.removeSource(sourceId(part));
  }
}

/** Draws the diff's gained, lost and re-levelled areas above the data layers and zooms to them. */
export function showDiffOnMap(map: maplibregl.Map, diff: LayerDiff): void {
  clearDiffFromMap(map);
  let bounds: [number, number, number, number] | null = null;
  for (const part of DIFF_PARTS) {
    const geometry = diff[part] as GeoJSON.Geometry | null;
    if (!geometry) continue;
    const style = DIFF_STYLES[part];
    map.addSource(sourceId(part), { type: 'geojson', data: { type: 'Feature', properties: { part }, geometry } });
    map.addLayer({ id: `${sourceId(part)}-fill`, type: 'fill', source: sourceId(part), paint: { 'fill-color': style.fill, 'fill-opacity': style.opacity } });
    map.addLayer({
      id: `${sourceId(part)}-line`, type: 'line', source: sourceId(part),
      paint: { 'line-color': style.line, 'line-width': part === 'relevelled' ? 3 : 2, ...(style.dash ? { 'line-dasharray': style.dash } : {}) },
    });
    bounds = extend(bounds, geometry);
  }
  if (bounds) map.fitBounds(bounds, { padding: 40, maxZoom: 16, duration: 0 });
}

function extend(b: [number, number, number, number] | null, g: GeoJSON.Geometry): [number, number, number, number] {
  let [w, s, e, n] = b ?? [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1] as number); n = Math.max(n, c[1] as number);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  // The server sends (Multi)Polygons (ST_CollectionExtract): no collections to descend into.
  if ('coordinates' in g) walk(g.coordinates);
  return [w, s, e, n];
}
