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

/** Loads a layer by the rule in source-rule.ts: GeoJSON within the byte budget, else vector tiles. */
export async function loadLayerSource(
  layer: LayerInfo,
  forced: Set<string> | 'all',
  signal: AbortSignal,
): Promise<{ source: LoadedLayerSource; full?: FeatureCollection }> {
  if (initialSourceKind(layer, forced) === 'tiles') return { source: { kind: 'tiles' } };
  const res = await fetch(`/api/layers/${encodeURIComponent(layer.id)}/features`, { signal });
  if (!res.ok) throw new Error(`GET features of ${layer.id}: HTTP ${res.status}`);
  const text = await readWithinBudget(res);
  if (text === null) return { source: { kind: 'tiles' } };
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
