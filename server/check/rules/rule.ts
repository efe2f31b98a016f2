import type { Bilingual } from '../../http/errors.ts';
import type { InForce, InstrumentKey } from './laws.ts';
import type { NatureReserveScheme } from '../layer-kinds.ts';
import type { ProjectFacts } from '../project-facts.ts';
import type { Verdict } from '../verdict.ts';

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

/** How one citation was checked: against which text, when, and whether the article and wording were seen in it. */
export interface CitationCheck {
  /** True only when the article number and the quoted wording were seen in an official text. */
  verified: boolean;
  /** The text that was checked (or looked for), in words a legal reviewer can follow up. */
  source: string;
  /** ISO date of the check. */
  checkedOn: string;
}

/** The legal basis of a rule: law with book-title marks, article in Chinese form, and its text. */
export interface Basis {
  law: string;
  article: string;
  textZh: string;
  textEn: string;
  /** Which instrument (INSTRUMENTS in laws.ts): its identity and dates in force come from there. */
  instrument: InstrumentKey | null;
  check: CitationCheck;
}

/** A basis as the API shows it: with the instrument's identity and whether it is in force on the day asked. */
export interface CitedBasis extends Basis {
  identity: string;
  inForceFrom: string | null;
  inForceUntil: string | null;
  inForce: InForce;
  /** Why the instrument's currency is unconfirmed, when it is. */
  currencyNote: Bilingual | null;
}

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

/** A rule as it goes into the API response of a check. */
export interface FiredRule {
  id: string;
  verdict: Verdict;
  procedure: Bilingual;
  basis: CitedBasis;
}
