import type { LonLat } from './local-metres.ts';
import { organicPolygon, scaleOctaves, LANDSCAPE_OCTAVES } from './shapes.ts';
import { intersect, type Area } from './polygon-ops.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';

/**
 * Layer `industrial_park`: the four parks of seed 000 §1.10, each clipped to the development
 * boundary (parks outside it are not allowed, 193号). 花溪电镀产业园 sits beside the 燕楼 park and
 * carries the isolation belt seed 000 asks for.
 */
export const PARKS: { name: string; nameEn: string; town: string; control: LonLat[]; isolationBeltM?: number; note: string }[] = [
  { name: '燕楼产业园', nameEn: 'Yanlou Industrial Park', town: '燕楼镇', note: '花溪新型工业化主阵地；三期、四期规划中',
    control: [[106.593, 26.27], [106.596, 26.283], [106.606, 26.288], [106.614, 26.283], [106.612, 26.272], [106.602, 26.267]] },
  { name: '花溪电镀产业园', nameEn: 'Huaxi Electroplating Park', town: '燕楼镇', isolationBeltM: 300, note: '表面处理产业基地；须建设园区隔离带和绿化防护带',
    control: [[106.615, 26.268], [106.616, 26.276], [106.622, 26.278], [106.625, 26.271], [106.62, 26.266]] },
  { name: '石板产业园', nameEn: 'Shiban Industrial Park', town: '石板镇', note: '污水收集管网“明沟+明管”规范化',
    control: [[106.562, 26.467], [106.566, 26.479], [106.577, 26.482], [106.584, 26.474], [106.577, 26.465]] },
  { name: '孟关汽贸城', nameEn: 'Mengguan Auto Trade City', town: '孟关乡', note: '提质升级',
    control: [[106.751, 26.427], [106.754, 26.437], [106.765, 26.439], [106.769, 26.43], [106.76, 26.424]] },
];

export function buildIndustrialParks(urban: Area): { name: string; geometry: Area }[] {
  return PARKS.map((p) => {
    const geometry = intersect(organicPolygon(p.control, { seed: `park/${p.name}`, octaves: scaleOctaves(LANDSCAPE_OCTAVES, 0.2), stepM: 40 }), urban);
    if (!geometry) throw new Error(`${p.name} lies outside the urban development boundary`);
    return { name: p.name, geometry };
  });
}

export function industrialParkLayer(parks: { name: string; geometry: Area }[]): Layer {
  return {
    id: 'industrial_park',
    features: parks.map(({ name, geometry }) => {
      const p = PARKS.find((x) => x.name === name)!;
      return {
        id: `industrial_park-${name}`,
        properties: { name, nameEn: p.nameEn, town: p.town, note: p.note, ...(p.isolationBeltM ? { isolationBeltM: p.isolationBeltM } : {}), ...ILLUSTRATIVE },
        geometry,
      };
    }),
  };
}
