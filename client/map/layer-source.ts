import type { Feature, FeatureCollection } from 'geojson';
import type { LayerInfo } from '../layers/layer-info.ts';
import { centerlines, labelPoints } from './derived-features.ts';
import { initialSourceKind, readWithinBudget } from './source-rule.ts';

export type LoadedLayerSource =
  | { kind: 'geojson'; data: FeatureCollection; labels: FeatureCollection; centerlines: FeatureCollection }
  | { kind: 'tiles' };

/** Feature key as a property too: MapLibre's feature-state (hover, selection) needs `promoteId`. */
function withKey(f: Feature): Feature {
  const properties: Record<string, unknown> = { key: String(f.id) };
  // Nested attributes (a corridor's centre line) stay in the feature store, not in the map's worker.
  for (const [k, v] of Object.entries(f.properties ?? {})) if (v === null || typeof v !== 'object') properties[k] = v;
  return { ...f, properties };
}

/**
 * Whether the server can build this layer's tiles: one tile over the layer's centre. A PostGIS
 * without protobuf-c (the embedded PGlite build) cannot, and then the layer comes as GeoJSON
 * whatever its size: slower, but on the map.
 */
async function tilesWork(layer: LayerInfo, signal: AbortSignal): Promise<boolean> {
  if (!layer.bbox) return true;
  const [w, s, e, n] = layer.bbox;
  const z = 10;
  const lat = (((s + n) / 2) * Math.PI) / 180;
  const x = Math.floor((((w + e) / 2 + 180) / 360) * 2 ** z);
  const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * 2 ** z);
  const res = await fetch(`/tiles/${encodeURIComponent(layer.id)}/${z}/${x}/${y}.mvt?v=${layer.version ?? 0}`, { signal });
  return res.ok;
}

async function fetchFeatures(layer: LayerInfo, signal: AbortSignal): Promise<Response> {
  // Naming the version makes the answer immutable: cached by the browser and by the server (issue 17).
  const version = layer.version ? `?version=${layer.version}` : '';
  const res = await fetch(`/api/layers/${encodeURIComponent(layer.id)}/features${version}`, { signal });
  if (!res.ok) throw new Error(`GET features of ${layer.id}: HTTP ${res.status}`);
  return res;
}

/** Loads a layer by the rule in source-rule.ts: GeoJSON within the byte budget, else vector tiles. */
export async function loadLayerSource(
  layer: LayerInfo,
  forced: Set<string> | 'all',
  signal: AbortSignal,
): Promise<{ source: LoadedLayerSource; full?: FeatureCollection }> {
  let text: string | null = null;
  if (initialSourceKind(layer, forced) === 'geojson') {
    text = await readWithinBudget(await fetchFeatures(layer, signal));
  }
  if (text === null) {
    if (await tilesWork(layer, signal)) return { source: { kind: 'tiles' } };
    console.warn(`Vector tiles unavailable for ${layer.id} (PostGIS without ST_AsMVT): loading it as GeoJSON`);
    text = await (await fetchFeatures(layer, signal)).text();
  }
  const full = JSON.parse(text) as FeatureCollection;
  full.features = full.features.map((f) => ({ ...f, properties: { ...f.properties, key: String(f.id) } }));
  return {
    source: {
      kind: 'geojson',
      data: { type: 'FeatureCollection', features: full.features.map(withKey) },
      labels: labelPoints(full),
      centerlines: centerlines(full),
    },
    full,
  };
}
