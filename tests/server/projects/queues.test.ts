import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { workingDaysBetween } from '../../../common/domain/working-days.ts';
import { reviewQueues, type QueueRow } from '../../../server/projects/queues.ts';

/** numpy's business-day count (Mon–Fri) between the China dates, days after `from` through `to`. */
function numpyBusdays(pairs: [string, string][]): number[] {
  const script = `
import json, sys, numpy as np
from datetime import datetime, timedelta, timezone
cn = timezone(timedelta(hours=8))
out = []
for a, b in json.loads(sys.argv[1]):
    da = datetime.fromisoformat(a.replace('Z', '+00:00')).astimezone(cn).date()
    db = datetime.fromisoformat(b.replace('Z', '+00:00')).astimezone(cn).date()
    out.append(int(np.busday_count(da + timedelta(days=1), db + timedelta(days=1))) if db > da else 0)
print(json.dumps(out))`;
  return JSON.parse(execFileSync('python3', ['-c', script, JSON.stringify(pairs)], { encoding: 'utf8' }));
}

describe('working days (工作日) in China time', () => {
  it('agrees with numpy.busday_count over weekends, month ends and the UTC/China date line', () => {
    const pairs: [string, string][] = [
      ['2026-11-06T02:00:00Z', '2026-11-09T02:00:00Z'], // Friday → Monday: 1
      ['2026-11-06T17:00:00Z', '2026-11-09T02:00:00Z'], // 01:00 Saturday in China → Monday: 1
      ['2026-11-02T01:00:00Z', '2026-11-02T09:00:00Z'], // same day: 0
      ['2026-10-01T00:00:00Z', '2026-12-02T12:00:00Z'],
      ['2025-12-29T03:00:00Z', '2026-02-27T03:00:00Z'],
      ['2026-11-09T00:00:00Z', '2026-11-01T00:00:00Z'], // backwards: 0
    ];
    const expected = numpyBusdays(pairs);
    expect(expected.slice(0, 3)).toEqual([1, 1, 0]);
    expect(pairs.map(([a, b]) => workingDaysBetween(new Date(a), new Date(b)))).toEqual(expected);
  }, 60_000); // python and numpy start slowly on a loaded machine
});

describe('review queues at a fixed clock', () => {
  const now = new Date('2026-12-02T04:00:00Z'); // Wednesday 12:00 in China
  const row = (r: Partial<QueueRow>): QueueRow => ({ status: 'draft', verdict: null, areaM2: 0, submittedAt: null, decidedAt: null, firstSubmittedAt: null, ...r });
  const rows: QueueRow[] = [
    // Submitted Wednesday 4 Nov: 20 working days by 2 Dec — on the deadline, not over it.
    row({ status: 'submitted', verdict: 'clear', areaM2: 20_000, submittedAt: new Date('2026-11-04T02:00:00Z'), firstSubmittedAt: new Date('2026-11-04T02:00:00Z') }),
    // Submitted Tuesday 3 Nov: 21 working days — overdue.
    row({ status: 'submitted', verdict: 'prohibited', areaM2: 15_000, submittedAt: new Date('2026-11-03T02:00:00Z'), firstSubmittedAt: new Date('2026-10-20T02:00:00Z') }),
    // Submitted yesterday: 1.
    row({ status: 'submitted', verdict: 'conditional', areaM2: 5_000, submittedAt: new Date('2026-12-01T02:00:00Z'), firstSubmittedAt: new Date('2026-12-01T02:00:00Z') }),
    // Decided: 5 working days (Mon 2 Nov → Mon 9 Nov), and 25 (late).
    row({ status: 'approved', verdict: 'clear', areaM2: 10_000, submittedAt: new Date('2026-11-02T02:00:00Z'), decidedAt: new Date('2026-11-09T08:00:00Z'), firstSubmittedAt: new Date('2026-11-02T02:00:00Z') }),
    row({ status: 'rejected', verdict: 'prohibited', areaM2: 1_234, submittedAt: new Date('2026-09-01T02:00:00Z'), decidedAt: new Date('2026-10-06T02:00:00Z'), firstSubmittedAt: new Date('2026-09-01T02:00:00Z') }),
    // A draft is no one's queue; a resubmitted project's old decision is not a decision time.
    row({ status: 'draft', areaM2: 3_000 }),
    // Intake outside the 12 months is not charted.
    row({ status: 'approved', verdict: 'notice', submittedAt: new Date('2025-06-01T02:00:00Z'), decidedAt: new Date('2025-06-03T02:00:00Z'), firstSubmittedAt: new Date('2025-06-01T02:00:00Z') }),
  ];

  it('counts waiting time and overdue reviews from the submission times', () => {
    const q = reviewQueues(rows, now, 20);
    expect(q.deadlineWorkingDays).toBe(20);
    expect(q.waiting).toEqual({ count: 3, overdue: 1, meanWorkingDays: 14, maxWorkingDays: 21 });
    // A shorter deadline makes the 20-day one overdue too; the clock moving on a week adds 5 days.
    expect(reviewQueues(rows, now, 19).waiting.overdue).toBe(2);
    expect(reviewQueues(rows, new Date('2026-12-09T04:00:00Z'), 20).waiting).toEqual({ count: 3, overdue: 2, meanWorkingDays: 19, maxWorkingDays: 26 });
  });

  it('measures decisions from submission to decision, and flags the late ones', () => {
    // 1 Sep (Tue) → 6 Oct (Tue): 25 weekdays; 1 Jun 2025 (Sun) → 3 Jun (Tue): 2.
    expect(reviewQueues(rows, now, 20).decided).toEqual({ count: 3, late: 1, meanWorkingDays: 10.7 });
  });

  it('sums area in 公顷 by verdict and charts the monthly intake by first submission', () => {
    const q = reviewQueues(rows, now, 20);
    expect(q.areaHaByVerdict).toEqual({ prohibited: 1.62, conditional: 0.5, notice: 0, clear: 3, outside_coverage: 0, none: 0.3 });
    expect(q.monthlyIntake).toHaveLength(12);
    expect(q.monthlyIntake[0]).toEqual({ month: '2026-01', count: 0 });
    expect(q.monthlyIntake.slice(-4)).toEqual([
      { month: '2026-09', count: 1 },
      { month: '2026-10', count: 1 },
      { month: '2026-11', count: 2 },
      { month: '2026-12', count: 1 },
    ]);
  });
});
