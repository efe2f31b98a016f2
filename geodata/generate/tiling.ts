import * as turf from '@turf/turf';
import type { LonLat } from './local-metres.ts';
import { displacementField, type NoiseOctave } from './noise.ts';
import { warpArea } from './densify.ts';
import { intersect, union, type Area } from './polygon-ops.ts';

/**
 * Organic partition of an area: Voronoi cells of labelled seed points, every edge densified
 * symmetrically and displaced by one smooth field (so neighbours keep identical shared edges),
 * cells of the same label merged, everything clipped to the mask. Coverage and exclusivity hold
 * by construction; the noise only bends the edges.
 */
export interface TilingSeed {
  label: string;
  at: LonLat;
}

export interface TilingOptions {
  seed: string;
  octaves: NoiseOctave[];
  stepM: number;
}

export function organicTiling(seeds: TilingSeed[], mask: Area, { seed, octaves, stepM }: TilingOptions): Map<string, Area> {
  const [w, s, e, n] = turf.bbox(turf.feature(mask));
  const margin = 0.05;
  const cells = turf.voronoi(turf.featureCollection(seeds.map((p) => turf.point(p.at))), {
    bbox: [w - margin, s - margin, e + margin, n + margin],
  });
  const field = displacementField(seed, octaves);
  const byLabel = new Map<string, Area[]>();
  cells.features.forEach((cell, i) => {
    if (!cell) throw new Error(`tiling seed ${seeds[i].label} duplicates another seed`);
    const clipped = intersect(warpArea(cell.geometry, stepM, field), mask);
    if (!clipped) return;
    const list = byLabel.get(seeds[i].label) ?? [];
    list.push(clipped);
    byLabel.set(seeds[i].label, list);
  });
  const result = new Map<string, Area>();
  for (const p of seeds) {
    if (result.has(p.label) || !byLabel.has(p.label)) continue;
    const merged = union(...byLabel.get(p.label)!);
    if (merged) result.set(p.label, merged);
  }
  return result;
}
