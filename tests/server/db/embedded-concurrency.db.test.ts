import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { withTransaction } from '../../../server/db/database.ts';
import { openTestApp } from '../../support/test-app.ts';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
  await t.db.pool.query('DROP TABLE IF EXISTS concurrency_probe');
  await t.db.pool.query('CREATE TABLE concurrency_probe (tx integer PRIMARY KEY)');
});
afterAll(async () => {
  await t.db.pool.query('DROP TABLE IF EXISTS concurrency_probe');
  await t.close();
});

describe('concurrent use of the database (embedded: one PGlite session behind a pool of one)', () => {
  it('runs 40 overlapping transactions without failures or leaks between them', async () => {
    const N = 40;
    const outcomes = await Promise.allSettled(
      Array.from({ length: N }, (_, i) =>
        withTransaction(t.db.pool, async (client) => {
          // A transaction-local setting: if another transaction's statements ran inside this one
          // (multiplexed session), its set_config would overwrite ours before we read it back.
          await client.query(`SELECT set_config('redline.tx', $1, true)`, [String(i)]);
          await client.query('INSERT INTO concurrency_probe (tx) VALUES ($1)', [i]);
          await client.query('SELECT pg_sleep(0.005)');
          const seen = await client.query<{ tx: string; n: number }>(
            `SELECT current_setting('redline.tx') AS tx, (SELECT count(*)::int FROM concurrency_probe WHERE tx = $1) AS n`,
            [i],
          );
          expect(seen.rows[0]).toEqual({ tx: String(i), n: 1 });
          if (i % 2 === 1) throw new Error(`roll back ${i}`);
          return i;
        }),
      ),
    );
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<number>).value);
    const rejected = outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason));
    expect(fulfilled.sort((a, b) => a - b)).toEqual(Array.from({ length: N / 2 }, (_, k) => 2 * k));
    expect(rejected.every((r) => /roll back \d+/.test(r))).toBe(true);
    const { rows } = await t.db.pool.query<{ tx: number }>('SELECT tx FROM concurrency_probe ORDER BY tx');
    // Exactly the committed ones: rolled-back rows did not survive, committed ones were not lost.
    expect(rows.map((r) => r.tx)).toEqual(fulfilled);
  });

  it('answers 50 concurrent HTTP requests, all 200', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => request(t.app).get(i % 2 ? '/api/health' : '/api/layers')),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
  });
});

describe('recovery after failed statements', () => {
  it('keeps answering after statements fail, inside and outside transactions', async () => {
    for (let i = 0; i < 3; i++) {
      await expect(t.db.pool.query('SELECT 1/0')).rejects.toThrow(/division by zero/);
      expect((await t.db.pool.query('SELECT 41 + 1 AS n')).rows[0].n).toBe(42);
      await expect(withTransaction(t.db.pool, (c) => c.query('SELECT 1/0'))).rejects.toThrow(/division by zero/);
      expect((await t.db.pool.query('SELECT 2 AS n')).rows[0].n).toBe(2);
    }
    const res = await request(t.app).post('/api/check').send({ geometry: { type: 'Point', coordinates: [106.66, 26.4] }, project: { type: 'nope' } });
    expect(res.status).toBe(400);
    expect((await request(t.app).get('/api/health')).status).toBe(200);
  });
});
