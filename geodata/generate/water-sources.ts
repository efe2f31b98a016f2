import * as turf from '@turf/turf';
import type { LonLat } from './local-metres.ts';
import { groundwaterZones, mediumReservoirZones, riverZones, smallReservoirZones, type SourceZones } from './water-source-zones.ts';
import { riverNamed, type River } from './rivers.ts';
import { reservoirNamed, type Reservoir } from './reservoirs.ts';
import type { TownshipArea } from './townships.ts';
import { ILLUSTRATIVE, type Layer } from './layer.ts';
import { difference, union, type Area } from './polygon-ops.ts';

/**
 * Layer `water_source`: the 10 drinking-water sources that seed 000 lists for 规范化建设
 * ("花溪水库、高坡乡苦蒿冲、阴洞河、燕楼乡燕鲁小燕河、青岩镇海爬井、龙潭、龙井沟、马铃乡麻窝坑、
 * 红岩水库、黔陶乡九眼井"). Intakes are placed inside the township the sentence names (unprefixed
 * names take the last town prefix before them); zones follow water-source-zones.ts.
 */
type SourceType = 'reservoir' | 'river' | 'groundwater';

interface SourceSpec {
  name: string;
  nameEn: string;
  type: SourceType;
  /** Township named (or inferred) in seed 000; null = not stated, taken from the intake position. */
  town: string | null;
  zones: (ctx: { rivers: River[]; reservoirs: Reservoir[]; district: Area }) => { zones: SourceZones; intake: LonLat };
  basis: string;
}

const HJ_RESERVOIR_MEDIUM = 'HJ 338-2018 中型水库默认值：一级取水口周边水域及200 m陆域，二级至集水区分水岭，准保护区为上游集水区（示意）';
const HJ_RESERVOIR_SMALL = 'HJ 338-2018 小型水库默认值：一级为全部水域及200 m陆域，二级为上游集水区（示意）';
const HJ_RIVER = 'HJ 338-2018 河流型默认值：一级上游1000 m、下游100 m、陆域50 m；二级再上溯2000 m、下延200 m、陆域1000 m；准保护区再上溯3000 m（示意）';
const HJ_SPRING = '岩溶泉/井（示意）：一级半径约50–100 m，二级约500 m，准保护区为补给区';

const spring = (at: LonLat, azimuthDeg: number, seed: string) => ({ district }: { district: Area }) => ({
  zones: groundwaterZones(at, azimuthDeg, seed, district),
  intake: at,
});

const riverSource = (riverName: string, near: LonLat, seed: string) => ({ rivers, district }: { rivers: River[]; district: Area }) => {
  const line = riverNamed(rivers, riverName);
  const intake = turf.nearestPointOnLine(turf.feature(line), turf.point(near)).geometry.coordinates as LonLat;
  return { zones: riverZones(line, intake, seed, district), intake };
};

const SOURCES: SourceSpec[] = [
  {
    name: '花溪水库', nameEn: 'Huaxi Reservoir', type: 'reservoir', town: null, basis: HJ_RESERVOIR_MEDIUM,
    zones: ({ reservoirs, district }) => {
      const r = reservoirNamed(reservoirs, '花溪水库');
      const zones = mediumReservoirZones(
        r.geometry, r.axis,
        [[106.664, 26.449], [106.662, 26.462], [106.652, 26.471], [106.636, 26.474], [106.62, 26.47], [106.613, 26.461], [106.62, 26.449], [106.632, 26.441], [106.646, 26.434], [106.658, 26.437]],
        [[106.626, 26.48], [106.612, 26.49], [106.592, 26.494], [106.577, 26.492], [106.572, 26.48], [106.585, 26.468], [106.6, 26.458], [106.612, 26.452], [106.622, 26.458]],
        'water-source/花溪水库', district,
      );
      return { zones, intake: r.axis.coordinates[r.axis.coordinates.length - 1] as LonLat };
    },
  },
  { name: '苦蒿冲', nameEn: 'Kuhaochong', type: 'groundwater', town: '高坡乡', basis: HJ_SPRING, zones: spring([106.815, 26.236], 245, 'water-source/苦蒿冲') },
  { name: '阴洞河', nameEn: 'Yindong River', type: 'river', town: '高坡乡', basis: HJ_RIVER, zones: riverSource('阴洞河', [106.851, 26.243], 'water-source/阴洞河') },
  { name: '燕鲁小燕河', nameEn: 'Xiaoyan River at Yanlu', type: 'river', town: '燕楼镇', basis: HJ_RIVER, zones: riverSource('小燕河', [106.627, 26.3], 'water-source/燕鲁小燕河') },
  { name: '海爬井', nameEn: 'Haipa Well', type: 'groundwater', town: '青岩镇', basis: HJ_SPRING, zones: spring([106.662, 26.325], 250, 'water-source/海爬井') },
  { name: '龙潭', nameEn: 'Longtan Spring', type: 'groundwater', town: '青岩镇', basis: HJ_SPRING, zones: spring([106.703, 26.35], 75, 'water-source/龙潭') },
  { name: '龙井沟', nameEn: 'Longjinggou Spring', type: 'groundwater', town: '青岩镇', basis: HJ_SPRING, zones: spring([106.666, 26.357], 290, 'water-source/龙井沟') },
  { name: '麻窝坑', nameEn: 'Mawokeng Spring', type: 'groundwater', town: '马铃乡', basis: HJ_SPRING, zones: spring([106.535, 26.268], 270, 'water-source/麻窝坑') },
  {
    name: '红岩水库', nameEn: 'Hongyan Reservoir', type: 'reservoir', town: '马铃乡', basis: HJ_RESERVOIR_SMALL,
    zones: ({ reservoirs, district }) => {
      const r = reservoirNamed(reservoirs, '红岩水库');
      const zones = smallReservoirZones(
        r.geometry,
        [[106.556, 26.256], [106.558, 26.268], [106.568, 26.279], [106.582, 26.283], [106.588, 26.274], [106.582, 26.262], [106.57, 26.254]],
        'water-source/红岩水库', district,
      );
      return { zones, intake: r.axis.coordinates[r.axis.coordinates.length - 1] as LonLat };
    },
  },
  { name: '九眼井', nameEn: 'Jiuyan Well', type: 'groundwater', town: '黔陶乡', basis: HJ_SPRING, zones: spring([106.792, 26.352], 120, 'water-source/九眼井') },
];

const LEVELS = [
  { level: 'grade1', zh: '一级保护区', en: 'grade I zone' },
  { level: 'grade2', zh: '二级保护区', en: 'grade II zone' },
  { level: 'quasi', zh: '准保护区', en: 'quasi-protection zone' },
] as const;

export interface WaterSourceZone {
  sourceName: string;
  sourceNameEn: string;
  level: 'grade1' | 'grade2' | 'quasi';
  geometry: Area;
}

/**
 * Where zones of different sources meet, the stricter level wins (一级 > 二级 > 准) and, within a
 * level, the source listed first: the whole layer is then free of overlaps, so a site's zone is
 * never ambiguous.
 */
function resolveAcrossSources(raw: { spec: SourceSpec; zones: SourceZones }[]): Map<string, SourceZones> {
  const result = new Map<string, SourceZones>(raw.map(({ spec, zones }) => [spec.name, { ...zones }]));
  let claimed: Area | null = null;
  for (const level of ['grade1', 'grade2', 'quasi'] as const) {
    let claimedThisLevel: Area | null = null;
    for (const { spec } of raw) {
      const zones = result.get(spec.name)!;
      const own = difference(zones[level], claimed, claimedThisLevel);
      zones[level] = own as Area;
      claimedThisLevel = union(claimedThisLevel, own);
    }
    claimed = union(claimed, claimedThisLevel);
  }
  return result;
}

export function buildWaterSources(ctx: { rivers: River[]; reservoirs: Reservoir[]; district: Area; townships: TownshipArea[] }): { layer: Layer; zones: WaterSourceZone[] } {
  const built = SOURCES.map((spec) => ({ spec, ...spec.zones(ctx) }));
  const resolved = resolveAcrossSources(built);
  const features: Layer['features'] = [];
  const zones: WaterSourceZone[] = [];
  for (const { spec, intake } of built) {
    const z = resolved.get(spec.name)!;
    const town = ctx.townships.find((t) => turf.booleanPointInPolygon(intake, turf.feature(t.geometry)))?.township.name;
    if (!town) throw new Error(`intake of ${spec.name} is outside every township`);
    if (spec.town && spec.town !== town) throw new Error(`intake of ${spec.name} lies in ${town}, seed 000 says ${spec.town}`);
    for (const { level, zh, en } of LEVELS) {
      const geometry = z[level];
      if (!geometry) continue;
      zones.push({ sourceName: spec.name, sourceNameEn: spec.nameEn, level, geometry });
      features.push({
        id: `water_source-${spec.name}-${level}`,
        properties: {
          name: `${spec.name}饮用水水源${zh}`,
          nameEn: `${spec.nameEn} drinking-water source, ${en}`,
          level,
          sourceName: spec.name,
          sourceType: spec.type,
          town,
          intake: { type: 'Point', coordinates: intake },
          basis: spec.basis,
          ...ILLUSTRATIVE,
        },
        geometry,
      });
    }
  }
  return { layer: { id: 'water_source', features }, zones };
}
