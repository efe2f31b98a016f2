import type { Bilingual } from '../bilingual.ts';
import type { NatureReserveScheme } from '../domain/layer-kinds.ts';
import type { Verdict } from '../domain/verdict.ts';
import type { CitedBasis, Relation } from './check-result.ts';

/** A rule of the decision table as GET /api/rules lists it (the 规则库 page). */
export interface ListedRule {
  id: string;
  kind: string;
  kindLabel: Bilingual | null;
  /** Levels the rule applies to; null = every level of the kind. */
  level: string | string[] | null;
  levelLabels: Bilingual[] | null;
  scheme: NatureReserveScheme | null;
  relation: Relation | 'any';
  additive: boolean;
  onlyAfter: string[] | null;
  conditionText: Bilingual;
  verdict: Verdict;
  procedure: Bilingual;
  basis: CitedBasis;
}
