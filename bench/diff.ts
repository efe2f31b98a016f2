/**
 * `npm run bench -- --diff [--scale small|province]`: the diff of two versions of a layer (issue 14)
 * on the bench dataset's largest layer. Two new versions are derived from the current one in SQL —
 * 1 % of features changed (1/300 removed, 1/300 re-levelled, 1/300 shrunk to 90 %, plus 1/300 added)
 * — one with the other 99 % copied exactly, one with every geometry moved by 1e-9° as a re-projected
 * republish would (each pair then goes through the Hausdorff tolerance test). Times diffVersions (the
 * code GET /api/layers/:id/diff runs) for both, removes the versions again and ends with one
 * `BENCH_DIFF` line. A benchmark: it never fails CI.
 */
import os from 'node:os';
import { openDatabase } from '../server/db/database.ts';
import { diffVersions } from '../server/ledger/diff.ts';
import { benchDatabaseConfig, describeDatabase, loadBenchLayers } from './database.ts';
import { generateDataset } from './dataset.ts';
import type { ScaleSpec } from './dataset/scale.ts';

const DERIVE = (noise: boolean, base: number, version: number) => `
  WITH src AS (SELECT f.*, row_number() OVER (ORDER BY f.id) AS n FROM features f WHERE f.layer_id = $1 AND f.version = ${base})
  INSERT INTO features (layer_id, version, feature_key, name, level, properties, geom, area_m2)
  SELECT layer_id, ${version}, feature_key, name,
         CASE WHEN n % 300 = 1 THEN (CASE WHEN level IS NULL THEN 'core' ELSE NULL END) ELSE level END,
         properties, g, ST_Area(g::geography)
    FROM (SELECT src.*, CASE WHEN n % 300 = 2 THEN ST_Scale(geom, ST_MakePoint(0.9, 0.9), ST_Centroid(geom))
                             ELSE ${noise ? 'ST_Translate(geom, 1e-9, 1e-9)' : 'geom'} END AS g FROM src WHERE n % 300 <> 0) x
  UNION ALL
  SELECT layer_id, ${version}, 'bench-added-' || feature_key, name, level, properties, g, ST_Area(g::geography)
    FROM (SELECT src.*, ST_Translate(geom, 0.02, 0.02) AS g FROM src WHERE n % 300 = 3) y`;

export async function runDiffBench(spec: ScaleSpec, log: (msg?: string) => void): Promise<void> {
  log(`# Redline Map diff benchmark — scale ${spec.name}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
  const dataset = generateDataset(spec, log);
  const config = benchDatabaseConfig(spec);
  await loadBenchLayers(config, dataset, log);
  const db = await openDatabase({ ...config, poolMax: 2 });
  const layer = [...dataset.layers].sort((a, b) => b.polygons - a.polygons)[0].entry.id;
  const created: number[] = [];
  try {
    log(`  database: ${await describeDatabase(db.pool, db.mode)}`);
    const { rows } = await db.pool.query<{ v: number; n: number }>(
      `SELECT l.current_version AS v, (SELECT count(*)::int FROM features f WHERE f.layer_id = l.id AND f.version = l.current_version) AS n FROM layers l WHERE l.id = $1`,
      [layer],
    );
    const { v: base, n } = rows[0];
    log(`  layer ${layer}: version ${base}, ${n.toLocaleString('en')} polygons`);
    const results: { label: string; seconds: number; changed: number }[] = [];
    for (const noise of [false, true]) {
      const { rows: next } = await db.pool.query<{ v: number }>('SELECT MAX(version) + 1 AS v FROM layer_versions WHERE layer_id = $1', [layer]);
      const version = next[0].v;
      await db.pool.query(
        `INSERT INTO layer_versions (layer_id, version, feature_count, checksum, source, note)
         SELECT layer_id, ${Number(version)}, feature_count, 'bench-diff', '{}', 'bench diff (removed again)' FROM layer_versions WHERE layer_id = $1 AND version = $2`,
        [layer, base],
      );
      created.push(version);
      await db.pool.query(DERIVE(noise, Number(base), Number(version)), [layer]);
      await db.pool.query('ANALYZE features');
      const label = noise ? 'every geometry moved by 1e-9° (re-projected republish)' : '99 % copied exactly';
      const t0 = performance.now();
      const diff = await diffVersions(db.pool, layer, base, version);
      const seconds = (performance.now() - t0) / 1000;
      const changed = diff.added.length + diff.removed.length + diff.changed.length;
      log(`  diff v${base} → v${version}, ${label}: ${seconds.toFixed(2)} s — ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed; gained ${(diff.gainedM2 / 1e4).toFixed(1)} ha, lost ${(diff.lostM2 / 1e4).toFixed(1)} ha`);
      results.push({ label: noise ? 'reprojected' : 'exact', seconds, changed });
    }
    log(`BENCH_DIFF polygons=${n} ${results.map((r) => `${r.label}_s=${r.seconds.toFixed(2)} ${r.label}_changed=${r.changed}`).join(' ')} db=${db.mode === 'embedded' ? 'pglite' : 'postgresql'}`);
  } finally {
    for (const v of created) {
      await db.pool.query('DELETE FROM features WHERE layer_id = $1 AND version = $2', [layer, v]);
      await db.pool.query('DELETE FROM layer_versions WHERE layer_id = $1 AND version = $2', [layer, v]);
    }
    await db.close();
  }
}
