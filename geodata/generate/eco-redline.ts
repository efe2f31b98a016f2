import type { LonLat } from './local-metres.ts';
import { organicArea } from './fields.ts';
import { ridgeBand } from './eco-screen.ts';
import { difference, dropSmall, intersect, splitParts, union, type Area } from './polygon-ops.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';
import type { NatureReserve } from './nature-reserve.ts';
import type { WaterSourceZone } from './water-sources.ts';

/**
 * Layer `eco_redline` (生态保护红线), about a quarter of the district (Guizhou: 26.06 % of the
 * province): forested ridges of the three screens and of the karst uplands of 高坡, 马铃 and 黔陶,
 * the hills around the two lakes, the whole nature reserve and every 一级 water-source zone.
 * Patches are made mutually exclusive in the order listed; the part over the reserve's core zone
 * carries level `core` (rules.md §1(b)), every other part no level.
 */
type RedlineType = '水源涵养' | '生物多样性维护' | '水土保持' | '石漠化防治';

interface RidgePatch {
  name: string;
  nameEn: string;
  type: RedlineType;
  ridge?: LonLat[];
  halfWidthM?: number;
  outline?: LonLat[];
}

const PATCHES: RidgePatch[] = [
  { name: '阿哈湖', nameEn: 'Aha Lake', type: '水源涵养', outline: [[106.622, 26.533], [106.634, 26.516], [106.652, 26.51], [106.667, 26.52], [106.669, 26.541], [106.658, 26.562], [106.638, 26.552]] },
  { name: '花溪水库', nameEn: 'Huaxi Reservoir', type: '水源涵养', outline: [[106.618, 26.461], [106.63, 26.452], [106.645, 26.448], [106.652, 26.455], [106.648, 26.468], [106.628, 26.472]] },
  { name: '黔灵山脉', nameEn: 'Qianling Range', type: '水源涵养', ridge: [[106.608, 26.502], [106.632, 26.496], [106.656, 26.49], [106.676, 26.496], [106.689, 26.512], [106.695, 26.532]], halfWidthM: 1250 },
  { name: '久安', nameEn: "Jiu'an", type: '水源涵养', ridge: [[106.536, 26.515], [106.553, 26.538], [106.575, 26.553], [106.6, 26.558]], halfWidthM: 900 },
  { name: '大成山脉', nameEn: 'Dacheng Range', type: '水土保持', ridge: [[106.484, 26.47], [106.486, 26.446], [106.496, 26.42], [106.521, 26.401], [106.547, 26.386], [106.561, 26.361], [106.555, 26.33], [106.539, 26.304], [106.519, 26.279]], halfWidthM: 1500 },
  { name: '马铃', nameEn: 'Maling', type: '石漠化防治', ridge: [[106.503, 26.258], [106.53, 26.236], [106.56, 26.232], [106.59, 26.238], [106.617, 26.247]], halfWidthM: 850 },
  { name: '凤凰山', nameEn: 'Fenghuang Mountain', type: '生物多样性维护', ridge: [[106.717, 26.403], [106.728, 26.385], [106.739, 26.365], [106.746, 26.346], [106.742, 26.324]], halfWidthM: 1150 },
  { name: '黔陶', nameEn: 'Qiantao', type: '生物多样性维护', ridge: [[106.8, 26.392], [106.812, 26.372], [106.818, 26.35], [106.81, 26.332]], halfWidthM: 900 },
  { name: '高坡东部', nameEn: 'eastern Gaopo', type: '石漠化防治', ridge: [[106.872, 26.292], [106.876, 26.262], [106.868, 26.232], [106.852, 26.206]], halfWidthM: 1100 },
  { name: '高坡西部', nameEn: 'western Gaopo', type: '石漠化防治', ridge: [[106.798, 26.302], [106.815, 26.28], [106.824, 26.25], [106.818, 26.222], [106.832, 26.198]], halfWidthM: 1000 },
];

export interface RedlinePart {
  name: string;
  nameEn: string;
  type: RedlineType;
  level: 'core' | null;
  geometry: Area;
}

function patchArea(p: RidgePatch, district: Area): Area {
  const seed = `eco-redline/${p.name}`;
  return p.ridge ? ridgeBand(p.ridge, p.halfWidthM!, seed, district, 0.6) : intersect(organicArea(p.outline!, { seed, scaleM: 700, fragmented: true }), district)!;
}

export function buildEcoRedline(district: Area, reserve: NatureReserve, sourceZones: WaterSourceZone[]): RedlinePart[] {
  const parts: RedlinePart[] = [];
  let taken: Area | null = null;
  const add = (name: string, nameEn: string, type: RedlineType, level: 'core' | null, area: Area | null) => {
    const own = dropSmall(difference(area, taken), 5_000);
    if (!own) return;
    parts.push({ name, nameEn, type, level, geometry: own });
    taken = union(taken, own);
  };
  add('青岩油杉', 'Qingyan Keteleeria reserve', '生物多样性维护', 'core', reserve.core);
  add('青岩油杉', 'Qingyan Keteleeria reserve', '生物多样性维护', null, reserve.outline);
  for (const z of sourceZones.filter((s) => s.level === 'grade1')) add(z.sourceName, `${z.sourceNameEn} source`, '水源涵养', null, z.geometry);
  for (const p of PATCHES) add(p.name, p.nameEn, p.type, null, patchArea(p, district));
  return parts;
}

export function redlineArea(parts: RedlinePart[]): Area {
  return union(...parts.map((p) => p.geometry))!;
}

export function ecoRedlineLayer(parts: RedlinePart[]): Layer {
  const features: Layer['features'] = [];
  let serial = 0;
  for (const p of parts) {
    for (const geometry of splitParts(p.geometry)) {
      serial += 1;
      const code = `HX${String(serial).padStart(3, '0')}`;
      features.push({
        id: `eco_redline-${code}`,
        properties: {
          name: `${p.name}${p.type}生态保护红线`,
          nameEn: `Ecological protection red line, ${p.nameEn} (${TYPE_EN[p.type]})`,
          level: p.level,
          redlineType: p.type,
          code,
          ...ILLUSTRATIVE,
        },
        geometry,
      });
    }
  }
  return { id: 'eco_redline', features };
}

const TYPE_EN: Record<RedlineType, string> = {
  水源涵养: 'water conservation',
  生物多样性维护: 'biodiversity maintenance',
  水土保持: 'soil and water conservation',
  石漠化防治: 'rocky desertification control',
};
