import type { CheckResult } from '../../common/api/check-result.ts';
import type { Verdict } from '../../common/domain/verdict.ts';

/** How one layer's verdict changed between two check runs; null = the layer had no finding then. */
export interface LayerVerdictChange {
  layerId: string;
  kind: string;
  from: Verdict | null;
  to: Verdict | null;
}

const SEVERITY: Record<Verdict, number> = { prohibited: 3, conditional: 2, notice: 1, clear: 0, outside_coverage: -1 };

/**
 * The layers whose verdict differs between an earlier and a later check, most severe first: what
 * a reviewer wants to see after a resubmission ("water source: 禁止 → no longer involved").
 * Only stored verdicts are compared; nothing is re-derived here.
 */
export function verdictChanges(before: CheckResult, after: CheckResult): LayerVerdictChange[] {
  const of = (r: CheckResult) => new Map(r.results.map((x) => [x.layerId, x]));
  const a = of(before);
  const b = of(after);
  const changes: LayerVerdictChange[] = [];
  for (const layerId of new Set([...a.keys(), ...b.keys()])) {
    const from = a.get(layerId)?.verdict ?? null;
    const to = b.get(layerId)?.verdict ?? null;
    if (from === to) continue;
    changes.push({ layerId, kind: (b.get(layerId) ?? a.get(layerId))!.kind, from, to });
  }
  const weight = (c: LayerVerdictChange) => Math.max(c.from ? SEVERITY[c.from] : -1, c.to ? SEVERITY[c.to] : -1);
  return changes.sort((x, y) => weight(y) - weight(x) || x.layerId.localeCompare(y.layerId));
}
