import type { LonLat } from './local-metres.ts';
import { organicPolygon } from './shapes.ts';
import { intersect, type Area } from './polygon-ops.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';

/**
 * Layer `industrial_park`: the four parks of seed 000 §1.10, each clipped to the development
 * boundary (parks outside it are not allowed, 193号). 花溪电镀产业园 sits beside the 燕楼 park and
 * carries the isolation belt seed 000 asks for.
 */
const PARKS: { name: string; nameEn: string; town: string; control: LonLat[]; isolationBeltM?: number; note: string }[] = [
  { name: '燕楼产业园', nameEn: 'Yanlou Industrial Park', town: '燕楼镇', note: '花溪新型工业化主阵地；三期、四期规划中',
    control: [[106.592, 26.27], [106.594, 26.279], [106.597, 26.286], [106.604, 26.288], [106.609, 26.286], [106.615, 26.282], [106.613, 26.274], [106.608, 26.268], [106.6, 26.266]] },
  { name: '花溪电镀产业园', nameEn: 'Huaxi Electroplating Park', town: '燕楼镇', isolationBeltM: 300, note: '表面处理产业基地；须建设园区隔离带和绿化防护带',
    control: [[106.615, 26.268], [106.616, 26.275], [106.62, 26.278], [106.625, 26.276], [106.626, 26.27], [106.621, 26.266]] },
  { name: '石板产业园', nameEn: 'Shiban Industrial Park', town: '石板镇', note: '污水收集管网“明沟+明管”规范化',
    control: [[106.561, 26.466], [106.563, 26.474], [106.567, 26.481], [106.574, 26.483], [106.58, 26.482], [106.585, 26.476], [106.583, 26.469], [106.577, 26.465], [106.568, 26.464]] },
  { name: '孟关汽贸城', nameEn: 'Mengguan Auto Trade City', town: '孟关乡', note: '提质升级',
    control: [[106.75, 26.427], [106.752, 26.434], [106.756, 26.438], [106.763, 26.439], [106.768, 26.434], [106.769, 26.428], [106.762, 26.424], [106.755, 26.424]] },
];

export function buildIndustrialParks(urban: Area): { name: string; geometry: Area }[] {
  return PARKS.map((p) => {
    // Planned land: plots along roads, so only the corners are eased and the edges barely bend.
    const outline = organicPolygon(p.control, {
      seed: `park/${p.name}`,
      smoothing: 1,
      stepM: 40,
      octaves: [
        { wavelengthM: 600, amplitudeM: 22 },
        { wavelengthM: 200, amplitudeM: 7 },
      ],
    });
    const geometry = intersect(outline, urban);
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
