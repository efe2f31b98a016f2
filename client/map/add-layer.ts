import type maplibregl from 'maplibre-gl';
import type { LayerSpecification } from 'maplibre-gl';
import type { LayerInfo } from '../layers/layer-info.ts';
import { insertBeforeId, type MapLayerMeta } from './draw-order.ts';
import type { LoadedLayerSource } from './layer-source.ts';
import { labelText, mapLayerId, mapLayersFor, type SourceRef } from './style/map-layers.ts';
import { styleOf } from './style/hint-style.ts';
import type { LayerStyle } from './style/style-types.ts';

export const sourceId = (layerId: string, part = '') => `src:${layerId}${part ? `:${part}` : ''}`;

/** Adds a loaded layer's sources and styled map layers in drawing order. Returns its source reference. */
export function addLayerToMap(map: maplibregl.Map, layer: LayerInfo, loaded: LoadedLayerSource, opacity: number, language: string): SourceRef {
  const style = styleOf(layer);
  let ref: SourceRef;
  if (loaded.kind === 'geojson') {
    map.addSource(sourceId(layer.id), { type: 'geojson', data: loaded.data, promoteId: 'key', tolerance: 0.3 });
    ref = { source: sourceId(layer.id) };
    if (style.label && loaded.labels.features.length > 0) {
      map.addSource(sourceId(layer.id, 'labels'), { type: 'geojson', data: loaded.labels });
      ref.labelSource = sourceId(layer.id, 'labels');
    }
    if (style.centerlineFromAttribute && loaded.centerlines.features.length > 0) {
      map.addSource(sourceId(layer.id, 'centerline'), { type: 'geojson', data: loaded.centerlines });
      ref.centerlineSource = sourceId(layer.id, 'centerline');
    }
  } else {
    map.addSource(sourceId(layer.id), {
      type: 'vector',
      url: `${window.location.origin}/tiles/${encodeURIComponent(layer.id)}.json`,
      promoteId: 'key',
    });
    ref = { source: sourceId(layer.id), sourceLayer: layer.id };
  }
  for (const spec of mapLayersFor(style, ref, opacity, language)) {
    map.addLayer(spec, insertBeforeId(map, spec.metadata as MapLayerMeta));
  }
  return ref;
}

/** Re-applies the paint properties that carry the layer opacity. */
export function applyOpacity(map: maplibregl.Map, style: LayerStyle, ref: SourceRef, opacity: number): void {
  for (const spec of mapLayersFor(style, ref, opacity)) {
    if (!map.getLayer(spec.id)) continue;
    const paint = (spec as { paint?: Record<string, unknown> }).paint ?? {};
    for (const [name, value] of Object.entries(paint)) {
      if (/opacity$/.test(name)) map.setPaintProperty(spec.id, name as never, value as never);
    }
  }
}

/** Label names in the UI language. */
export function applyLanguage(map: maplibregl.Map, style: LayerStyle, language: string): void {
  const id = mapLayerId(style.layerId, 'label');
  if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelText(style, language));
}

/** Shows or hides every map layer of a data layer; `hideFill` hides only its fills (online basemap). */
export function applyVisibility(map: maplibregl.Map, layerId: string, visible: boolean, hideFill: boolean): void {
  for (const spec of map.getStyle().layers as LayerSpecification[]) {
    if ((spec.metadata as MapLayerMeta | undefined)?.layerId !== layerId) continue;
    const show = visible && !(hideFill && spec.type === 'fill');
    map.setLayoutProperty(spec.id, 'visibility', show ? 'visible' : 'none');
  }
}
