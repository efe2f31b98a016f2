import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../server/db/database.ts';
import { attempt } from '../../../server/db/savepoint.ts';
import { openTestDatabase } from '../../support/test-db.ts';

/**
 * attempt() keeps a failed statement from failing the caller's transaction (the check's avoidance
 * suggestion, issue 17's 2,000 km² site). The failures are PostgreSQL's own: division by zero is
 * SQLSTATE 22012 on both databases.
 */
let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const anyCode = () => true;

describe('attempt', () => {
  it('in a transaction: the work before it stays, the failed statement is rolled back to, the transaction goes on', async () => {
    const seen = await withTransaction(db.pool, async (client) => {
      await client.query('CREATE TEMP TABLE attempt_probe (n int) ON COMMIT DROP');
      await client.query('INSERT INTO attempt_probe VALUES (1)');
      const tried = await attempt(client, 'probe', anyCode, async () => {
        await client.query('INSERT INTO attempt_probe VALUES (2)');
        return client.query('SELECT 1 / 0');
      });
      expect(tried.ok).toBe(false);
      expect(tried.ok ? null : tried.error.code).toBe('22012');
      return (await client.query<{ n: number }>('SELECT n FROM attempt_probe ORDER BY n')).rows.map((r) => r.n);
    });
    expect(seen).toEqual([1]);
  });

  it('in a transaction: a code it does not accept is thrown, and the transaction fails', async () => {
    await expect(
      withTransaction(db.pool, async (client) => {
        await attempt(client, 'probe', (code) => code === '57014', () => client.query('SELECT 1 / 0'));
      }),
    ).rejects.toMatchObject({ code: '22012' });
    expect((await db.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('on the pool and on a client outside a transaction: the failure is returned, the next statement runs', async () => {
    const onPool = await attempt(db.pool, 'probe', anyCode, () => db.pool.query('SELECT 1 / 0'));
    expect(onPool.ok ? null : onPool.error.code).toBe('22012');
    const client = await db.pool.connect();
    try {
      const onClient = await attempt(client, 'probe', anyCode, () => client.query('SELECT 1 / 0'));
      expect(onClient.ok ? null : onClient.error.code).toBe('22012');
      expect((await client.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
    } finally {
      client.release();
    }
  });

  it('a success returns the value', async () => {
    const tried = await withTransaction(db.pool, (client) => attempt(client, 'probe', anyCode, async () => (await client.query<{ v: number }>('SELECT 7 AS v')).rows[0].v));
    expect(tried).toEqual({ ok: true, value: 7 });
  });
});
