import type { Bilingual } from '../../../common/bilingual.ts';
import type { NatureReserveScheme } from '../../../common/domain/layer-kinds.ts';
import type { ProjectFacts } from '../project-facts.ts';
import type { Verdict } from '../../../common/domain/verdict.ts';
import type { Basis } from '../../../common/api/check-result.ts';

/** The legal basis and the fired rule are part of the check response (common/api); rules build them. */
export type { Basis, FiredRule } from '../../../common/api/check-result.ts';

/** How the site relates to a layer, as the geometry engine reports it. */
export type Relation = 'overlaps' | 'touches' | 'near';

/** Facts about the site and the layer that are not project attributes. */
export interface RuleContext {
  /** The site cuts an ecological corridor across its full width or leaves less than its design width. */
  severed?: boolean;
  /** Ellipsoidal area of the site (m²); used for "large" urban projects. */
  siteAreaM2?: number;
}

export type Predicate = (project: ProjectFacts, context: RuleContext) => boolean;

/**
 * One row of the decision table.
 *
 * Within one (kind, level, relation), rules are tried in order and the FIRST matching primary rule
 * fires; additive rules that match fire as well (a procedure note, an emphasis, a severance notice).
 */
export interface Rule {
  id: string;
  kind: string;
  /** Levels the rule applies to; omitted = every level of the kind (including features without one). */
  level?: string | readonly string[];
  /** nature_reserve only: the zoning scheme the rule belongs to (see layer-kinds.ts). */
  scheme?: NatureReserveScheme;
  /** Which relation of site to zone the rule is about; default 'overlaps'. */
  relation?: Relation | 'any';
  /** Fires in addition to the primary rule instead of competing with it. */
  additive?: boolean;
  /** Additive rules only: fire only when one of these primary rules fired at the same level. */
  onlyAfter?: readonly string[];
  when: Predicate;
  /** The human-readable form of `when`, for the 规则库 page. */
  conditionText: Bilingual;
  verdict: Verdict;
  procedure: Bilingual;
  basis: Basis;
}
