import type { LonLat } from './local-metres.ts';
import { organicArea } from './fields.ts';
import { difference, intersect, union, type Area } from './polygon-ops.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';

/**
 * Layer `scenic_area`: 青岩古镇 (国家5A级旅游景区) and 天河潭. Each has a 核心景区 (level `core`)
 * and the rest of the scenic area (no level); the two parts never overlap.
 */
const AREAS: { name: string; nameEn: string; grade: string; core: LonLat[]; whole: LonLat[] }[] = [
  {
    name: '青岩古镇', nameEn: 'Qingyan Ancient Town', grade: '国家5A级旅游景区',
    core: [[106.68, 26.33], [106.681, 26.338], [106.687, 26.341], [106.691, 26.334], [106.687, 26.328]],
    whole: [[106.671, 26.326], [106.673, 26.344], [106.684, 26.352], [106.697, 26.348], [106.7, 26.333], [106.693, 26.322], [106.68, 26.319]],
  },
  {
    name: '天河潭', nameEn: 'Tianhetan Scenic Area', grade: '国家4A级旅游景区',
    core: [[106.558, 26.501], [106.56, 26.51], [106.569, 26.512], [106.573, 26.504], [106.566, 26.497]],
    whole: [[106.547, 26.493], [106.551, 26.514], [106.566, 26.522], [106.581, 26.515], [106.582, 26.498], [106.566, 26.487]],
  },
];

export function scenicAreaLayer(district: Area): Layer {
  const features: Layer['features'] = [];
  for (const a of AREAS) {
    const core = intersect(organicArea(a.core, { seed: `scenic/${a.name}/core`, scaleM: 150, amplitude: 0.5 }), district)!;
    const whole = intersect(union(organicArea(a.whole, { seed: `scenic/${a.name}`, scaleM: 500, amplitude: 0.5 }), core), district)!;
    const base = { scenicName: a.name, scenicGrade: a.grade };
    features.push(
      { id: `scenic_area-${a.name}-core`, properties: { name: `${a.name}核心景区`, nameEn: `${a.nameEn}, core scenic zone`, level: 'core', ...base, ...ILLUSTRATIVE }, geometry: core },
      { id: `scenic_area-${a.name}`, properties: { name: `${a.name}景区`, nameEn: a.nameEn, level: null, ...base, ...ILLUSTRATIVE }, geometry: difference(whole, core)! },
    );
  }
  return { id: 'scenic_area', features };
}
