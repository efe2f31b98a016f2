/** A layer as GET /api/layers describes it. */
export interface LayerInfo {
  id: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  group: string;
  levels: string[];
  geometryType: string;
  featureCount: number;
  checked: boolean;
  illustrative: boolean;
  source: { zh?: string; en?: string; package?: string; version?: string; [key: string]: unknown };
  version: number | null;
  loadedAt: string | null;
  style: Record<string, unknown>;
  legendOrder: number;
  bbox: [number, number, number, number] | null;
}

/** Layer-tree groups in the order planners think in; a layer of an unknown group goes to the end. */
const GROUP_ORDER = ['redline', 'water_source', 'protected_area', 'eco_pattern', 'control_unit', 'three_lines', 'base'] as const;

export function groupRank(group: string): number {
  const i = (GROUP_ORDER as readonly string[]).indexOf(group);
  return i === -1 ? GROUP_ORDER.length : i;
}

/** The layer's name in the UI language. */
export const layerName = (layer: Pick<LayerInfo, 'nameZh' | 'nameEn'>, language: string) =>
  language.startsWith('zh') ? layer.nameZh : layer.nameEn;
