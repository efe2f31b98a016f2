import { organicArea } from './fields.ts';
import { intersect, union, type Area } from './polygon-ops.ts';
import { reservoirNamed, type Reservoir } from './reservoirs.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';
import type { LonLat } from './local-metres.ts';

/** Layer `eco_core` (两核, seed 000 "花溪区总体生态格局"): the forested hills around the two lakes. */
const ECO_CORES = [
  {
    name: '阿哈湖生态绿核', nameEn: 'Aha Lake green core', reservoir: '阿哈湖',
    control: [[106.618, 26.53], [106.63, 26.513], [106.648, 26.506], [106.664, 26.512], [106.672, 26.528], [106.668, 26.552], [106.656, 26.566], [106.636, 26.556], [106.622, 26.545]] as LonLat[],
  },
  {
    name: '花溪水库生态绿核', nameEn: 'Huaxi Reservoir green core', reservoir: '花溪水库',
    control: [[106.614, 26.458], [106.624, 26.447], [106.64, 26.44], [106.655, 26.437], [106.664, 26.446], [106.662, 26.462], [106.648, 26.472], [106.628, 26.474], [106.616, 26.469]] as LonLat[],
  },
];

export function buildEcoCores(reservoirs: Reservoir[], district: Area): { name: string; geometry: Area }[] {
  return ECO_CORES.map((c) => ({
    name: c.name,
    geometry: intersect(union(organicArea(c.control, { seed: `eco-core/${c.name}`, scaleM: 900, amplitude: 0.4 }), reservoirNamed(reservoirs, c.reservoir).geometry)!, district)!,
  }));
}

export function ecoCoreLayer(cores: { name: string; geometry: Area }[]): Layer {
  return {
    id: 'eco_core',
    features: cores.map(({ name, geometry }) => ({
      id: `eco_core-${name}`,
      properties: { name, nameEn: ECO_CORES.find((c) => c.name === name)!.nameEn, patternRole: '两核', ...ILLUSTRATIVE },
      geometry,
    })),
  };
}
