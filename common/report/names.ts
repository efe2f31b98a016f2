import type { Bilingual } from '../bilingual.ts';
import { KIND_LABELS, LEVEL_LABELS, NO_LEVEL, isLayerKind } from '../domain/layer-kinds.ts';
import { ARTICLE_UNVERIFIED } from '../domain/laws.ts';
import { VERDICT_LABELS, type Verdict } from '../domain/verdict.ts';

/** How layers, levels and verdicts are named in words for planners (一级保护区, not grade1). */
export type Lang = 'zh' | 'en';

export interface LayerNaming {
  id: string;
  nameZh: string;
  nameEn: string;
}

export const pick = (text: Bilingual, lang: Lang) => (lang === 'zh' ? text.zh : text.en);

/** The catalog name of the layer; else the name of its kind; else its id. */
export function layerName(layerId: string, kind: string | undefined, layers: readonly LayerNaming[] | undefined, lang: Lang): string {
  const layer = layers?.find((l) => l.id === layerId);
  if (layer) return lang === 'zh' ? layer.nameZh : layer.nameEn;
  if (kind && isLayerKind(kind)) return pick(KIND_LABELS[kind], lang);
  return layerId;
}

/** '一级保护区' for (water_source, grade1); '' for kinds without levels; the raw level when unknown. */
export function levelName(kind: string, level: string | null | undefined, lang: Lang): string {
  const labels = isLayerKind(kind) ? LEVEL_LABELS[kind] : undefined;
  const key = level === null || level === undefined || level === '' ? NO_LEVEL : level;
  const known = labels?.[key];
  if (known) return pick(known, lang);
  return key === NO_LEVEL ? '' : key;
}

export const verdictName = (verdict: Verdict, lang: Lang) => pick(VERDICT_LABELS[verdict], lang);

/** Law and article as planners cite them: 《中华人民共和国水污染防治法》第六十五条. An article still to be
 * verified (rules.md) says so in the reader's language. */
export function citation(basis: { law: string; article: string }, lang: Lang = 'zh'): string {
  if (!basis.law || basis.law === '—') return '—';
  if (!basis.article || basis.article === '—') return basis.law;
  const article = basis.article === ARTICLE_UNVERIFIED && lang === 'en' ? ' (article number to be verified)' : basis.article;
  return `${basis.law}${article}`;
}

/** A feature as listed under its layer: its name in the reader's language, with its level in words. */
export function featureLabel(kind: string, f: { id: string; name: string | null; nameEn?: string | null; level: string | null }, lang: Lang): string {
  const name = (lang === 'en' && f.nameEn) || f.name || f.id;
  const level = levelName(kind, f.level, lang);
  if (!level) return name;
  return lang === 'zh' ? `${name}（${level}）` : `${name} (${level})`;
}
