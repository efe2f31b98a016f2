import { NO_LEVEL, normalizeLevel, natureReserveScheme, natureReserveSchemeOfLevel, type NatureReserveScheme } from '../../common/domain/layer-kinds.ts';
import type { ProjectAttributes } from '../../common/domain/development.ts';
import { deriveProjectFacts, type ProjectFacts } from './project-facts.ts';
import { MANUAL_REVIEW_RULE, rulesForKind } from './rules.ts';
import { citedOn } from './rules/citation.ts';
import type { FiredRule, Relation, Rule, RuleContext } from './rules/rule.ts';
import { bySeverityDesc, mostSevere, type Verdict } from '../../common/domain/verdict.ts';

export interface EvaluationContext extends RuleContext {
  /**
   * The layer's declared levels (the catalog's `layers.levels`). Only nature reserves use it, to
   * tell the legacy 核心区/缓冲区/实验区 scheme from the 2026 核心保护区/一般控制区 scheme; when
   * absent, the levels of the features involved are used instead.
   */
  layerLevels?: readonly string[];
  /** ISO date the check is made on: whether each cited instrument is in force is judged on it (default: today). */
  checkDate?: string;
}

export interface LayerEvaluationInput {
  kind: string;
  /** Levels of the features involved; null / undefined / '' = a feature without a level. */
  levels: readonly (string | null | undefined)[];
  relation: Relation;
  project: ProjectAttributes;
  context?: EvaluationContext;
}

export interface LayerEvaluation {
  verdict: Verdict;
  /** The level that produced the most severe verdict; null for a feature without a level. */
  level: string | null;
  rules: FiredRule[];
}

const appliesToLevel = (rule: Rule, level: string) =>
  rule.level === undefined || (typeof rule.level === 'string' ? rule.level === level : rule.level.includes(level));

const appliesToRelation = (rule: Rule, relation: Relation) => (rule.relation ?? 'overlaps') === relation || rule.relation === 'any';

interface LevelOutcome {
  level: string;
  verdict: Verdict;
  fired: Rule[];
}

/** Decision-table semantics for one level: the first matching primary rule, plus matching additive rules. */
function evaluateLevel(
  kindRules: readonly Rule[],
  level: string,
  relation: Relation,
  project: ProjectFacts,
  context: RuleContext,
  scheme: NatureReserveScheme | undefined,
): LevelOutcome {
  const applicable = kindRules.filter(
    (r) => appliesToLevel(r, level) && appliesToRelation(r, relation) && (r.scheme === undefined || r.scheme === scheme),
  );
  const primary = applicable.find((r) => !r.additive && r.when(project, context));
  const additives = applicable.filter(
    (r) => r.additive && (r.onlyAfter === undefined || (primary !== undefined && r.onlyAfter.includes(primary.id))) && r.when(project, context),
  );
  const fired = primary ? [primary, ...additives] : additives;
  // An overlap that no rule covers (unknown kind or level) is never silently clear.
  if (!primary && relation === 'overlaps') fired.unshift(MANUAL_REVIEW_RULE);
  return { level, verdict: mostSevere(...fired.map((r) => r.verdict)), fired };
}

function declaredRank(declared: readonly string[] | undefined, level: string): number {
  const i = declared?.indexOf(level) ?? -1;
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}

const toFiredRule = ({ id, verdict, procedure, basis }: Rule, checkDate: string): FiredRule => ({ id, verdict, procedure, basis: citedOn(basis, checkDate) });

/**
 * The verdict for one layer: each level involved is evaluated on its own, then merged — the most
 * severe verdict wins, and the fired rules of all levels are listed (most severe level first),
 * each rule id once.
 */
export function evaluateLayer(input: LayerEvaluationInput): LayerEvaluation {
  const project = deriveProjectFacts(input.project);
  const context = input.context ?? {};
  const kindRules = rulesForKind(input.kind);
  const levels = [...new Set(input.levels.map(normalizeLevel))];
  if (levels.length === 0) levels.push(NO_LEVEL);
  const layerScheme = natureReserveScheme(context.layerLevels ?? input.levels);
  const schemeOf = (level: string) => (input.kind === 'nature_reserve' ? natureReserveSchemeOfLevel(level, layerScheme) : undefined);

  const outcomes = levels
    .map((level) => evaluateLevel(kindRules, level, input.relation, project, context, schemeOf(level)))
    // Equal verdicts: the level the catalog declares first (strictest, e.g. grade1 before grade2)
    // names the layer's level, so the answer does not depend on the order features came in.
    .sort((a, b) => bySeverityDesc(a.verdict, b.verdict) || declaredRank(context.layerLevels, a.level) - declaredRank(context.layerLevels, b.level));

  const seen = new Set<string>();
  const rules: FiredRule[] = [];
  for (const rule of outcomes.flatMap((o) => o.fired)) {
    if (seen.has(rule.id)) continue;
    seen.add(rule.id);
    rules.push(toFiredRule(rule, context.checkDate ?? new Date().toISOString()));
  }
  const worst = outcomes[0];
  return { verdict: worst.verdict, level: worst.level === NO_LEVEL ? null : worst.level, rules };
}
