import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_CANCELED, withStatementTimeout, type Database } from '../../../server/db/database.ts';
import { openTestDatabase } from '../../support/test-db.ts';

/**
 * Issue 11 row 5: a check's statements run under a per-statement time limit (SET LOCAL, sent with the
 * BEGIN in one round trip), which ends with the transaction. PGlite accepts the setting without a
 * timer to enforce it, so the cancel itself is asserted on PostgreSQL only.
 */
let db: Database;

describe('withStatementTimeout', () => {
  beforeAll(async () => {
    db = await openTestDatabase();
  }, 400_000);
  afterAll(async () => db?.close());

  it('sets the limit for the transaction only, and the connection goes back without it', async () => {
    const inside = await withStatementTimeout(db.pool, 1234, async (c) => (await c.query('SHOW statement_timeout')).rows[0].statement_timeout);
    expect(inside).toBe('1234ms');
    const after = (await db.pool.query('SHOW statement_timeout')).rows[0].statement_timeout;
    expect(after).toBe('0');
  });

  it.runIf(process.env.DATABASE_URL)('cancels a statement past the limit with SQLSTATE 57014 (PostgreSQL)', async () => {
    const outcome = await withStatementTimeout(db.pool, 50, (c) => c.query('SELECT pg_sleep(2)')).then(() => 'finished', (e: { code?: string }) => e.code);
    expect(outcome).toBe(QUERY_CANCELED);
    expect((await db.pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
  });
});
