import type { Bilingual } from '../bilingual.ts';

/**
 * The four verdicts of the conflict check, most severe first (rules.md, preface):
 * 禁止 > 有条件允许 (a named procedure) > 提示 > 无冲突; and 未覆盖 for a site wholly outside the
 * area the data covers (no rule gives it: the absence of zones there says nothing).
 */
export const VERDICTS = ['prohibited', 'conditional', 'notice', 'clear', 'outside_coverage'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, Bilingual> = {
  prohibited: { zh: '禁止', en: 'Prohibited' },
  conditional: { zh: '有条件允许', en: 'Conditional' },
  notice: { zh: '提示', en: 'Notice' },
  clear: { zh: '无冲突', en: 'Clear' },
  outside_coverage: { zh: '未覆盖', en: 'Outside coverage' },
};

/** 3 for prohibited … 0 for clear: higher is more severe. */
export function severity(verdict: Verdict): number {
  return VERDICTS.length - 1 - VERDICTS.indexOf(verdict);
}

/** Sort comparator putting the most severe verdict first. */
export function bySeverityDesc(a: Verdict, b: Verdict): number {
  return severity(b) - severity(a);
}

/** The most severe of the verdicts given; `clear` when none are given (nothing fired). */
export function mostSevere(...verdicts: Verdict[]): Verdict {
  let worst: Verdict = 'clear';
  for (const v of verdicts) if (severity(v) > severity(worst)) worst = v;
  return worst;
}

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}
