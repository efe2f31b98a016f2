import path from 'node:path';
import { openDatabase, type Database } from '../server/db/database.ts';
import type { Queryable } from '../server/db/types.ts';
import { loadLayerVersion } from '../server/layers/loader.ts';
import { ensureTileGeometry } from '../server/layers/tile-geometry.ts';
import { BENCH_LAYER_PREFIX, type BenchDataset } from './dataset.ts';
import type { ScaleSpec } from './dataset/scale.ts';

export interface BenchDatabaseConfig {
  /** Set: that PostgreSQL + PostGIS server. Unset: embedded PGlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
}

export function benchDatabaseConfig(spec: ScaleSpec): BenchDatabaseConfig {
  return { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: path.resolve('bench/.data', spec.name) };
}

const noteOf = (checksum: string) => `bench dataset layer sha256:${checksum}`;

/**
 * Brings the bench layers into the database: a layer whose current version was loaded from the same
 * generated data (its checksum is in the version note) is reused, anything else is loaded as a new
 * version. Older versions of bench layers are dropped so that they do not sit in the GiST index, and
 * the tables are ANALYZEd (PGlite has no autovacuum to do it).
 */
export async function loadBenchLayers(config: BenchDatabaseConfig, dataset: BenchDataset, log: (msg: string) => void): Promise<{ loadedAny: boolean }> {
  const db = await openDatabase({ ...config, poolMax: 1 });
  let loadedAny = false;
  try {
    for (const layer of dataset.layers) {
      const { rows } = await db.pool.query<{ note: string | null }>(
        `SELECT v.note FROM layers l JOIN layer_versions v ON v.layer_id = l.id AND v.version = l.current_version WHERE l.id = $1`,
        [layer.entry.id],
      );
      if (rows[0]?.note === noteOf(layer.checksum)) {
        log(`  ${layer.entry.id}: reused (checksum ${layer.checksum.slice(0, 12)} matches)`);
        const started = Date.now();
        const { rows: current } = await db.pool.query<{ v: number }>('SELECT current_version AS v FROM layers WHERE id = $1', [layer.entry.id]);
        if (await ensureTileGeometry(db.pool, layer.entry.id, current[0].v)) {
          log(`  ${layer.entry.id}: tile geometry built in ${((Date.now() - started) / 1000).toFixed(1)} s (a version loaded before it existed)`);
          loadedAny = true;
        }
        continue;
      }
      const started = Date.now();
      const heartbeat = setInterval(() => log(`  … ${layer.entry.id}: loading, ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
      try {
        const result = await loadLayerVersion(db.pool, layer.entry, layer.collection, noteOf(layer.checksum));
        log(`  ${layer.entry.id}: ${result.loaded ? `loaded as version ${result.version}` : 'already current'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        loadedAny ||= result.loaded;
      } finally {
        clearInterval(heartbeat);
      }
    }
    if (loadedAny) {
      await pruneOldBenchVersions(db, log);
      const started = Date.now();
      await db.pool.query('ANALYZE layers, layer_versions, features, feature_parts, feature_tile_geoms');
      log(`  ANALYZE in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await warnAboutOtherLayers(db, log);
  } finally {
    await db.close();
  }
  return { loadedAny };
}

async function pruneOldBenchVersions(db: Database, log: (msg: string) => void): Promise<void> {
  const parts = await db.pool.query(
    `DELETE FROM feature_parts p USING layers l WHERE p.layer_id = l.id AND starts_with(l.id, $1) AND p.version <> l.current_version`,
    [BENCH_LAYER_PREFIX],
  );
  await db.pool.query(
    `DELETE FROM feature_tile_geoms t USING layers l WHERE t.layer_id = l.id AND starts_with(l.id, $1) AND t.version <> l.current_version`,
    [BENCH_LAYER_PREFIX],
  );
  const features = await db.pool.query(
    `DELETE FROM features f USING layers l WHERE f.layer_id = l.id AND starts_with(l.id, $1) AND f.version <> l.current_version`,
    [BENCH_LAYER_PREFIX],
  );
  if ((parts.rowCount ?? 0) + (features.rowCount ?? 0) > 0) {
    log(`  dropped ${features.rowCount} features / ${parts.rowCount} parts of older bench versions`);
    await db.pool.query('VACUUM features, feature_parts, feature_tile_geoms');
  }
}

/** Other checked layers in the same database are checked too and would distort the figures. */
async function warnAboutOtherLayers(db: Database, log: (msg: string) => void): Promise<void> {
  const { rows } = await db.pool.query<{ id: string }>(
    `SELECT id FROM layers WHERE checked AND current_version IS NOT NULL AND NOT starts_with(id, $1) ORDER BY id`,
    [BENCH_LAYER_PREFIX],
  );
  if (rows.length > 0) log(`  WARNING: other checked layers are in this database and take part in every check: ${rows.map((r) => r.id).join(', ')}`);
}

export async function describeDatabase(db: Queryable, mode: Database['mode']): Promise<string> {
  const { rows } = await db.query<{ pg: string; postgis: string }>(
    `SELECT current_setting('server_version') AS pg, postgis_lib_version() || ' (GEOS ' || postgis_geos_version() || ', PROJ ' || split_part(postgis_proj_version(), ' ', 1) || ')' AS postgis`,
  );
  return `${mode === 'embedded' ? 'embedded PGlite' : 'PostgreSQL server'} ${rows[0].pg}, PostGIS ${rows[0].postgis}`;
}
