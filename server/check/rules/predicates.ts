import type { ProjectType } from '../../../common/domain/development.ts';
import type { ProjectCode, ProjectFacts } from '../project-facts.ts';
import type { Predicate } from './rule.ts';

/** Small combinators so that a rule's `when` reads like its condition text. */

export const always: Predicate = () => true;

export const typeIs =
  (...types: ProjectType[]): Predicate =>
  (p) =>
    types.includes(p.type);

export const codeIs =
  (...codes: ProjectCode[]): Predicate =>
  (p) =>
    codes.includes(p.code);

type BooleanFact = {
  [K in keyof ProjectFacts]-?: ProjectFacts[K] extends boolean ? K : never;
}[keyof ProjectFacts];

export const fact =
  (name: BooleanFact): Predicate =>
  (p) =>
    p[name];

export const not =
  (predicate: Predicate): Predicate =>
  (p, c) =>
    !predicate(p, c);

export const allOf =
  (...predicates: Predicate[]): Predicate =>
  (p, c) =>
    predicates.every((f) => f(p, c));

export const anyOf =
  (...predicates: Predicate[]): Predicate =>
  (p, c) =>
    predicates.some((f) => f(p, c));

/**
 * "Large" urban construction (大规模城镇建设) for the 三线一单 emphasis: a tool convention of 5 公顷,
 * not a legal threshold. An unknown site area counts as large, so the emphasis errs on showing.
 */
const LARGE_URBAN_SITE_M2 = 50_000;

export const largeSite: Predicate = (_p, c) => c.siteAreaM2 === undefined || c.siteAreaM2 >= LARGE_URBAN_SITE_M2;

export const corridorSevered: Predicate = (_p, c) => c.severed === true;
