import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../../server/db/database.ts';

/**
 * A statement PGlite ends without any answer (GEOS out of WebAssembly memory) used to leave `pg`
 * waiting for the ReadyForQuery of its Sync for ever, and with it every request behind it on the
 * embedded database's one session (a 50,000-point site wedged the server for good; issue 17).
 * ST_IsSimple of a line of 22 million points is such a statement (≈ 1.6 GB of WebAssembly memory,
 * 5 s): on a database of its own, so that the shared test database keeps its small heap.
 */
const embedded = inject('databaseMode') === 'embedded';
const LOST = `SELECT ST_IsSimple(ST_Segmentize(ST_MakeLine(ST_MakePoint(0, 0), ST_MakePoint(1, 0.5)), 0.00000004)) AS simple`;

let db: Database;
let dir: string;
beforeAll(async () => {
  if (!embedded) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-lost-answer-'));
  db = await openDatabase({ dataDir: dir, soleSession: true });
}, 120_000);
afterAll(async () => {
  await db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.runIf(embedded)('a statement the embedded database ends without an answer', () => {
  it('fails with 58000 instead of hanging, and the session answers the next statement', async () => {
    const outcome = await Promise.race([
      db.pool.query(LOST).then(
        (r) => ({ rows: r.rows }),
        (e: { code?: string }) => ({ code: e.code }),
      ),
      new Promise((resolve) => setTimeout(() => resolve('no answer after 60 s'), 60_000)),
    ]);
    expect(outcome).toEqual({ code: '58000' });
    const { rows } = await db.pool.query<{ one: number }>('SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
  }, 120_000);
});
