import { isOverdue, workingDaysBetween } from '../../common/domain/working-days.ts';
import { VERDICTS } from '../../common/domain/verdict.ts';
import type { ReviewQueues } from '../../common/api/projects.ts';

/** What the queue figures need of one project (dashboard rows, not archived). */
export interface QueueRow {
  status: string;
  verdict: string | null;
  areaM2: number;
  submittedAt: Date | null;
  decidedAt: Date | null;
  /** The project's first submission (intake), null if never submitted. */
  firstSubmittedAt: Date | null;
}

/** China calendar month of a time, 'YYYY-MM'. */
const chinaMonth = (t: Date) => new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

/** The `count` months ending with the month of `now`, oldest first. */
function lastMonths(now: Date, count: number): string[] {
  const [y, m] = chinaMonth(now).split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

const mean = (xs: number[]) => (xs.length ? Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10 : null);

/**
 * Waiting time and overdue count of the projects under review (submitted: from their latest
 * submission — a 补正 restarts the clock), decision times of those decided since, area in 公顷 by
 * verdict and the monthly intake (first submissions), all at `now` against `deadlineWorkingDays`.
 */
export function reviewQueues(rows: QueueRow[], now: Date, deadlineWorkingDays: number, months = 12): ReviewQueues {
  const waiting = rows.filter((r) => r.status === 'submitted' && r.submittedAt).map((r) => workingDaysBetween(r.submittedAt!, now));
  const decided = rows
    .filter((r) => ['approved', 'rejected', 'revision_requested'].includes(r.status) && r.submittedAt && r.decidedAt && r.decidedAt >= r.submittedAt)
    .map((r) => workingDaysBetween(r.submittedAt!, r.decidedAt!));
  const areaHaByVerdict: Record<string, number> = Object.fromEntries([...VERDICTS, 'none'].map((v) => [v, 0]));
  for (const r of rows) areaHaByVerdict[r.verdict ?? 'none'] += r.areaM2 / 10_000;
  for (const v of Object.keys(areaHaByVerdict)) areaHaByVerdict[v] = Math.round(areaHaByVerdict[v] * 100) / 100;
  const monthKeys = lastMonths(now, months);
  const intake = new Map(monthKeys.map((m) => [m, 0]));
  for (const r of rows) {
    if (!r.firstSubmittedAt) continue;
    const m = chinaMonth(r.firstSubmittedAt);
    if (intake.has(m)) intake.set(m, intake.get(m)! + 1);
  }
  return {
    deadlineWorkingDays,
    waiting: {
      count: waiting.length,
      overdue: waiting.filter((d) => isOverdue(d, deadlineWorkingDays)).length,
      meanWorkingDays: mean(waiting),
      maxWorkingDays: waiting.length ? Math.max(...waiting) : null,
    },
    decided: {
      count: decided.length,
      late: decided.filter((d) => isOverdue(d, deadlineWorkingDays)).length,
      meanWorkingDays: mean(decided),
    },
    areaHaByVerdict,
    monthlyIntake: [...intake].map(([month, count]) => ({ month, count })),
  };
}
