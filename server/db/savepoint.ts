import { inTransaction } from './database.ts';
import type { Queryable } from './types.ts';

/** A statement's failure as the database reported it (with its SQLSTATE). */
type StatementError = Error & { code: string };

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: StatementError };

const isStatementError = (e: unknown): e is StatementError => {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
};

/**
 * Runs `work` so that a failing statement in it does not fail the caller's transaction: the
 * failure is returned, not thrown, when `accept` takes its SQLSTATE. In withTransaction's
 * transaction the work runs under a SAVEPOINT that is rolled back to on failure; elsewhere (the
 * pool, a client outside a transaction) each statement stands alone and there is nothing to
 * protect. The savepoint is not released: COMMIT drops it, and a release
 * would cost a round trip on every success. Errors without a SQLSTATE (a lost connection) and the
 * ones `accept` refuses are thrown as they are.
 */
export async function attempt<T>(db: Queryable, name: string, accept: (code: string) => boolean, work: () => Promise<T>): Promise<Attempt<T>> {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not a savepoint name: ${name}`);
  const savepoint = inTransaction(db);
  if (savepoint) await db.query(`SAVEPOINT ${name}`);
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    if (!isStatementError(e) || !accept(e.code)) throw e;
    if (savepoint) await db.query(`ROLLBACK TO SAVEPOINT ${name}`);
    return { ok: false, error: e };
  }
}
