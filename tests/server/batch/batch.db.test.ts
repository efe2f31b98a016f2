import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import type { Database } from '../../../server/db/database.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { JobRunner } from '../../../server/jobs/runner.ts';
import { openTestDatabase } from '../../support/test-db.ts';
import { login, makeUser, type Session } from '../auth/accounts.ts';
import { generatePool, poolGeoJson } from './pool-fixtures.ts';

/**
 * Batch check of a project pool (issue 16) through the API, with the job runner in this process:
 * every row equals POST /api/check for the same site; bad rows fail alone; one batch per user;
 * cancel stops it; a runner stopped mid-batch (a server stop) leaves it resumable by the next one.
 */
let db: Database;
let jobs: JobRunner;
let app: Express;
let alice: Session;
let bob: Session;
let admin: Session;
const log = createLogger('silent');
// 300 anonymous POST /api/check comparisons in a minute: the per-address check limit off (0) for this test.
const config = { ...loadConfig({ NODE_ENV: 'test', RATE_LIMIT_CHECK: '0' }), logLevel: 'silent' };

function appWith(runner: JobRunner): Express {
  return createApp({ config, db, log, jobs: runner });
}

beforeAll(async () => {
  db = await openTestDatabase();
  jobs = new JobRunner(db.pool, log);
  app = appWith(jobs);
  const suffix = Date.now().toString(36);
  await makeUser(db.pool, `batch_alice_${suffix}`, 'applicant');
  await makeUser(db.pool, `batch_bob_${suffix}`, 'applicant');
  await makeUser(db.pool, `batch_admin_${suffix}`, 'admin');
  alice = await login(app, `batch_alice_${suffix}`);
  bob = await login(app, `batch_bob_${suffix}`);
  admin = await login(app, `batch_admin_${suffix}`);
}, 60_000);

afterAll(async () => {
  await jobs?.stop();
  await db?.close();
});

const upload = (s: Session, file: Buffer, name: string, fields: Record<string, string> = {}) => {
  let req = s.agent.post('/api/batch').set('X-CSRF-Token', s.csrfToken).attach('file', file, name);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req;
};

/** Same comparison for both: the check minus its timestamp. */
const withoutTime = (r: Record<string, unknown>) => ({ ...r, checkedAt: undefined });

describe('batch check of a project pool', () => {
  const sites = generatePool(300);

  it('checks 300 generated sites in the background; each row is exactly what POST /api/check returns', async () => {
    expect((await request(app).post('/api/batch').attach('file', poolGeoJson(sites), 'pool.geojson')).status).toBe(401);

    const created = await upload(alice, poolGeoJson(sites), 'pool.geojson');
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    expect(created.body).toEqual({ id: expect.any(Number), total: 300 });
    const id = created.body.id as number;

    // One batch at a time per user: a second upload while this one runs is refused before it is read.
    const second = await upload(alice, poolGeoJson(sites.slice(0, 3)), 'again.geojson');
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('BATCH_ACTIVE');

    // Progress moves while it runs.
    const seen: number[] = [];
    for (;;) {
      const status = await alice.get(`/api/batch/${id}`);
      expect(status.status).toBe(200);
      seen.push(status.body.done);
      if (status.body.status === 'done') break;
      expect(['queued', 'running']).toContain(status.body.status);
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(seen.some((d) => d > 0 && d < 300), `progress observed: ${seen.join(',')}`).toBe(true);
    await jobs.idle();

    const final = await alice.get(`/api/batch/${id}`);
    expect(final.body).toMatchObject({ id, status: 'done', total: 300, done: 300, failed: 0 });
    expect(final.body.startedAt).toEqual(expect.any(String));
    expect(final.body.finishedAt).toEqual(expect.any(String));
    const v = final.body.summary.verdicts;
    expect(v.prohibited + v.conditional + v.notice + v.clear + v.outside_coverage).toBe(300);
    console.log(`batch verdicts: ${JSON.stringify(v)}`);
    expect(v.prohibited).toBeGreaterThan(0);
    expect(v.clear + v.notice).toBeGreaterThan(0);

    const results = await alice.get(`/api/batch/${id}/results`);
    expect(results.status).toBe(200);
    expect(results.body).toHaveLength(300);
    const stored = await db.pool.query<{ idx: number; result: Record<string, unknown> }>('SELECT idx, result FROM batch_rows WHERE job_id = $1 ORDER BY idx', [id]);
    for (const [i, site] of sites.entries()) {
      const single = await request(app).post('/api/check').send({ geometry: site.geometry, project: site.project });
      expect(single.status).toBe(200);
      const row = results.body[i];
      expect(row.index).toBe(i);
      expect(row.name).toBe(site.name);
      expect(row.error).toBeNull();
      expect(row.verdict, site.name).toBe(single.body.verdict);
      expect(row.siteAreaM2).toBe(single.body.siteAreaM2);
      expect(row.results).toEqual(
        single.body.results.map((l: { layerId: string; verdict: string; overlapAreaM2: number; overlapPct: number; minDistanceM: number | null; rules: { id: string }[] }) => ({
          layerId: l.layerId,
          verdict: l.verdict,
          overlapAreaM2: l.overlapAreaM2,
          overlapPct: l.overlapPct,
          minDistanceM: l.minDistanceM,
          ruleIds: l.rules.map((r) => r.id),
        })),
      );
      // The row keeps the whole check result, not a summary of it.
      expect(withoutTime(stored.rows[i].result)).toEqual(withoutTime(single.body));
    }
  }, 300_000);
});

describe('bad rows, visibility, exports and drafts', () => {
  let id: number;
  const good = generatePool(6, 99).filter((s) => s.geometry.type === 'Polygon').slice(0, 2);
  const wkt = (g: GeoJSON.Polygon) => `POLYGON((${g.coordinates[0].map(([x, y]) => `${x} ${y}`).join(', ')}))`;

  it('a CSV with two bad rows (bad WKT, unknown project type) finishes with those two in error and the others checked', async () => {
    const lines = [
      '项目名称,项目类型,wkt,排放污染物,影响宽度',
      `甲厂,工业项目（厂房）,"${wkt(good[0].geometry as GeoJSON.Polygon)}",是,`,
      `坏几何,industrial,"POLYGON((106.6 26.4, 106.61 26.4",否,`,
      `乙路,linear_infrastructure,"LINESTRING(106.60 26.40, 106.63 26.41)",否,30`,
      `未知类型,化工厂,"${wkt(good[1].geometry as GeoJSON.Polygon)}",否,`,
      `丙点,,"POINT(106.65 26.35)",,50`,
    ];
    const res = await upload(bob, Buffer.from(lines.join('\n')), 'pool.csv', { defaultType: 'tourism_facility' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.total).toBe(5);
    id = res.body.id;
    await jobs.idle();
    const status = await bob.get(`/api/batch/${id}`);
    expect(status.body).toMatchObject({ status: 'done', total: 5, done: 5, failed: 2 });
    const rows = (await bob.get(`/api/batch/${id}/results`)).body;
    expect(rows.map((r: { error: { code: string } | null }) => r.error?.code ?? null)).toEqual([null, 'BAD_WKT', null, 'UNKNOWN_PROJECT_TYPE', null]);
    for (const bad of [rows[1], rows[3]]) {
      expect(bad.verdict).toBeNull();
      expect(bad.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(bad.error.message.en).toMatch(/[a-z]/);
    }
    expect(rows[3].error.message.zh).toContain('化工厂');
    // Each good row equals the single check of the same site and attributes (Chinese type label and 是 read as the check's values).
    const expectations = [
      { geometry: good[0].geometry, project: { type: 'industrial', dischargesPollutants: true } },
      { geometry: { type: 'LineString', coordinates: [[106.6, 26.4], [106.63, 26.41]] }, project: { type: 'linear_infrastructure', dischargesPollutants: false, widthM: 30 } },
      { geometry: { type: 'Point', coordinates: [106.65, 26.35] }, project: { type: 'tourism_facility', widthM: 50 } },
    ];
    for (const [k, i] of [0, 2, 4].entries()) {
      const single = await request(app).post('/api/check').send(expectations[k]);
      expect(rows[i].verdict).toBe(single.body.verdict);
      expect(rows[i].siteAreaM2).toBe(single.body.siteAreaM2);
      expect(rows[i].project).toMatchObject(expectations[k].project);
    }
  }, 120_000);

  it('a user sees only their own batches; an administrator sees all', async () => {
    expect((await alice.get(`/api/batch/${id}`)).status).toBe(404);
    expect((await alice.get(`/api/batch/${id}/results`)).status).toBe(404);
    expect((await admin.get(`/api/batch/${id}`)).status).toBe(200);
    expect((await request(app).get(`/api/batch/${id}`)).status).toBe(401);
    expect((await bob.get('/api/batch')).body.map((b: { id: number }) => b.id)).toContain(id);
    expect((await alice.get('/api/batch')).body.map((b: { id: number }) => b.id)).not.toContain(id);
  });

  it('exports XLSX (a row per site, a column group per layer) and a GeoPackage GDAL reads', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const xlsx = await bob.get(`/api/batch/${id}/results.xlsx`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.actualRowCount).toBe(2 + 5);
    expect(String(sheet.getRow(3).getCell(2).value)).toBe('甲厂');
    expect(String(sheet.getRow(4).getCell(7).value)).toContain('BAD_WKT');
    const layerHeaders = (sheet.getRow(1).values as unknown[]).filter((v) => typeof v === 'string' && /\n/.test(v as string)).map(String);
    expect(layerHeaders.some((h) => h.startsWith('生态保护红线'))).toBe(true);

    const gpkg = await bob.get(`/api/batch/${id}/results.gpkg`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(gpkg.status).toBe(200);
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { execFileSync } = await import('node:child_process');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'batch-gpkg-')), 'r.gpkg');
    fs.writeFileSync(file, gpkg.body as Buffer);
    const summary = execFileSync('ogrinfo', ['-so', '-al', file], { encoding: 'utf8' });
    expect(summary).toContain('Layer name: batch_sites');
    expect(summary).toContain('Feature Count: 5');
    expect(summary).toMatch(/EPSG",?\s*"?4326/);
    const collection = JSON.parse(execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file], { encoding: 'utf8' }));
    const feats = collection.features as { properties: Record<string, unknown>; geometry: GeoJSON.Geometry | null }[];
    const rows = (await bob.get(`/api/batch/${id}/results`)).body;
    expect(feats.map((f) => f.properties.verdict ?? null)).toEqual(rows.map((r: { verdict: string | null }) => r.verdict));
    expect(feats[2].geometry).toEqual({ type: 'LineString', coordinates: [[106.6, 26.4], [106.63, 26.41]] });
    expect(feats[4].geometry).toEqual({ type: 'Point', coordinates: [106.65, 26.35] });
    expect(feats[1].properties.error_code).toBe('BAD_WKT');
  }, 60_000);

  it('selected rows become draft projects in one step; rows in error are refused', async () => {
    const refused = await bob.post(`/api/batch/${id}/projects`, { indexes: [0, 1] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('ROWS_NOT_CHECKED');
    const made = await bob.post(`/api/batch/${id}/projects`, { indexes: [0, 2] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.created.map((c: { index: number }) => c.index)).toEqual([0, 2]);
    const project = await bob.get(`/api/projects/${made.body.created[0].projectId}`);
    expect(project.body).toMatchObject({ name: '甲厂', status: 'draft', project: { type: 'industrial', dischargesPollutants: true } });
    expect((await alice.post(`/api/batch/${id}/projects`, { indexes: [0] })).status).toBe(404);
  });

  it('deleting a finished batch removes it with its rows', async () => {
    const del = await bob.agent.delete(`/api/batch/${id}`).set('X-CSRF-Token', bob.csrfToken);
    expect(del.status).toBe(204);
    expect((await bob.get(`/api/batch/${id}`)).status).toBe(404);
    expect((await db.pool.query('SELECT 1 FROM batch_rows WHERE job_id = $1', [id])).rowCount).toBe(0);
  });
});

describe('GeoPackage and FileGDB pools (read by GDAL)', () => {
  it('reads a GeoPackage and a zipped FileGDB in a Gauss-Krüger CRS, made by ogr2ogr, into the same verdicts as the GeoJSON sites', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { execFileSync } = await import('node:child_process');
    const sites = generatePool(9, 3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-gdal-'));
    // A FileGDB layer has one geometry type: its pool holds the polygon sites only.
    const polygons = sites.filter((s) => s.geometry.type === 'Polygon');
    fs.writeFileSync(path.join(dir, 'pool.geojson'), poolGeoJson(sites));
    fs.writeFileSync(path.join(dir, 'polygons.geojson'), poolGeoJson(polygons));
    // CGCS2000 / 3-degree Gauss-Kruger CM 108E: the reader must take the CRS from the file.
    execFileSync('ogr2ogr', ['-f', 'GPKG', '-t_srs', 'EPSG:4546', path.join(dir, 'pool.gpkg'), path.join(dir, 'pool.geojson')]);
    execFileSync('ogr2ogr', ['-f', 'OpenFileGDB', '-t_srs', 'EPSG:4546', path.join(dir, 'pool.gdb'), path.join(dir, 'polygons.geojson')]);
    execFileSync('zip', ['-qr', 'pool.gdb.zip', 'pool.gdb'], { cwd: dir });
    for (const [file, expected] of [['pool.gpkg', sites], ['pool.gdb.zip', polygons]] as const) {
      const res = await upload(alice, fs.readFileSync(path.join(dir, file)), file);
      expect(res.status, `${file}: ${JSON.stringify(res.body)}`).toBe(202);
      expect(res.body.total).toBe(expected.length);
      await jobs.idle();
      const rows = (await alice.get(`/api/batch/${res.body.id}/results`)).body;
      for (const [i, site] of expected.entries()) {
        const single = await request(app).post('/api/check').send({ geometry: site.geometry, project: site.project });
        expect(rows[i].name).toBe(site.name);
        expect(rows[i].error).toBeNull();
        expect(rows[i].verdict, `${file} ${site.name}`).toBe(single.body.verdict);
        // Through GK metres and back: the same site to well under a square metre.
        expect(Math.abs(rows[i].siteAreaM2 - single.body.siteAreaM2)).toBeLessThan(0.5);
      }
    }
  }, 180_000);
});

describe('cancel and restart', () => {
  const sites = generatePool(60, 7);

  it('cancelling stops the batch: no row is checked after the cancel', async () => {
    const res = await upload(alice, poolGeoJson(sites), 'cancel.geojson');
    expect(res.status).toBe(202);
    const id = res.body.id;
    while ((await alice.get(`/api/batch/${id}`)).body.done === 0) await new Promise((r) => setTimeout(r, 50));
    const cancelled = await alice.agent.delete(`/api/batch/${id}`).set('X-CSRF-Token', alice.csrfToken);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    await jobs.idle();
    const after = (await alice.get(`/api/batch/${id}`)).body;
    expect(after.status).toBe('cancelled');
    expect(after.done).toBeLessThan(60);
    // At most the chunk in flight at the cancel was saved; the rest stays unchecked.
    const pending = await db.pool.query(`SELECT 1 FROM batch_rows WHERE job_id = $1 AND status = 'pending'`, [id]);
    expect(pending.rowCount).toBe(60 - after.done);
    // A cancelled batch no longer blocks a new one.
    const next = await upload(alice, poolGeoJson(sites.slice(0, 2)), 'small.geojson');
    expect(next.status).toBe(202);
    await jobs.idle();
  }, 120_000);

  it('a batch interrupted by a server stop resumes at the next start and checks each row once', async () => {
    const first = new JobRunner(db.pool, log);
    const firstApp = appWith(first);
    const res = await upload(bob, poolGeoJson(sites), 'restart.geojson');
    // bob's session works on any app over the same database.
    expect(res.status).toBe(202);
    const id = res.body.id;
    // The upload kicked this file's shared runner; stop it as a server stop would, once some rows are done.
    void firstApp;
    while ((await bob.get(`/api/batch/${id}`)).body.done === 0) await new Promise((r) => setTimeout(r, 50));
    await jobs.stop();
    const interrupted = (await bob.get(`/api/batch/${id}`)).body;
    expect(interrupted.status).toBe('running');
    expect(interrupted.done).toBeGreaterThan(0);
    expect(interrupted.done).toBeLessThan(60);

    // The next server: a new runner whose start() finds the running batch and resumes it.
    jobs = first;
    app = firstApp;
    await first.start();
    await first.idle();
    const resumed = (await bob.get(`/api/batch/${id}`)).body;
    expect(resumed).toMatchObject({ status: 'done', total: 60, done: 60, failed: 0 });
    const rows = (await bob.get(`/api/batch/${id}/results`)).body;
    expect(rows.map((r: { index: number }) => r.index)).toEqual([...Array(60).keys()]);
    expect(rows.every((r: { verdict: string | null }) => r.verdict !== null)).toBe(true);
  }, 120_000);
});
