import { TOWNSHIPS, type Township } from './gazetteer.ts';
import { organicTiling, type TilingSeed } from './tiling.ts';
import type { Area } from './polygon-ops.ts';

/**
 * The 13 township-level units (4镇5乡4街道) as an organic, gap-free tiling of the district outline.
 * Real township boundaries are not available offline, so these are 示意: Voronoi cells of the seats
 * (plus shape seeds), bent by a smooth noise field, clipped to the real outline.
 */
export interface TownshipArea {
  township: Township;
  geometry: Area;
}

export function buildTownshipAreas(district: Area): TownshipArea[] {
  const seeds: TilingSeed[] = TOWNSHIPS.flatMap((t) => [t.seat, ...t.shapeSeeds].map((at) => ({ label: t.name, at })));
  const tiles = organicTiling(seeds, district, {
    seed: 'townships',
    stepM: 110,
    octaves: [
      { wavelengthM: 5200, amplitudeM: 560 },
      { wavelengthM: 1600, amplitudeM: 170 },
      { wavelengthM: 520, amplitudeM: 50 },
    ],
  });
  return TOWNSHIPS.map((township) => {
    const geometry = tiles.get(township.name);
    if (!geometry) throw new Error(`township ${township.name} has no area inside the district`);
    return { township, geometry };
  });
}
