import Flatbush from 'flatbush';
import { bbox } from '@turf/turf';
import type { BenchLayer } from '../dataset.ts';
import type { BenchSite } from '../sites.ts';
import { checkFeature, prepareTurfSite, type TurfFacts } from './turf-check.ts';

export interface FeatureIndex {
  index: Flatbush;
  entries: { layerId: string; feature: GeoJSON.Feature<GeoJSON.Polygon> }[];
}

/** A packed Hilbert R-tree over every feature's bounding box (built once, like a server cache). */
export function buildFeatureIndex(layers: BenchLayer[]): FeatureIndex {
  const entries = layers.flatMap((l) => l.collection.features.map((feature) => ({ layerId: l.entry.id, feature })));
  const index = new Flatbush(entries.length);
  for (const { feature } of entries) {
    const [w, s, e, n] = bbox(feature);
    index.add(w, s, e, n);
  }
  index.finish();
  return { index, entries };
}

/** Runner 2: the same per-feature work as the naive loop, on the features whose box meets the screened site's box. */
export function indexedTurfCheck(index: FeatureIndex, site: BenchSite): TurfFacts {
  const prepared = prepareTurfSite(site);
  const [w, s, e, n] = bbox(prepared.screen);
  const facts: TurfFacts = new Map();
  for (const i of index.index.search(w, s, e, n)) {
    const { layerId, feature } = index.entries[i];
    checkFeature(prepared, layerId, feature, facts);
  }
  return facts;
}
