import type { Bilingual } from '../http/errors.ts';
import { KIND_LABELS, LEVEL_LABELS, isLayerKind } from '../../common/domain/layer-kinds.ts';
import { basicFarmlandRules } from './rules/basic-farmland.ts';
import { controlUnitRules } from './rules/control-unit.ts';
import { ecoNetworkRules } from './rules/eco-network.ts';
import { ecoRedlineRules } from './rules/eco-redline.ts';
import { natureReserveRules } from './rules/nature-reserve.ts';
import { riverRules } from './rules/river.ts';
import type { Rule } from './rules/rule.ts';
import type { ListedRule } from '../../common/api/rules.ts';
import { scenicAreaRules } from './rules/scenic-area.ts';
import { urbanBoundaryRules } from './rules/urban-boundary.ts';
import { waterSourceRules } from './rules/water-source.ts';
import { wetlandRules } from './rules/wetland.ts';
import { always } from './rules/predicates.ts';
import { CITATIONS_CHECKED_ON, citedOn } from './rules/citation.ts';
import type { Verdict } from '../../common/domain/verdict.ts';

/**
 * The rule base: every row of the decision table (rules.md §12), one file per layer kind under
 * ./rules/. Order matters within a kind: the first matching primary rule fires.
 */
export const RULES: readonly Rule[] = [
  ...ecoRedlineRules,
  ...waterSourceRules,
  ...natureReserveRules,
  ...scenicAreaRules,
  ...wetlandRules,
  ...basicFarmlandRules,
  ...urbanBoundaryRules,
  ...controlUnitRules,
  ...ecoNetworkRules,
  ...riverRules,
];

/**
 * Fires when a site overlaps a layer whose kind — or whose level within a known kind — the rule
 * base does not cover. A screening tool must not call an unruled overlap "clear", so it is a
 * notice asking for manual review. (Near or touching an unruled layer stays clear.)
 */
export const MANUAL_REVIEW_RULE: Rule = {
  id: 'MANUAL-REVIEW',
  kind: '*',
  when: always,
  conditionText: { zh: '与规则库未覆盖的图层类型或级别重叠', en: 'Overlaps a layer kind or level the rule base does not cover' },
  verdict: 'notice',
  procedure: { zh: '规则库中没有适用规则：请人工核查该图层的管控要求。', en: 'No rule applies: check this layer’s control requirements manually.' },
  basis: {
    law: '—',
    article: '—',
    textZh: '规则库未收录该图层类型或级别的管控规则。',
    textEn: 'The rule base has no rule for this layer kind or level.',
    instrument: null,
    check: { verified: false, source: '—', checkedOn: CITATIONS_CHECKED_ON },
  },
};

/**
 * The layer kinds a rule can prohibit a project in (a verdict is the most severe of the rules that
 * fire): only their overlaps can be clipped out by the avoidance suggestion.
 */
export const PROHIBITING_KINDS: readonly string[] = [...new Set(RULES.filter((r) => r.verdict === 'prohibited').map((r) => r.kind))];

export function rulesForKind(kind: string): Rule[] {
  return RULES.filter((r) => r.kind === kind);
}

/** A rule as the 规则库 page and GET /api/rules show it: everything but the predicate (common/api/rules.ts). */
export type { ListedRule };

function levelLabels(kind: string, level: Rule['level']): Bilingual[] | null {
  if (level === undefined || !isLayerKind(kind)) return null;
  const labels = LEVEL_LABELS[kind] ?? {};
  return (typeof level === 'string' ? [level] : [...level]).map((l) => labels[l] ?? { zh: l, en: l });
}

/** Every rule, its citation in force or not on `isoDate` (default: today). */
export function listRules(isoDate: string = new Date().toISOString()): ListedRule[] {
  return [...RULES, MANUAL_REVIEW_RULE].map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: isLayerKind(r.kind) ? KIND_LABELS[r.kind] : null,
    level: r.level === undefined ? null : typeof r.level === 'string' ? r.level : [...r.level],
    levelLabels: levelLabels(r.kind, r.level),
    scheme: r.scheme ?? null,
    relation: r.relation ?? 'overlaps',
    additive: r.additive === true,
    onlyAfter: r.onlyAfter ? [...r.onlyAfter] : null,
    conditionText: r.conditionText,
    verdict: r.verdict,
    procedure: r.procedure,
    basis: citedOn(r.basis, isoDate),
  }));
}
