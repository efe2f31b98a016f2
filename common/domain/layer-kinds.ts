import type { Bilingual } from '../bilingual.ts';

/**
 * The layer kinds the rule base knows (rules.md §0) and the zone levels of each. A feature with no
 * level (null, undefined or '') counts as level NO_LEVEL.
 */
export const LAYER_KINDS = [
  'eco_redline',
  'water_source',
  'nature_reserve',
  'scenic_area',
  'wetland',
  'basic_farmland',
  'urban_boundary',
  'control_unit',
  'eco_corridor',
  'eco_core',
  'eco_screen',
  'river',
] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export const NO_LEVEL = 'none';

export const KIND_LABELS: Record<LayerKind, Bilingual> = {
  eco_redline: { zh: '生态保护红线', en: 'Ecological protection red line' },
  water_source: { zh: '饮用水水源保护区', en: 'Drinking-water source protection zone' },
  nature_reserve: { zh: '自然保护区', en: 'Nature reserve' },
  scenic_area: { zh: '风景名胜区', en: 'Scenic and historic area' },
  wetland: { zh: '湿地', en: 'Wetland' },
  basic_farmland: { zh: '永久基本农田', en: 'Permanent basic farmland' },
  urban_boundary: { zh: '城镇开发边界', en: 'Urban development boundary' },
  control_unit: { zh: '生态环境管控单元', en: 'Environmental control unit' },
  eco_corridor: { zh: '生态廊道', en: 'Ecological corridor' },
  eco_core: { zh: '生态源地', en: 'Ecological source area' },
  eco_screen: { zh: '生态屏障', en: 'Ecological barrier' },
  river: { zh: '河湖水系', en: 'Rivers and lakes' },
};

/** Levels per kind, with labels. Kinds not listed here have no levels. */
export const LEVEL_LABELS: Partial<Record<LayerKind, Record<string, Bilingual>>> = {
  eco_redline: {
    core: { zh: '与自然保护地核心保护区重叠部分', en: 'Part overlapping a protected-area core zone' },
    [NO_LEVEL]: { zh: '核心保护区外的红线区域', en: 'Red line outside protected-area core zones' },
  },
  water_source: {
    grade1: { zh: '一级保护区', en: 'Grade-1 zone' },
    grade2: { zh: '二级保护区', en: 'Grade-2 zone' },
    quasi: { zh: '准保护区', en: 'Quasi-protection zone' },
  },
  nature_reserve: {
    core: { zh: '核心区 / 核心保护区', en: 'Core zone' },
    buffer: { zh: '缓冲区（旧三区分区）', en: 'Buffer zone (legacy zoning)' },
    experimental: { zh: '实验区（旧三区分区）', en: 'Experimental zone (legacy zoning)' },
    general: { zh: '一般控制区（2026年条例）', en: 'General control zone (2026 regulation)' },
  },
  scenic_area: {
    core: { zh: '核心景区', en: 'Core scenic zone' },
    [NO_LEVEL]: { zh: '核心景区以外', en: 'Outside the core scenic zone' },
  },
  wetland: {
    national: { zh: '国家重要湿地', en: 'Wetland of national importance' },
    provincial: { zh: '省级重要湿地', en: 'Wetland of provincial importance' },
    general: { zh: '一般湿地', en: 'Ordinary wetland' },
    park_conservation: { zh: '湿地公园保育区', en: 'Wetland-park conservation zone' },
    [NO_LEVEL]: { zh: '未分级湿地（按一般湿地）', en: 'Unclassified wetland (treated as ordinary)' },
  },
  urban_boundary: {
    inside: { zh: '城镇开发边界内', en: 'Inside the boundary' },
    outside: { zh: '城镇开发边界外', en: 'Outside the boundary' },
  },
  control_unit: {
    priority: { zh: '优先保护单元', en: 'Priority protection unit' },
    key: { zh: '重点管控单元', en: 'Key control unit' },
    general: { zh: '一般管控单元', en: 'General control unit' },
  },
};

export function isLayerKind(kind: string): kind is LayerKind {
  return (LAYER_KINDS as readonly string[]).includes(kind);
}

/** null, undefined and '' all mean "the feature has no level". */
export function normalizeLevel(level: string | null | undefined): string {
  return level === null || level === undefined || level.trim() === '' ? NO_LEVEL : level.trim();
}

/**
 * Nature reserves come zoned in one of two schemes (rules.md §3): the legacy 核心区/缓冲区/实验区
 * of the 2017 regulation, or the 核心保护区/一般控制区 of the 2026 revision. `buffer` and
 * `experimental` only exist in the legacy scheme and `general` only in the new one, so those levels
 * name their scheme themselves. Both schemes use `core`: a core feature takes the scheme of its
 * layer, read from the layer's declared levels. A layer that declares only `core` (or nothing,
 * or a mix) is read as the 2026 scheme, the regulation in force since 2026-03-15.
 */
export type NatureReserveScheme = 'legacy' | '2026';

export function natureReserveScheme(layerLevels: readonly (string | null | undefined)[]): NatureReserveScheme {
  const levels = layerLevels.map(normalizeLevel);
  const legacy = levels.includes('buffer') || levels.includes('experimental');
  const modern = levels.includes('general');
  if (legacy && !modern) return 'legacy';
  return '2026';
}

/** The scheme one nature-reserve level belongs to; `core` belongs to its layer's scheme. */
export function natureReserveSchemeOfLevel(level: string, layerScheme: NatureReserveScheme): NatureReserveScheme {
  if (level === 'buffer' || level === 'experimental') return 'legacy';
  if (level === 'general') return '2026';
  return layerScheme;
}
