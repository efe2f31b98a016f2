import type { LineString } from 'geojson';
import { offsetM, type LonLat } from './local-metres.ts';
import { distanceAlongTo, sliceAlong } from './line-ops.ts';
import { eggControl, LANDSCAPE_OCTAVES, lobe, ribbon, roughen, scaleOctaves } from './shapes.ts';
import { bandField, organicArea, solid } from './fields.ts';
import { bboxAround, contourArea } from './contour.ts';
import { bufferM, difference, intersect, union, type Area } from './polygon-ops.ts';

/**
 * 一级 / 二级 / 准保护区 geometry by the HJ 338-2018 defaults quoted in rules.md §2 (figures there
 * are tagged [U]; real zones are whatever the province approved). Each outer zone is built to
 * contain the inner one, then the inner one is subtracted: grade2 excludes grade1 and quasi excludes
 * both by construction.
 */
export interface SourceZones {
  grade1: Area;
  grade2: Area;
  quasi: Area | null;
}

function nested(grade1: Area, outer2: Area, outerQ: Area | null, district: Area): SourceZones {
  const g1 = intersect(grade1, district)!;
  const o2 = intersect(union(outer2, bufferM(grade1, 40))!, district)!;
  const grade2 = difference(o2, g1)!;
  const quasi = outerQ ? difference(intersect(union(outerQ, bufferM(o2, 40))!, district), o2) : null;
  return { grade1: g1, grade2, quasi };
}

const SHORE_LAND_M = 200;

/**
 * Medium reservoir (10⁷–10⁸ m³): 一级 water = the water within roughly 900 m of the intake (HJ:
 * radius ≥ 300 m), 一级 land = 200 m above the shoreline of that water; 二级 = the rest of the water
 * and the land up to the divide of the near catchment; 准 = the upstream catchment. The HJ 3000 m
 * land default would swallow the town below the dam, so the catchment outlines follow the divide.
 */
export function mediumReservoirZones(water: Area, axis: LineString, nearCatchment: LonLat[], upstreamCatchment: LonLat[], seed: string, district: Area): SourceZones {
  const intake = axis.coordinates[axis.coordinates.length - 1] as LonLat;
  const towardsTip = axis.coordinates[Math.floor(axis.coordinates.length * 0.7)] as LonLat;
  const azimuth = (Math.atan2(towardsTip[0] - intake[0], (towardsTip[1] - intake[1]) * 1.11) * 180) / Math.PI;
  const reach = lobe(intake, 950, 760, azimuth, `${seed}/grade1-reach`, 0.1);
  const nearWater = intersect(water, reach)!;
  const grade1 = union(nearWater, difference(bufferM(nearWater, SHORE_LAND_M), water))!;
  const outer2 = union(organicArea(nearCatchment, { seed: `${seed}/grade2`, scaleM: 450, amplitude: 0.45 }), water)!;
  const outerQ = organicArea(upstreamCatchment, { seed: `${seed}/quasi`, scaleM: 650, amplitude: 0.5 });
  return nested(grade1, outer2, outerQ, district);
}

/** Small reservoir (< 10⁷ m³): 一级 = the whole water area plus 200 m of shore land; 二级 = the catchment. */
export function smallReservoirZones(water: Area, catchment: LonLat[], seed: string, district: Area): SourceZones {
  const grade1 = roughen(union(water, bufferM(water, SHORE_LAND_M))!, { seed: `${seed}/grade1`, stepM: 30, octaves: scaleOctaves(LANDSCAPE_OCTAVES, 0.12) });
  const outer2 = organicArea(catchment, { seed: `${seed}/grade2`, scaleM: 400, amplitude: 0.45 });
  return nested(grade1, outer2, null, district);
}

/** Land on both banks of a reach, about `halfWidthM` deep, its edge following the slopes (noise). */
function reachLand(river: LineString, fromM: number, toM: number, halfWidthM: number, seed: string): Area {
  const reach = sliceAlong(river, fromM, toM).coordinates as LonLat[];
  const field = bandField(reach, halfWidthM, { seed, amplitude: 0.35, wavelengthM: 1800 });
  return solid(contourArea(field, { bbox: bboxAround(reach, halfWidthM * 1.6), cellM: 60 })!);
}

/** River reach (HJ defaults): 一级 1000 m up / 100 m down, 50 m land; 二级 +2000 m up / +200 m down, 1000 m land; 准 a further 3000 m up. */
export function riverZones(river: LineString, intakeNear: LonLat, seed: string, district: Area): SourceZones {
  const d = distanceAlongTo(river, intakeNear);
  const grade1 = ribbon(sliceAlong(river, d - 1000, d + 100).coordinates, { halfWidthM: () => 60, roundEnds: false, stepM: 40 });
  const outer2 = reachLand(river, d - 3000, d + 300, 1000, `${seed}/grade2`);
  const outerQ = d > 3200 ? reachLand(river, Math.max(0, d - 6000), d - 2900, 1000, `${seed}/quasi`) : null;
  return nested(grade1, outer2, outerQ, district);
}

/**
 * Karst spring or well: 一级 ≈ 50–100 m and 二级 ≈ 500 m around the outlet (rules.md §2, illustrative
 * Huaxi values), 准 = the recharge area up-gradient. Zones lean up-gradient (`azimuthDeg`).
 */
export function groundwaterZones(intake: LonLat, azimuthDeg: number, seed: string, district: Area): SourceZones {
  const up = (metres: number) => {
    const az = (azimuthDeg * Math.PI) / 180;
    return offsetM(intake, Math.sin(az) * metres, Math.cos(az) * metres);
  };
  const grade1 = lobe(up(12), 90, 62, azimuthDeg, `${seed}/grade1`, 0.22);
  const outer2 = lobe(up(110), 580, 430, azimuthDeg, `${seed}/grade2`, 0.24);
  const outerQ = organicArea(eggControl(up(950), 1750, 1050, azimuthDeg), { seed: `${seed}/quasi`, scaleM: 450, amplitude: 0.55 });
  return nested(grade1, outer2, outerQ, district);
}
