import type maplibregl from 'maplibre-gl';
import { DRAW_ORDER } from './style/layer-styles.ts';

/** Position of a data layer in the drawing order (unknown layers at the '*' slot). */
export function drawRank(layerId: string): number {
  const i = DRAW_ORDER.indexOf(layerId);
  return i === -1 ? DRAW_ORDER.indexOf('*') : i;
}

/** What map-layers.ts stores in each MapLibre layer's metadata. */
export interface MapLayerMeta {
  layerId: string;
  label?: boolean;
}

/** The data layer a MapLibre layer belongs to (from its metadata), if any. */
export function dataLayerOf(layer: { metadata?: unknown }): string | undefined {
  return (layer.metadata as MapLayerMeta | undefined)?.layerId;
}

/** Labels of every layer sit above all geometry, in the same order among themselves. */
function mapLayerRank(meta: MapLayerMeta): number {
  return (meta.label ? 1000 : 0) + drawRank(meta.layerId);
}

/**
 * The MapLibre layer id to insert a map layer before, so layers keep the drawing order whatever
 * order their data arrives in; undefined = on top.
 */
export function insertBeforeId(map: maplibregl.Map, meta: MapLayerMeta): string | undefined {
  const rank = mapLayerRank(meta);
  for (const layer of map.getStyle().layers) {
    const other = layer.metadata as MapLayerMeta | undefined;
    if (other?.layerId && other.layerId !== meta.layerId && mapLayerRank(other) > rank) return layer.id;
  }
  return undefined;
}

/** The lowest data layer: online basemap rasters go below it. */
export function firstDataLayerId(map: maplibregl.Map): string | undefined {
  return map.getStyle().layers.find((l) => dataLayerOf(l))?.id;
}
