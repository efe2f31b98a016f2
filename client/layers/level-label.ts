import type { TFunction } from 'i18next';
import type { LayerInfo } from './layer-info.ts';

/**
 * A level in words: 一级保护区, not `grade1`. Nature reserves use the zoning of the layer's scheme:
 * 核心区/缓冲区/实验区 before the 2026 revision, 核心保护区/一般控制区 after (a layer whose levels
 * include `general` is on the new scheme). A null level is the layer's unclassified features.
 */
export function levelLabel(t: TFunction, layer: Pick<LayerInfo, 'kind' | 'levels' | 'nameZh' | 'nameEn'>, level: string | null, language: string): string {
  if (level === null) {
    return t(`levels.${layer.kind}._default`, { defaultValue: language.startsWith('zh') ? layer.nameZh : layer.nameEn });
  }
  const kind = layer.kind === 'nature_reserve' && layer.levels.includes('general') ? 'nature_reserve_2026' : layer.kind;
  return t(`levels.${kind}.${level}`, { defaultValue: level });
}
