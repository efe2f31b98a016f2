import * as turf from '@turf/turf';
import type { LonLat } from './local-metres.ts';
import { createRandom } from './prng.ts';
import { bandField, outlineField } from './fields.ts';
import { bboxAround, contourArea } from './contour.ts';
import { eggControl } from './shapes.ts';
import { bufferM, difference, dropSmall, intersect, splitParts, union, type Area } from './polygon-ops.ts';
import { TOWNSHIPS } from './gazetteer.ts';
import type { River } from './rivers.ts';
import type { TownshipArea } from './townships.ts';
import { ILLUSTRATIVE, roundTo, type Layer } from './layer.ts';

/**
 * Layer `basic_farmland` (永久基本农田): ragged patches on the valley floors — along the rural rivers
 * and in the basins around the rural township seats (青岩, 黔陶, 马铃, 麦坪, 高坡 …) — traced as the
 * level set of "closeness to the valley axis" plus hectometre-scale noise, which breaks the valley
 * floor into the mosaic of karst farmland. Then cut by everything farmland cannot be: the
 * development boundary and the red line (the three control lines never overlap), water, wetlands,
 * river channels, the nature reserve and the core scenic zones.
 */
const BASIN_TOWNS = ['青岩镇', '黔陶乡', '马铃乡', '麦坪镇', '高坡乡', '燕楼镇', '孟关乡', '久安乡', '石板镇'];
const RURAL_RIVERS: Record<string, number> = {
  青岩河: 700, 赵司河: 750, 老榜河: 650, 马铃河: 800, 小燕河: 650, 阴洞河: 700, 杨眉河: 600, 王坝河: 750, 三岔河: 600, 白岩河: 600, 车田河: 650,
};
const MIN_PATCH_M2 = 20_000;

function valleyPieces(rivers: River[]): Area[] {
  const random = createRandom('farmland/basins');
  const basins = TOWNSHIPS.filter((t) => BASIN_TOWNS.includes(t.name)).map((t) => {
    const control = eggControl(t.seat, random.range(2000, 2800), random.range(1300, 1800), random.range(0, 180));
    const field = outlineField(control, 700, { seed: `farmland/basin/${t.name}`, amplitude: 0.6, wavelengthM: 900 }, 1);
    return contourArea(field, { bbox: bboxAround(control, 1800), cellM: 60, threshold: 0.2, minPartM2: MIN_PATCH_M2 });
  });
  const bands = rivers
    .filter((r) => r.spec.name in RURAL_RIVERS)
    .map((r) => {
      const axis = r.line.coordinates.filter((_, i, all) => i % 6 === 0 || i === all.length - 1) as LonLat[];
      const field = bandField(axis, RURAL_RIVERS[r.spec.name], { seed: `farmland/valley/${r.spec.name}`, amplitude: 0.55, wavelengthM: 900 });
      return contourArea(field, { bbox: bboxAround(axis, RURAL_RIVERS[r.spec.name] * 2), cellM: 60, threshold: 0.25, minPartM2: MIN_PATCH_M2 });
    });
  return [...basins, ...bands].filter((a): a is Area => !!a);
}

export interface FarmlandPatch {
  town: string;
  geometry: Area;
}

export function buildBasicFarmland(ctx: { district: Area; rivers: River[]; townships: TownshipArea[]; exclude: (Area | null)[] }): FarmlandPatch[] {
  const riverChannels = union(...ctx.rivers.map((r) => bufferM(r.line, 18, 6)));
  const valley = intersect(union(...valleyPieces(ctx.rivers)), ctx.district);
  const fields = difference(valley, ...ctx.exclude, riverChannels);
  const patches: FarmlandPatch[] = [];
  for (const t of ctx.townships) {
    for (const part of splitParts(dropSmall(intersect(fields, t.geometry), MIN_PATCH_M2, 5_000))) {
      patches.push({ town: t.township.name, geometry: part });
    }
  }
  return patches;
}

export function basicFarmlandLayer(patches: FarmlandPatch[]): Layer {
  const serialByTown = new Map<string, number>();
  return {
    id: 'basic_farmland',
    features: patches.map((p) => {
      const serial = (serialByTown.get(p.town) ?? 0) + 1;
      serialByTown.set(p.town, serial);
      const townIndex = TOWNSHIPS.findIndex((t) => t.name === p.town) + 1;
      const code = `JBNT${String(townIndex).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
      return {
        id: `basic_farmland-${code}`,
        properties: {
          name: `${p.town}永久基本农田`,
          nameEn: `Permanent basic farmland, ${TOWNSHIPS[townIndex - 1].nameEn}`,
          code,
          town: p.town,
          areaMu: roundTo((turf.area(turf.feature(p.geometry)) / 10_000) * 15, 1),
          ...ILLUSTRATIVE,
        },
        geometry: p.geometry,
      };
    }),
  };
}
