import { afterAll, beforeAll, expect, it } from 'vitest';
import { withoutJit, withTransaction, type Database } from '../../../server/db/database.ts';
import { openTestDatabase } from '../../support/test-db.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

// The check's statement is costed above jit_above_cost; with JIT on, PostgreSQL spent 40–90 ms
// compiling it on every check (docs/performance.md).
it('never JIT-compiles: jit = off on a PostgreSQL server; embedded PGlite has no JIT provider', async () => {
  // pg_jit_available(): a JIT provider is loaded and jit is on. PGlite ignores startup options but
  // is built without LLVM, so there it is false with jit left on.
  const jitState = async (client: Pick<Database['pool'], 'query'>) =>
    (await client.query(`SELECT current_setting('jit') AS jit, pg_jit_available() AS available`)).rows[0];
  for (const state of [await jitState(db.pool), await withTransaction(db.pool, (client) => jitState(client))]) {
    expect(state.available).toBe(false);
    if (db.mode === 'external') expect(state.jit).toBe('off');
  }
});

it('adds jit=off to the startup options of a database URL, keeping the options already there', () => {
  const options = (url: string) => new URL(url).searchParams.get('options');
  expect(options(withoutJit('postgres://u@h:5432/db'))).toBe('-c jit=off');
  expect(options(withoutJit('postgres://u:p%40ss@h/db?options=-c%20search_path%3Dx&sslmode=disable'))).toBe('-c search_path=x -c jit=off');
  expect(new URL(withoutJit('postgres://u:p%40ss@h/db?sslmode=disable')).password).toBe('p%40ss');
});
