/**
 * The floor of a start (bench/startup.ts): the database alone, in a fresh node process — PGlite +
 * PostGIS opening the app's data directory (argument 1), or a bare `pg` connection to DATABASE_URL —
 * answering `SELECT postgis_full_version()`. Prints `FLOOR_READY` at the answer, then exits.
 */
import path from 'node:path';

const dataDir = process.argv[2];
if (process.env.DATABASE_URL) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query('SELECT postgis_full_version()');
  console.log('FLOOR_READY');
  await client.end();
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: { postgis } });
  await db.query('SELECT postgis_full_version()');
  console.log('FLOOR_READY');
  await db.close();
}
