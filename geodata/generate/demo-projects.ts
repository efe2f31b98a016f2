import * as turf from '@turf/turf';
import type { Geometry, LineString, Point, Polygon } from 'geojson';
import type { LonLat } from './local-metres.ts';
import { distanceAlongTo, sliceAlong } from './line-ops.ts';
import { localZone, plot, searchAround, shareInside, touches } from './site-search.ts';
import type { Area } from './polygon-ops.ts';
import type { LayerFeature } from './layer.ts';

/**
 * geodata/demo-projects.geojson: the sample sites of seed 000 §5 (gazetteer, last section), placed
 * by search so each lands where its story needs it and every verdict of rules.md §12 occurs:
 * prohibited (pig farm over a 二级 zone, quarry in the red line, resort hotel in a 核心景区, and the
 * water main, whose route also crosses permanent basic farmland), conditional (sewer main through the
 * wetland park, science museum in the reserve's 实验区, solar farm outside the development boundary),
 * notice (the 燕楼 park extension: a discharging plant in a 重点管控单元) and clear (community
 * service centre inside the development boundary).
 * `expectedVerdict` is what the rule base (server/check/rules) gives; tests/geodata/demo-verdicts
 * checks it against the engine. 重点/一般 control units are information for non-polluting projects
 * (their 准入清单 is listed): since the units tile the district, a strict ECU=NOTICE reading would
 * leave no site clear.
 */
export interface DemoZones {
  redline: Area;
  waterGrade1: Area;
  waterGrade2BySource: Map<string, Area>;
  waterGrade1BySource: Map<string, Area>;
  waterAll: Area;
  reserveExperimental: Area;
  reserveAll: Area;
  wetland: Area;
  scenicCore: Area;
  scenicAll: Area;
  farmland: Area;
  urban: Area;
  corridors: Area;
  corridorByName: Map<string, Area>;
  ecoCoresAndScreens: Area;
  parkByName: Map<string, Area>;
  riverByName: Map<string, LineString>;
  intakeHuaxi: LonLat;
  intakeOf: (source: string) => LonLat;
  placeAt: (name: string) => LonLat;
}

type Project = { type: string; dischargesPollutants?: boolean; severePolluter?: boolean; outfall?: boolean; nationalMajorProject?: boolean; unavoidable?: boolean; temporary?: boolean; expandsFootprint?: boolean; widthM?: number };

interface DemoSite {
  name: string;
  project: Project;
  applicant: string;
  description: string;
  expectedVerdict: 'prohibited' | 'conditional' | 'notice' | 'clear';
  expectedBecause: string;
  geometry: Geometry;
}

const clearOf = (site: Polygon | Point, zones: (Area | null)[]) => zones.every((z) => !touches(site, z));

export function buildDemoProjects(z: DemoZones): LayerFeature[] {
  const sites: DemoSite[] = [];

  {
    const anchor: LonLat = [106.612, 26.279];
    const park = localZone(z.parkByName.get('燕楼产业园')!, anchor, 5000);
    const urban = localZone(z.urban, anchor, 5000);
    const avoid = [z.redline, z.waterAll, z.reserveAll, z.wetland, z.scenicAll, z.farmland, z.corridors].map((a) => localZone(a, anchor, 5000));
    const geometry = searchAround(anchor, (at) => plot(at, 650, 420, 20), (s) => {
      const inPark = shareInside(s, park);
      return inPark > 0.15 && inPark < 0.7 && shareInside(s, urban) > 0.999 && clearOf(s, avoid);
    }, 100, 4000);
    sites.push({
      name: '燕楼工业园三期', applicant: '花溪区燕楼产业园区管理委员会',
      project: { type: 'industrial', dischargesPollutants: true },
      description: '燕楼产业园三期扩区，绿色科技建材与食品加工标准厂房，部分位于现状园区外、城镇开发边界内。',
      expectedVerdict: 'notice', expectedBecause: '位于城镇开发边界内，不涉及生态保护红线、水源保护区、自然保护地、永久基本农田和生态廊道；排放污染物的工业项目位于重点管控单元，须落实准入清单的污染物排放和环境风险管控要求',
      geometry,
    });
  }

  {
    // A rural spring whose 二级 zone has open hillside outside farmland and red line next to it.
    const placed = ['九眼井', '麻窝坑', '苦蒿冲', '海爬井', '龙潭'].map((source) => {
      const anchor = z.intakeOf(source);
      const grade2 = localZone(z.waterGrade2BySource.get(source)!, anchor, 4000);
      const avoid = [z.waterGrade1, z.redline, z.farmland, z.urban, z.reserveAll].map((a) => localZone(a, anchor, 4000));
      try {
        const geometry = searchAround(anchor, (at) => plot(at, 260, 170, -35), (s) => {
          const share = shareInside(s, grade2);
          return share > 0.25 && share < 0.75 && clearOf(s, avoid);
        }, 60, 2500);
        return { source, geometry };
      } catch {
        return null;
      }
    }).find((x) => x !== null);
    if (!placed) throw new Error('no place for the pig farm beside a grade2 zone');
    sites.push({
      name: '新建现代标准化生猪养殖场', applicant: '花溪区某农业开发有限公司',
      project: { type: 'livestock', dischargesPollutants: true },
      description: `年出栏生猪1万头的标准化养殖场，含猪舍、粪污处理设施和沼液储存池；场址一部分位于${placed.source}饮用水水源二级保护区内。`,
      expectedVerdict: 'prohibited', expectedBecause: '排放污染物的建设项目进入饮用水水源二级保护区（《水污染防治法》第六十六条）',
      geometry: placed.geometry,
    });
  }

  {
    const waterworks = z.placeAt('南郊水厂');
    const route: LineString = { type: 'LineString', coordinates: [z.intakeHuaxi, [106.664, 26.4475], [106.671, 26.4535], [106.68, 26.4585], waterworks] };
    sites.push({
      name: '花溪水库-南郊水厂输水工程', applicant: '贵阳市水务投资有限公司',
      project: { type: 'water_supply', unavoidable: true, widthM: 8 },
      description: '自花溪水库取水口至南郊水厂的原水输水管线（DN1200），穿越水库一级保护区和生态保护红线，申请人主张必须且无法避让。',
      expectedVerdict: 'prohibited', expectedBecause: '线路穿越永久基本农田，非国家重大项目不得占用（《土地管理法》第三十五条），须改线避让；一级保护区（与供水设施有关，《水污染防治法》第六十五条）和生态保护红线（必须且无法避让的供水设施，142号第6项，需省级人民政府认定意见）部分属有条件允许',
      geometry: route,
    });
  }

  {
    const huaxi = z.riverByName.get('花溪河')!;
    const nanming = z.riverByName.get('南明河')!;
    const start = distanceAlongTo(huaxi, z.placeAt('花溪医院'));
    const alongHuaxi = sliceAlong(huaxi, start, Infinity).coordinates;
    const alongNanming = sliceAlong(nanming, 0, distanceAlongTo(nanming, z.placeAt('中曹司'))).coordinates;
    const path = turf.lineOffset(turf.lineString([...alongHuaxi, ...alongNanming.slice(1)]), 0.07, { units: 'kilometers' });
    const route = turf.simplify(path, { tolerance: 0.00025, highQuality: true }).geometry;
    sites.push({
      name: '南明河截污主管（花溪医院-中曹司段）整改工程', applicant: '花溪区水务管理局',
      project: { type: 'linear_infrastructure', widthM: 4 },
      description: '沿花溪河、南明河右岸敷设截污主管（花溪医院至中曹司段），穿越花溪国家城市湿地公园（十里河滩）。',
      expectedVerdict: 'conditional', expectedBecause: '穿越国家城市湿地公园，须避让或减少占用并取得主管部门意见（《湿地保护法》第十九条、第二十一条）；涉河建设方案须经水行政主管部门审查同意',
      geometry: route,
    });
  }

  {
    const corridorName = '马铃-高坡生态廊道';
    const anchor: LonLat = [106.772, 26.296];
    const corridor = localZone(z.corridorByName.get(corridorName)!, anchor, 4000);
    const avoid = [z.redline, z.waterAll, z.reserveAll, z.wetland, z.scenicAll, z.farmland, z.urban, z.ecoCoresAndScreens].map((a) => localZone(a, anchor, 4000));
    const geometry = searchAround(anchor, (at) => plot(at, 520, 340, 15), (s) => shareInside(s, corridor) > 0.6 && clearOf(s, avoid), 100, 3500);
    sites.push({
      name: '高坡乡农光互补光伏发电项目', applicant: '贵州某新能源有限公司',
      project: { type: 'energy_solar' },
      description: '坡地集中式光伏电站（约20 MW），场址位于马铃-高坡生态廊道内的荒坡，不占永久基本农田。',
      expectedVerdict: 'conditional', expectedBecause: '位于城镇开发边界外，光伏电站须独立选址论证（自然资发〔2023〕193号）；位于生态廊道内，需开展生态连通性评估（规划管控要求，无专门法规）',
      geometry,
    });
  }

  {
    const anchor: LonLat = [106.712, 26.3];
    const experimental = localZone(z.reserveExperimental, anchor, 4000);
    const geometry = searchAround(anchor, (at): Point => ({ type: 'Point', coordinates: at }), (p) => touches(p, experimental) && turf.booleanPointInPolygon(p, turf.feature(experimental!)), 80, 3500);
    sites.push({
      name: '青岩油杉自然保护区植物科普馆', applicant: '花溪区林业局',
      project: { type: 'tourism_facility' },
      description: '油杉群落科普展示馆及配套步道，建筑面积约1,200 m²，位于保护区实验区。',
      expectedVerdict: 'conditional', expectedBecause: '自然保护区实验区内的科普旅游设施须符合保护区规划并经管理机构同意（条例第二十九条）；位于生态保护红线内，属适度参观旅游、科普宣教的有限人为活动（142号第5项）',
      geometry,
    });
  }

  {
    const anchor: LonLat = [106.692, 26.437];
    const urban = localZone(z.urban, anchor, 3000);
    const avoid = [z.redline, z.waterAll, z.reserveAll, z.wetland, z.scenicAll, z.farmland, z.corridors, z.ecoCoresAndScreens].map((a) => localZone(a, anchor, 3000));
    const geometry = searchAround(anchor, (at) => plot(at, 130, 90, 10), (s) => shareInside(s, urban) > 0.999 && clearOf(s, avoid), 60, 2500);
    sites.push({
      name: '溪北社区综合服务中心', applicant: '花溪区溪北街道办事处',
      project: { type: 'public_service' },
      description: '社区卫生服务站、养老服务和党群服务用房，用地约1.1公顷，位于中心城区建成区。',
      expectedVerdict: 'clear', expectedBecause: '位于城镇开发边界内，不涉及任何管控区',
      geometry,
    });
  }

  {
    const anchor: LonLat = [106.87, 26.262];
    const redline = localZone(z.redline, anchor, 5000);
    const avoid = [z.waterAll, z.farmland, z.urban].map((a) => localZone(a, anchor, 5000));
    const geometry = searchAround(anchor, (at) => plot(at, 320, 240, -20), (s) => shareInside(s, redline) > 0.999 && clearOf(s, avoid), 100, 4500);
    sites.push({
      name: '高坡乡某采石场扩界项目', applicant: '花溪区某建材有限公司',
      project: { type: 'mining', expandsFootprint: true },
      description: '现有建筑石料用灰岩矿扩大开采范围，扩界区位于石漠化防治生态保护红线内。',
      expectedVerdict: 'prohibited', expectedBecause: '生态保护红线内禁止开发性、生产性建设活动，采矿不属允许的有限人为活动（自然资发〔2022〕142号）',
      geometry,
    });
  }

  {
    const anchor: LonLat = [106.685, 26.334];
    const core = localZone(z.scenicCore, anchor, 2000);
    const geometry = searchAround(anchor, (at) => plot(at, 140, 90, 30), (s) => shareInside(s, core) > 0.999, 30, 1500);
    sites.push({
      name: '青岩古镇精品度假酒店', applicant: '贵州某文旅投资有限公司',
      project: { type: 'tourism_resort' },
      description: '在青岩古镇核心景区内新建精品度假酒店（客房80间）。',
      expectedVerdict: 'prohibited', expectedBecause: '风景名胜区核心景区内禁止建设宾馆、招待所等与风景名胜资源保护无关的建筑物（《风景名胜区条例》第二十七条）',
      geometry,
    });
  }

  return sites.map((s, i) => ({
    id: `demo-${String(i + 1).padStart(2, '0')}`,
    properties: {
      name: s.name,
      project: s.project,
      applicant: s.applicant,
      description: s.description,
      expectedVerdict: s.expectedVerdict,
      expectedBecause: s.expectedBecause,
      illustrative: true,
    },
    geometry: s.geometry,
  }));
}
