import type maplibregl from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { dataLayerOf, drawRank } from '../map/draw-order.ts';
import { storedFeature } from '../map/feature-store.ts';
import type { LayerInfo } from './layer-info.ts';

/** A feature under the cursor with everything its popup shows. */
export interface IdentifiedFeature {
  layer: LayerInfo;
  key: string;
  name: string | null;
  level: string | null;
  properties: Record<string, unknown>;
}

/** Pixels around the click that count as "on" a feature (lines and points are thin). */
const TOLERANCE_PX = 4;

/** Context layers (other districts) never fill a popup; admin areas only when nothing else is there. */
const CONTEXT_ONLY = new Set(['guiyang_districts']);
const BACKGROUND_INFO = new Set(['admin_boundary']);

/** Full attributes of a feature from a tiled layer: a bbox query of the features API around the click. */
async function fetchTiledFeature(layerId: string, key: string, lngLat: maplibregl.LngLat, signal: AbortSignal): Promise<Feature | undefined> {
  const d = 0.0005;
  const bbox = [lngLat.lng - d, lngLat.lat - d, lngLat.lng + d, lngLat.lat + d].map((v) => v.toFixed(6)).join(',');
  const res = await fetch(`/api/layers/${encodeURIComponent(layerId)}/features?bbox=${bbox}`, { signal });
  if (!res.ok) return undefined;
  const collection = (await res.json()) as FeatureCollection;
  return collection.features.find((f) => String(f.id) === key);
}

/**
 * The features of the visible data layers at a point, topmost layer first, one entry per feature;
 * district and township areas are listed only when nothing else was hit.
 */
export async function identifyAt(
  map: maplibregl.Map,
  point: maplibregl.Point,
  lngLat: maplibregl.LngLat,
  layersById: ReadonlyMap<string, LayerInfo>,
  signal: AbortSignal,
): Promise<IdentifiedFeature[]> {
  const queryLayers = map
    .getStyle()
    .layers.filter((l) => dataLayerOf(l) && !l.id.endsWith(':label') && l.layout?.visibility !== 'none')
    .map((l) => l.id);
  const box: [maplibregl.PointLike, maplibregl.PointLike] = [
    [point.x - TOLERANCE_PX, point.y - TOLERANCE_PX],
    [point.x + TOLERANCE_PX, point.y + TOLERANCE_PX],
  ];
  const hits = map.queryRenderedFeatures(box, { layers: queryLayers });
  const seen = new Set<string>();
  const found: { layer: LayerInfo; key: string; hit: maplibregl.MapGeoJSONFeature }[] = [];
  for (const hit of hits) {
    const layerId = dataLayerOf(hit.layer);
    const layer = layerId ? layersById.get(layerId) : undefined;
    const key = String(hit.properties?.key ?? hit.id ?? '');
    if (!layer || !key || CONTEXT_ONLY.has(layer.id) || seen.has(`${layer.id}/${key}`)) continue;
    seen.add(`${layer.id}/${key}`);
    found.push({ layer, key, hit });
  }
  const primary = found.filter((f) => !BACKGROUND_INFO.has(f.layer.id));
  const chosen = (primary.length > 0 ? primary : found).sort((a, b) => drawRank(b.layer.id) - drawRank(a.layer.id));
  return Promise.all(
    chosen.map(async ({ layer, key, hit }) => {
      const full = storedFeature(layer.id, key) ?? (await fetchTiledFeature(layer.id, key, lngLat, signal));
      const properties = (full?.properties ?? hit.properties ?? {}) as Record<string, unknown>;
      return {
        layer,
        key,
        name: (properties.name as string | undefined) ?? null,
        level: (properties.level as string | undefined) ?? null,
        properties,
      };
    }),
  );
}
