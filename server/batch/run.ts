import type pg from 'pg';
import type { RowError } from '../../common/api/batch.ts';
import { runCheck } from '../check/engine.ts';
import { isAppError } from '../http/errors.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { pendingRows, saveRowOutcomes, type BatchParams, type PendingRow, type RowOutcome } from './store.ts';

export interface BatchRunOptions {
  /** Checks in flight at once: the pool's connections on PostgreSQL, one on the embedded database. */
  concurrency: number;
}

const checkFailed = (e: unknown): RowError => ({
  code: 'CHECK_FAILED',
  message: { zh: `核查失败（${(e as Error).message}）`, en: `The check failed (${(e as Error).message})` },
});

/**
 * One row = one call of the engine POST /api/check uses (runCheck), with the row's geometry and
 * project and the batch's screening distance; the row keeps exactly what it returns, or the
 * bilingual error it throws (bad geometry, unknown project type …) while the others carry on.
 */
async function checkRow(pool: pg.Pool, row: PendingRow, bufferM: number | undefined): Promise<RowOutcome> {
  try {
    const result = await runCheck(pool, { geometry: row.geometry, project: row.project, ...(bufferM === undefined ? {} : { bufferM }) });
    return { idx: row.idx, result };
  } catch (e) {
    if (isAppError(e)) return { idx: row.idx, error: { code: e.code, message: e.messages } };
    return { idx: row.idx, error: checkFailed(e) };
  }
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping the order of the results. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The batch job: takes the pending rows a chunk at a time, checks them `concurrency` at once and
 * saves each chunk with the job's counters in one statement. Stops when none are left, when the job
 * was cancelled or deleted (seen at each save), or when the server stops — the pending rows are the
 * state from which it resumes at the next start.
 */
export function batchHandler({ concurrency }: BatchRunOptions): JobHandler {
  const chunk = Math.max(8, concurrency * 4);
  return async ({ job, pool, stopping }) => {
    const { bufferM } = job.params as Partial<BatchParams>;
    for (;;) {
      if (stopping()) return;
      const rows = await pendingRows(pool, job.id, chunk);
      if (rows.length === 0) return;
      const outcomes = await mapLimit(rows, concurrency, (row) => checkRow(pool, row, bufferM));
      if (stopping()) return;
      const status = await saveRowOutcomes(pool, job.id, outcomes);
      if (status !== 'running') return;
    }
  };
}
