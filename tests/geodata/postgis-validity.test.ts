import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog, readDemoProjects, readLayer } from './read-geodata.ts';

/**
 * GEOS has the last word on validity (the loader refuses what ST_IsValid rejects), so every file
 * geometry goes through ST_IsValid in an in-memory PostGIS, independently of the app and its loader.
 */
let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create({ extensions: { postgis } });
  await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
}, 120_000);
afterAll(async () => db?.close());

async function invalidIn(features: { id: string; geometry: unknown }[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string; reason: string }>(
    `SELECT f->>'id' AS id, ST_IsValidReason(ST_GeomFromGeoJSON(f->>'geometry')) AS reason
       FROM json_array_elements($1::json) f
      WHERE NOT ST_IsValid(ST_GeomFromGeoJSON(f->>'geometry'))`,
    [JSON.stringify(features.map((f) => ({ id: f.id, geometry: JSON.stringify(f.geometry) })))],
  );
  return rows.map((r) => `${r.id}: ${r.reason}`);
}

describe('ST_IsValid', () => {
  for (const e of readCatalog()) {
    it(`${e.id}`, async () => {
      expect(await invalidIn(readLayer(e.id))).toEqual([]);
    }, 60_000);
  }

  it('demo project sites', async () => {
    expect(await invalidIn(readDemoProjects())).toEqual([]);
  });
});
