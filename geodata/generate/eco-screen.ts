import type { LonLat } from './local-metres.ts';
import { organicBand, solid } from './fields.ts';
import { intersect, type Area } from './polygon-ops.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';

/**
 * Layer `eco_screen` (三屏): forested mountain ranges drawn as wide irregular bands along their
 * ridge lines (the level set of "closeness to the ridge" plus noise, fields.ts). 黔灵山脉 north
 * towards 贵阳 centre, 大成山脉 along the western and south-western hills, 凤凰山 east/south-east of
 * the town (its exact place is not known; gazetteer).
 */
interface Ridge {
  name: string;
  nameEn: string;
  ridge: LonLat[];
  halfWidthM: number;
}

const ECO_SCREENS: Ridge[] = [
  { name: '黔灵山脉生态屏', nameEn: 'Qianling Range ecological screen', halfWidthM: 1700,
    ridge: [[106.606, 26.503], [106.63, 26.497], [106.655, 26.491], [106.676, 26.495], [106.69, 26.51], [106.697, 26.532]] },
  { name: '大成山脉生态屏', nameEn: 'Dacheng Range ecological screen', halfWidthM: 1900,
    ridge: [[106.485, 26.472], [106.487, 26.447], [106.497, 26.421], [106.522, 26.402], [106.548, 26.388], [106.562, 26.362], [106.556, 26.33], [106.54, 26.304], [106.52, 26.28]] },
  { name: '凤凰山生态屏', nameEn: 'Fenghuang Mountain ecological screen', halfWidthM: 1600,
    ridge: [[106.716, 26.404], [106.728, 26.386], [106.739, 26.366], [106.746, 26.346], [106.742, 26.324]] },
];

/** An irregular band along a ridge: spurs down the side valleys, inlets, a few outliers. */
export function ridgeBand(ridge: LonLat[], halfWidthM: number, seed: string, district: Area, amplitude = 0.4): Area {
  return intersect(organicBand(ridge, halfWidthM, { seed, amplitude }), district)!;
}

/** A screen is one planning area: its largest piece, holes filled. */
export function buildEcoScreens(district: Area): { name: string; geometry: Area }[] {
  return ECO_SCREENS.map((s) => ({ name: s.name, geometry: solid(ridgeBand(s.ridge, s.halfWidthM, `eco-screen/${s.name}`, district)) }));
}

export function ecoScreenLayer(screens: { name: string; geometry: Area }[]): Layer {
  return {
    id: 'eco_screen',
    features: screens.map(({ name, geometry }) => ({
      id: `eco_screen-${name}`,
      properties: { name, nameEn: ECO_SCREENS.find((s) => s.name === name)!.nameEn, patternRole: '三屏', ...ILLUSTRATIVE },
      geometry,
    })),
  };
}
