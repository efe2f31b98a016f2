import type { BenchLayer } from '../dataset.ts';
import type { BenchSite } from '../sites.ts';
import { checkFeature, prepareTurfSite, type TurfFacts } from './turf-check.ts';

/** Runner 1: every feature of every layer, for every site — no index at all. */
export function naiveTurfCheck(layers: BenchLayer[], site: BenchSite): TurfFacts {
  const prepared = prepareTurfSite(site);
  const facts: TurfFacts = new Map();
  for (const layer of layers) {
    for (const feature of layer.collection.features) checkFeature(prepared, layer.entry.id, feature, facts);
  }
  return facts;
}
