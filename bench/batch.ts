/**
 * `npm run bench -- --batch [--scale small|province] [--sites N]`: the batch check of a project pool
 * (issue 16). The seeded bench dataset and sites (1,000 by default), one GeoJSON pool uploaded through
 * POST /api/batch, then the time from the upload's 202 to the batch's finishedAt. Ends with
 * `BENCH_BATCH sites= seconds= checks_per_s= db=`. A benchmark: it never fails CI.
 */
import os from 'node:os';
import { createUser } from '../server/auth/users.ts';
import { startServer } from '../server/main.ts';
import { benchDatabaseConfig, describeDatabase, loadBenchLayers } from './database.ts';
import { generateDataset } from './dataset.ts';
import type { ScaleSpec } from './dataset/scale.ts';
import { generateSites } from './sites.ts';

const PASSWORD = 'bench-batch-password';

export async function runBatchBench(spec: ScaleSpec, siteCount: number, log: (msg?: string) => void): Promise<void> {
  log(`# Redline Map batch benchmark — scale ${spec.name}, ${siteCount} sites; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
  const dataset = generateDataset({ ...spec, sites: siteCount }, log);
  const sites = generateSites({ ...spec, sites: siteCount }, dataset.layers[0].collection).slice(0, siteCount);
  const config = benchDatabaseConfig(spec);
  await loadBenchLayers(config, dataset, log);
  const server = await startServer({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, port: 0, loadReferenceData: false, logLevel: 'silent' });
  try {
    log(`  database: ${await describeDatabase(server.db.pool, server.db.mode)}`);
    const username = `bench_batch_${Date.now().toString(36)}`;
    await createUser(server.db.pool, { username, password: PASSWORD, role: 'applicant' });
    const base = server.url.replace(/\/$/, '');
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const pool = {
      type: 'FeatureCollection',
      features: sites.map((s) => ({ type: 'Feature', properties: { name: s.id, ...s.project }, geometry: s.geometry })),
    };
    const form = new FormData();
    form.append('file', new Blob([JSON.stringify(pool)], { type: 'application/geo+json' }), 'bench-pool.geojson');
    form.append('bufferM', String(sites[0].bufferM));
    const upload = await fetch(`${base}/api/batch`, { method: 'POST', body: form, headers: { cookie, 'X-CSRF-Token': csrfToken } });
    if (upload.status !== 202) throw new Error(`upload → ${upload.status} ${await upload.text()}`);
    const { id } = (await upload.json()) as { id: number };
    const started = performance.now();
    let status: { status: string; done: number; failed: number; total: number; startedAt: string; finishedAt: string | null };
    for (;;) {
      status = await (await fetch(`${base}/api/batch/${id}`, { headers: { cookie } })).json();
      if (!['queued', 'running'].includes(status.status)) break;
      log(`  … ${status.done}/${status.total}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
      await new Promise((r) => setTimeout(r, 2000));
    }
    const seconds = (Date.parse(status.finishedAt!) - Date.parse(status.startedAt)) / 1000;
    log(`  ${status.status}: ${status.done} checked, ${status.failed} in error, ${seconds.toFixed(1)} s`);
    log(`BENCH_BATCH sites=${status.total} seconds=${seconds.toFixed(1)} checks_per_s=${(status.done / seconds).toFixed(1)} db=${server.db.mode === 'embedded' ? 'pglite' : 'postgresql'}`);
  } finally {
    await server.stop();
  }
}
