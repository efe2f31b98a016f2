import type { SiteFacts } from '../server/check/overlap-query.ts';
import type { BenchSite } from './sites.ts';
import type { TurfFacts } from './runners/turf-check.ts';

export interface CrossCheck {
  pairs: number;
  /** Largest relative difference of a layer's overlap area (pairs with ≥ 1,000 m² of overlap). */
  maxAreaDiff: number;
  /** Site–layer pairs one side reports as overlapping or near and the other does not. */
  presenceMismatches: string[];
}

/**
 * The runners must do the same job: on polygon sites (no buffer-shape differences) compare the
 * layer overlap areas Turf sums with the engine's. Turf's areas are spherical, PostGIS's ellipsoidal:
 * they differ by well under 1 % at Guizhou's latitudes. Presence can differ at the 500 m edge since
 * Turf's buffer is planar-approximate, so mismatches are listed, not fatal.
 */
export function crossCheck(sites: BenchSite[], turf: Map<string, TurfFacts>, sql: Map<string, SiteFacts>): CrossCheck {
  const result: CrossCheck = { pairs: 0, maxAreaDiff: 0, presenceMismatches: [] };
  for (const site of sites) {
    const t = turf.get(site.id);
    const s = sql.get(site.id);
    if (!t || !s || site.geometry.type !== 'Polygon') continue;
    const layerIds = new Set([...t.keys(), ...s.layers.map((l) => l.layerId)]);
    for (const layerId of layerIds) {
      result.pairs++;
      const tl = t.get(layerId);
      const sl = s.layers.find((l) => l.layerId === layerId);
      if (!tl || !sl) {
        const d = tl ? `Turf ${tl.minDistanceM.toFixed(1)} m` : `SQL ${sl!.minDistanceM.toFixed(1)} m`;
        result.presenceMismatches.push(`${site.id}/${layerId} only in ${d}`);
        continue;
      }
      if (sl.overlapAreaM2 >= 1000) {
        result.maxAreaDiff = Math.max(result.maxAreaDiff, Math.abs(tl.overlapAreaM2 - sl.overlapAreaM2) / sl.overlapAreaM2);
      }
    }
  }
  return result;
}
