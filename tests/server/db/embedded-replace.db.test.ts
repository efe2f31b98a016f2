import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { distrustDatabase, openDatabase, type Database } from '../../../server/db/database.ts';

/**
 * PGlite that answered what it cannot have is replaced by a new thread on the same files
 * (embedded.ts superviseWorker): after a 4,000-vertex self-crossing line its overlap query returned
 * no row, the next site failed at once the same way, and the next SELECT went unanswered — the
 * server hung. On a database of its own: the shared test database is not restarted under others.
 */
const embedded = inject('databaseMode') === 'embedded';
const LOST = `SELECT ST_IsSimple(ST_Segmentize(ST_MakeLine(ST_MakePoint(0, 0), ST_MakePoint(1, 0.5)), 0.00000004)) AS simple`;

let db: Database;
let dir: string;
beforeAll(async () => {
  if (!embedded) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-replace-'));
  db = await openDatabase({ dataDir: dir, soleSession: true });
  await db.pool.query('CREATE TABLE kept (n int)');
  await db.pool.query('INSERT INTO kept VALUES (42)');
}, 120_000);
afterAll(async () => {
  await db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const startedAt = async () => (await db.pool.query<{ t: Date }>('SELECT pg_postmaster_start_time() AS t')).rows[0].t.getTime();

describe.runIf(embedded)('the embedded database replaced when it cannot be trusted', () => {
  it('on distrust: statements sent meanwhile wait for the new PGlite, which has every committed row', async () => {
    const before = await startedAt();
    await new Promise((resolve) => setTimeout(resolve, 20));
    distrustDatabase(db.pool, 'test');
    // Sent while the thread is being replaced: they wait, and none fails.
    const answers = await Promise.all(Array.from({ length: 5 }, () => db.pool.query<{ n: number }>('SELECT n FROM kept')));
    expect(answers.map((a) => a.rows[0].n)).toEqual([42, 42, 42, 42, 42]);
    expect(await startedAt()).toBeGreaterThan(before);
  }, 60_000);

  it('after a statement answered with nothing (58000): a new PGlite, the same data', async () => {
    const before = await startedAt();
    const outcome = await db.pool.query(LOST).then(
      () => 'answered',
      (e: { code?: string }) => e.code,
    );
    expect(outcome).toBe('58000');
    const { rows } = await db.pool.query<{ n: number }>('SELECT n FROM kept');
    expect(rows).toEqual([{ n: 42 }]);
    expect(await startedAt()).toBeGreaterThan(before);
  }, 120_000);

  it('does nothing on PostgreSQL or for an object that is no embedded pool', () => {
    expect(() => distrustDatabase({}, 'test')).not.toThrow();
  });
});
