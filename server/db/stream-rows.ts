import pg from 'pg';
import type { Queryable } from './types.ts';

/**
 * A statement's rows, as arrays in column order, handed to `onRow` as they arrive. From a pool, one
 * of its connections is held for the statement and each row is handled while the database is still
 * producing the next ones (PGlite flushes every 8 KB from its own thread; a z6 tile's ~3,000 rows are
 * encoded while it works). A client (in a transaction, or not pooled) gets its rows all at once.
 * A throw from `onRow` fails the call once the statement has run to its end.
 */
export async function streamRows<Row extends unknown[]>(db: Queryable, statement: { text: string; values: unknown[] }, onRow: (row: Row) => void): Promise<void> {
  const config = { text: statement.text, values: statement.values, rowMode: 'array' } as pg.QueryConfig;
  // A client (of a pool or not) has a connect() too: only a pool lends one for the stream.
  if (!(db instanceof pg.Pool)) {
    const { rows } = await db.query<Row>(config);
    rows.forEach(onRow);
    return;
  }
  const client = await db.connect();
  let lost: Error | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed: unknown;
      const query = client.query(new pg.Query<Row>(config));
      query.on('row', (row: Row) => {
        try {
          onRow(row);
        } catch (e) {
          failed ??= e;
        }
      });
      query.on('error', (e: Error & { code?: string }) => {
        // An SQL error leaves the connection in step (pg syncs it); one without a code may not have.
        if (!e.code) lost = e;
        reject(e);
      });
      query.on('end', () => (failed ? reject(failed) : resolve()));
    });
  } finally {
    client.release(lost);
  }
}
