import type { LonLat } from './local-metres.ts';
import { organicArea } from './fields.ts';
import { bufferM, difference, intersect, union, type Area } from './polygon-ops.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';

/**
 * Layer `nature_reserve`: 青岩油杉自然保护区 (municipal reserve of a Keteleeria forest, south-east of
 * 青岩, gazetteer ≈106.70, 26.31), zoned by the legacy 条例 art. 18 into 核心区 / 缓冲区 / 实验区.
 * Each outline is grown to contain the inner one by at least 120 m, then the inner one is cut out,
 * so the three levels are mutually exclusive rings.
 */
export interface NatureReserve {
  core: Area;
  buffer: Area;
  experimental: Area;
  /** The whole reserve (all three zones). */
  outline: Area;
}

// Elongated along a NE–SW ridge; the buffer and experimental zones reach further down the slopes
// on the south-east side, away from the town.
const CORE: LonLat[] = [[106.694, 26.302], [106.699, 26.311], [106.708, 26.316], [106.716, 26.314], [106.714, 26.307], [106.706, 26.3], [106.699, 26.297]];
const BUFFER: LonLat[] = [[106.686, 26.299], [106.692, 26.313], [106.703, 26.321], [106.716, 26.322], [106.725, 26.315], [106.722, 26.302], [106.711, 26.292], [106.697, 26.289]];
const EXPERIMENTAL: LonLat[] = [[106.679, 26.297], [106.684, 26.311], [106.695, 26.322], [106.71, 26.327], [106.727, 26.325], [106.738, 26.313], [106.735, 26.298], [106.72, 26.284], [106.7, 26.281], [106.686, 26.286]];

export function buildNatureReserve(district: Area): NatureReserve {
  const core = intersect(organicArea(CORE, { seed: 'reserve/core', scaleM: 250, amplitude: 0.75, wavelengthM: 900 }), district)!;
  const grow = (control: LonLat[], inner: Area, seed: string) =>
    intersect(union(organicArea(control, { seed, scaleM: 350, amplitude: 0.75, wavelengthM: 1100 }), bufferM(inner, 120))!, district)!;
  const bufferOuter = grow(BUFFER, core, 'reserve/buffer');
  const outline = grow(EXPERIMENTAL, bufferOuter, 'reserve/experimental');
  return { core, buffer: difference(bufferOuter, core)!, experimental: difference(outline, bufferOuter)!, outline };
}

const ZONES = [
  { key: 'core', zh: '核心区', en: 'core zone' },
  { key: 'buffer', zh: '缓冲区', en: 'buffer zone' },
  { key: 'experimental', zh: '实验区', en: 'experimental zone' },
] as const;

export function natureReserveLayer(reserve: NatureReserve): Layer {
  return {
    id: 'nature_reserve',
    features: ZONES.map(({ key, zh, en }) => ({
      id: `nature_reserve-青岩油杉-${key}`,
      properties: {
        name: `青岩油杉自然保护区${zh}`,
        nameEn: `Qingyan Keteleeria Nature Reserve, ${en}`,
        level: key,
        reserveName: '青岩油杉自然保护区',
        reserveLevel: '市级',
        protectedObject: '油杉群落（Keteleeria）',
        zoningScheme: 'legacy-1994',
        ...ILLUSTRATIVE,
      },
      geometry: reserve[key],
    })),
  };
}
