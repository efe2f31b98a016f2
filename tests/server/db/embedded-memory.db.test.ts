import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { embeddedMemoryFrom } from '../../../server/config.ts';
import type { Database } from '../../../server/db/database.ts';
import { openTestDatabase } from '../../support/test-db.ts';

/**
 * The embedded database's memory (issue 11, the fuzz run's RSS bound; docs/security-fuzz-load.md):
 * PGlite gets PostGIS without its sibling extensions, whose .so files it compiled and kept at every
 * start (postgis-core.ts), and a bounded page cache and index-build memory.
 */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const embedded = inject('databaseMode') === 'embedded';

it.runIf(embedded)('offers PostGIS alone: raster, topology and the geocoder are not loaded into the embedded database', async () => {
  const { rows } = await db.pool.query<{ name: string }>(`SELECT name FROM pg_available_extensions WHERE name LIKE 'postgis%' OR name = 'address_standardizer' ORDER BY name`);
  expect(rows.map((r) => r.name)).toEqual(['postgis']);
  // … and PostGIS itself works, projections included (proj.db is in the bundle).
  const { rows: [p] } = await db.pool.query<{ x: number }>(`SELECT round(ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(106.6, 26.4), 4490), 4524))::numeric, 0)::float AS x`);
  expect(p.x).toBeGreaterThan(36_000_000);
});

it.runIf(embedded)('starts PGlite with a 32 MB page cache and 16 MB for an index build (PostgreSQL: 128 MB and 64 MB)', async () => {
  const { rows } = await db.pool.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM unnest(ARRAY['shared_buffers', 'maintenance_work_mem']) AS name ORDER BY name`,
  );
  expect(Object.fromEntries(rows.map((r) => [r.name, r.setting]))).toEqual({ maintenance_work_mem: '16MB', shared_buffers: '32MB' });
});

it('reads the two settings from the environment and refuses a size that is not a positive integer', () => {
  expect(embeddedMemoryFrom({})).toEqual({ sharedBuffersMb: 32, maintenanceWorkMemMb: 16 });
  expect(embeddedMemoryFrom({ EMBEDDED_SHARED_BUFFERS_MB: '128', EMBEDDED_MAINTENANCE_WORK_MEM_MB: '64' })).toEqual({ sharedBuffersMb: 128, maintenanceWorkMemMb: 64 });
  expect(() => embeddedMemoryFrom({ EMBEDDED_SHARED_BUFFERS_MB: '0' })).toThrow(/EMBEDDED_SHARED_BUFFERS_MB/);
  expect(() => embeddedMemoryFrom({ EMBEDDED_MAINTENANCE_WORK_MEM_MB: '1.5' })).toThrow(/EMBEDDED_MAINTENANCE_WORK_MEM_MB/);
});
