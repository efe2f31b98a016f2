import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_CANCELED, withBoundedReads } from '../../../server/db/database.ts';
import { openTestDatabase } from '../../support/test-db.ts';

/**
 * withBoundedReads, the check's hold on the database. On the embedded database it sends no
 * BEGIN/COMMIT (two round trips a check does not need there): what keeps a check's statements
 * reading one state is that it holds the only session — a write from another request waits until
 * the check is done. On PostgreSQL each statement keeps its time limit.
 */
let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  db = await openTestDatabase();
  await db.pool.query('CREATE TABLE IF NOT EXISTS bounded_reads_probe (n int)');
  await db.pool.query('TRUNCATE bounded_reads_probe');
});
afterAll(async () => {
  await db.pool.query('DROP TABLE IF EXISTS bounded_reads_probe');
  await db.close();
});

const count = async (q: { query: typeof db.pool.query }) => Number((await q.query('SELECT count(*) AS n FROM bounded_reads_probe')).rows[0].n);

describe('withBoundedReads', () => {
  it('embedded: a write sent while a check holds the session lands after it, not between its statements', async (ctx) => {
    if (db.mode !== 'embedded') ctx.skip();
    let write: Promise<unknown> | undefined;
    const seen = await withBoundedReads(db.pool, 10_000, async (client) => {
      const before = await count(client);
      write = db.pool.query('INSERT INTO bounded_reads_probe VALUES (1)');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return [before, await count(client)];
    });
    expect(seen).toEqual([0, 0]);
    await write;
    expect(await count(db.pool)).toBe(1);
  });

  it('embedded: no transaction is open around the statements (each gets a transaction id of its own)', async (ctx) => {
    if (db.mode !== 'embedded') ctx.skip();
    const xids = await withBoundedReads(db.pool, 10_000, async (client) => {
      const xid = async () => (await client.query('SELECT pg_current_xact_id()::text AS x')).rows[0].x as string;
      return [await xid(), await xid()];
    });
    expect(xids[0]).not.toBe(xids[1]);
  });

  it('PostgreSQL: a statement past the limit is cancelled (57014)', async (ctx) => {
    if (db.mode !== 'external') ctx.skip();
    await expect(withBoundedReads(db.pool, 100, (client) => client.query('SELECT pg_sleep(1)'))).rejects.toMatchObject({ code: QUERY_CANCELED });
  });
});
