import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import type { Database } from '../../../server/db/database.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { JobRunner } from '../../../server/jobs/runner.ts';
import { openTestDatabase } from '../../support/test-db.ts';
import { removeTestLayers } from '../../support/test-layers.ts';
import { login, makeUser, square, type Session } from '../auth/accounts.ts';
import { blob, fileGdb4545, geoPackage4490, oracleAreas, writeSource, type SourcePolygon } from '../admin/gdal-files.ts';

/**
 * Change supervision (issue 14) through the API. Two versions of a red line written by GDAL's
 * ogr2ogr — v1 a GeoPackage in EPSG:4490, v2 a FileGDB in EPSG:4545, so unchanged blocks come back
 * with re-projection's millimetres — in which block A is removed, B shrunk, C re-levelled
 * (一般控制区 → 核心保护区), D unchanged and E added. Areas are compared with GDAL + SpatiaLite's
 * geodesic areas of the same files (the oracle lies outside the code under test).
 */
const LAYER = 'cs_redline';
// North-east of 花溪区's centre, inside the district (the check's coverage) and clear of every demo protected layer.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-ledger-'));
const rect = (w: number, s: number, e: number, n: number): [number, number][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const A = { bsm: 'CS-A', name: '甲块（将调出）', level: '核心保护区', ring: rect(106.5725, 26.4095, 106.5825, 26.4175) };
const B = { bsm: 'CS-B', name: '乙块（缩小）', level: '一般控制区', ring: rect(106.5845, 26.4095, 106.5925, 26.4155) };
const B2 = { ...B, ring: rect(106.5845, 26.4095, 106.5885, 26.4155) };
const C = { bsm: 'CS-C', name: '丙块（升级）', level: '一般控制区', ring: blob(106.5775, 26.4235, 0.003) };
const C2 = { ...C, level: '核心保护区' };
const D = { bsm: 'CS-D', name: '丁块（不变）', level: '核心保护区', ring: blob(106.5905, 26.4235, 0.002) };
const E = { bsm: 'CS-E', name: '戊块（新增）', level: '核心保护区', ring: rect(106.5945, 26.4095, 106.5975, 26.4125) };
const NO_ID_LAYER = 'cs_noid';
const V1: SourcePolygon[] = [A, B, C, D];
const V2: SourcePolygon[] = [B2, C2, D, E];
const MAPPING = { id: 'BSM', name: 'HXMC', level: { field: 'GKFQ', values: { 核心保护区: 'core', 一般控制区: null } } };
/** Sites inside block A, checked with v1 and submitted; the one at index 0 is then approved. */
const SITES = Array.from({ length: 8 }, (_, i) => square(106.573 + i * 0.0011, 26.411, 0.0008));

let db: Database;
let jobs: JobRunner;
let app: Express;
let admin: Session;
let applicant: Session;
let reviewer: Session;
let v1File: string;
let v2File: string;
let oracle1: Record<string, number>;
let oracle2: Record<string, number>;
const projectIds: number[] = [];
const log = createLogger('silent');
const config = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, RATE_LIMIT_CHECK: '0' }), logLevel: 'silent' };
const appWith = (runner: JobRunner) => createApp({ config, db, log, jobs: runner });
const within = (actual: number, expected: number, rel = 0.001) =>
  expect(Math.abs(actual - expected), `${actual} vs oracle ${expected}`).toBeLessThanOrEqual(rel * Math.abs(expected));

async function uploadAndPublish(file: string, extra: Record<string, unknown>) {
  const up = await admin.agent.post('/api/admin/uploads').set('X-CSRF-Token', admin.csrfToken).attach('file', file);
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  return admin.post(`/api/admin/layers/${LAYER}/versions`, { uploadId: up.body.uploadId, mapping: MAPPING, ...extra });
}

beforeAll(async () => {
  db = await openTestDatabase();
  await removeTestLayers(db.pool, [LAYER, NO_ID_LAYER]);
  jobs = new JobRunner(db.pool, log);
  app = appWith(jobs);
  const suffix = Date.now().toString(36);
  await makeUser(db.pool, `cs_admin_${suffix}`, 'admin');
  await makeUser(db.pool, `cs_applicant_${suffix}`, 'applicant');
  await makeUser(db.pool, `cs_reviewer_${suffix}`, 'reviewer');
  admin = await login(app, `cs_admin_${suffix}`);
  applicant = await login(app, `cs_applicant_${suffix}`);
  reviewer = await login(app, `cs_reviewer_${suffix}`);
  v1File = geoPackage4490(dir, writeSource(dir, 'v1.geojson', V1), 'redline_v1');
  v2File = fileGdb4545(dir, writeSource(dir, 'v2.geojson', V2), 'redline_v2');
  oracle1 = oracleAreas(dir, v1File, 'redline_v1');
  oracle2 = oracleAreas(dir, v2File, 'redline_v2');
}, 120_000);

afterAll(async () => {
  await jobs?.stop();
  if (db) {
    // The layer goes (test files share one database); the projects and their checks stay, like other suites'.
    await removeTestLayers(db.pool, [LAYER, NO_ID_LAYER]);
    await db.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('change supervision', () => {
  it('v1 is published and projects inside block A are checked with it (prohibited)', async () => {
    const created = await admin.post('/api/admin/layers', { id: LAYER, kind: 'eco_redline', nameZh: '生态保护红线（监管测试）', nameEn: 'Red line (supervision test)' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const pub = await uploadAndPublish(v1File, { note: '三区三线划定成果', approvalDocument: '黔府函〔2026〕1号' });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    expect(pub.body.version).toBe(1);
    await jobs.idle();
    for (const [i, site] of SITES.entries()) {
      const p = await applicant.post('/api/projects', { name: `监管测试项目${i + 1}`, geometry: site, project: { type: 'industrial' } });
      expect(p.status, JSON.stringify(p.body)).toBe(201);
      projectIds.push(p.body.id);
      const sub = await applicant.post(`/api/projects/${p.body.id}/submit`, { version: p.body.version });
      expect(sub.status, JSON.stringify(sub.body)).toBe(200);
      expect(sub.body.check.layerVersions[LAYER]).toBe(1);
      expect(sub.body.check.results.find((r: { layerId: string }) => r.layerId === LAYER)).toMatchObject({ verdict: 'prohibited' });
    }
    const decided = await reviewer.post(`/api/projects/${projectIds[0]}/decision`, { decision: 'reject', comment: '位于生态保护红线核心保护区', version: 2 });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  }, 120_000);

  it('a smaller red line without an approval document is refused (422, bilingual) and nothing is published', async () => {
    const res = await uploadAndPublish(v2File, { note: '局部调整' });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('AREA_DECREASE_NEEDS_APPROVAL');
    expect(res.body.error.message.zh).toMatch(/批准文号/);
    expect(res.body.error.message.en).toMatch(/approval document/);
    const noNote = await uploadAndPublish(v2File, { approvalDocument: '黔府函〔2026〕9号' });
    expect(noNote.status).toBe(422);
    const { rows } = await db.pool.query('SELECT current_version FROM layers WHERE id = $1', [LAYER]);
    expect(rows[0].current_version).toBe(1);
    const versions = (await request(app).get(`/api/layers/${LAYER}/versions`)).body;
    expect(versions).toHaveLength(1);
  });

  it('with one it is published; the re-checks run in the background and resume after a restart', async () => {
    // The server that publishes stops before its runner takes the job (kick on a stopped runner does nothing).
    await jobs.stop();
    const pub = await uploadAndPublish(v2File, { note: '甲块调出，乙块缩小，戊块调入', approvalDocument: '黔府函〔2026〕9号' });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    expect(pub.body.version).toBe(2);
    const jobId = pub.body.recheckJobId;
    expect(jobId).toBeGreaterThan(0);
    expect((await db.pool.query('SELECT status FROM jobs WHERE id = $1', [jobId])).rows[0].status).toBe('queued');

    // A first server starts the re-checks and is stopped after some of them.
    const first = new JobRunner(db.pool, log);
    appWith(first);
    await first.start();
    for (let i = 0; i < 600; i++) {
      const { rows } = await db.pool.query('SELECT done FROM jobs WHERE id = $1', [jobId]);
      if (rows[0].done > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await first.stop();
    const interrupted = (await db.pool.query('SELECT status, done, total FROM jobs WHERE id = $1', [jobId])).rows[0];
    expect(interrupted.status).toBe('running');
    expect(interrupted.total).toBe(SITES.length);
    expect(interrupted.done).toBeGreaterThan(0);

    // The next server resumes them.
    jobs = new JobRunner(db.pool, log);
    app = appWith(jobs);
    await jobs.start();
    await jobs.idle();
    const progress = (await admin.get('/api/admin/rechecks')).body.find((j: { id: number }) => j.id === jobId);
    expect(progress).toMatchObject({ layerId: LAYER, version: 2, status: 'done', total: SITES.length, done: SITES.length, failed: 0, verdictChanged: SITES.length });
    expect((await applicant.get('/api/admin/rechecks')).status).toBe(403);
  }, 120_000);

  it('every project inside removed block A has exactly one layer_update check run, no longer overlapping', async () => {
    for (const id of projectIds) {
      const runs = (await applicant.get(`/api/projects/${id}/checks`)).body;
      const updates = runs.filter((r: { reason: string }) => r.reason === 'layer_update');
      expect(updates, `project ${id}`).toHaveLength(1);
      expect(runs[0]).toMatchObject({ reason: 'layer_update', createdBy: null });
      expect(runs[0].layerVersions[LAYER]).toBe(2);
      const mine = runs[0].result.results.find((r: { layerId: string }) => r.layerId === LAYER);
      expect(mine?.overlapAreaM2 ?? 0).toBe(0);
      expect(mine?.verdict ?? 'clear').not.toBe('prohibited');
      expect(runs.find((r: { reason: string }) => r.reason === 'submission').verdict).toBe('prohibited');
    }
    const audit = await db.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'project.rechecked' AND project_id = ANY($1)`, [projectIds]);
    expect(audit.rows[0].n).toBe(SITES.length);
  });

  it('the register lists them under "verdict changed by a layer update"; a decided project keeps its decision', async () => {
    const changed = (await reviewer.get('/api/projects?layerUpdate=changed&limit=5000')).body;
    const ids = changed.map((p: { id: number }) => p.id);
    for (const id of projectIds) expect(ids).toContain(id);
    const all = (await reviewer.get('/api/projects?limit=5000')).body;
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((p: { layerUpdate: unknown }) => 'layerUpdate' in p)).toBe(true);
    const decided = (await reviewer.get(`/api/projects/${projectIds[0]}`)).body;
    expect(decided.status).toBe('rejected');
    expect(decided.lastDecision).toMatchObject({ decision: 'reject' });
    expect(decided.layerUpdate).toMatchObject({ verdictBefore: 'prohibited', verdictChanged: true });
    expect((await reviewer.get('/api/projects?layerUpdate=maybe')).status).toBe(400);
  });

  it('the diff v1 → v2: gained and lost within 0.1 % of GDAL/SpatiaLite, features and level changes exact', async () => {
    const res = await request(app).get(`/api/layers/${LAYER}/diff?from=1&to=2`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const d = res.body;
    expect(d.matchedBy).toBe('id');
    expect(d.added).toEqual(['CS-E']);
    expect(d.removed).toEqual(['CS-A']);
    // D came back through EPSG:4545 with millimetre differences: unchanged. C: same boundary, new level.
    expect(d.changed.map((c: { id: string }) => c.id)).toEqual(['CS-B', 'CS-C']);
    const [b, c] = d.changed;
    expect(b).toMatchObject({ levelFrom: null, levelTo: null });
    // Re-projection moves the shared edges by millimetres: slivers of a few square centimetres at most.
    expect(b.gainedM2).toBeLessThan(1);
    within(b.lostM2, oracle1['CS-B'] - oracle2['CS-B']);
    expect(c).toMatchObject({ levelFrom: null, levelTo: 'core' });
    expect(c.gainedM2 + c.lostM2).toBeLessThan(1);

    within(d.gainedM2, oracle2['CS-E']);
    within(d.lostM2, oracle1['CS-A'] + oracle1['CS-B'] - oracle2['CS-B']);
    within(d.netM2, Object.values(oracle2).reduce((s, a) => s + a, 0) - Object.values(oracle1).reduce((s, a) => s + a, 0));
    within(d.byLevel.core.gainedM2, oracle2['CS-E'] + oracle2['CS-C']);
    within(d.byLevel.core.lostM2, oracle1['CS-A']);
    within(d.byLevel.none.lostM2, oracle1['CS-B'] - oracle2['CS-B'] + oracle1['CS-C']);
    expect(d.byLevel.none.gainedM2).toBeLessThan(1);
    expect(d.gained.type).toMatch(/Polygon/);
    expect(d.lost.type).toMatch(/Polygon/);
    expect(d.relevelled.type).toMatch(/Polygon/);

    // The reverse diff swaps gained and lost.
    const back = (await request(app).get(`/api/layers/${LAYER}/diff?from=2&to=1`)).body;
    within(back.gainedM2, d.lostM2, 1e-6);
    within(back.lostM2, d.gainedM2, 1e-6);
    expect(back.changed.find((x: { id: string }) => x.id === 'CS-C')).toMatchObject({ levelFrom: 'core', levelTo: null });

    // A version against itself: nothing gained, lost or changed.
    const self = (await request(app).get(`/api/layers/${LAYER}/diff?from=2&to=2`)).body;
    expect(self).toMatchObject({ gainedM2: 0, lostM2: 0, netM2: 0, added: [], removed: [], changed: [], gained: null, lost: null });

    expect((await request(app).get(`/api/layers/${LAYER}/diff?from=1&to=9`)).status).toBe(404);
    expect((await request(app).get(`/api/layers/nope_layer/diff?from=1&to=2`)).status).toBe(404);
    expect((await request(app).get(`/api/layers/${LAYER}/diff?from=1`)).status).toBe(400);
    expect((await request(app).get(`/api/layers/${LAYER}/diff?from=1&to=99999999999`)).status).toBe(400);
  }, 60_000);

  it('the diff downloads as XLSX and as a GeoPackage GDAL reads', async () => {
    const xlsx = await request(app).get(`/api/layers/${LAYER}/diff?from=1&to=2&format=xlsx`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const gpkg = await request(app).get(`/api/layers/${LAYER}/diff?from=1&to=2&format=gpkg`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(gpkg.status).toBe(200);
    const file = path.join(dir, 'diff.gpkg');
    fs.writeFileSync(file, gpkg.body as Buffer);
    const out = execFileSync('ogrinfo', ['-q', '-dialect', 'SQLite', '-sql', 'SELECT change, ST_Area(geom, 1) AS a FROM layer_diff', file], { encoding: 'utf8' });
    const areas = Object.fromEntries([...out.matchAll(/change \(String\) = (\w+)[\s\S]*?a \(Real\) = ([\d.eE+-]+)/g)].map((m) => [m[1], Number(m[2])]));
    within(areas.gained, oracle2['CS-E']);
    within(areas.lost, oracle1['CS-A'] + oracle1['CS-B'] - oracle2['CS-B']);
    within(areas.relevelled, oracle2['CS-C']);
  }, 60_000);

  it('versions list who, when, source and area; the ledger shows the decrease with its approval document', async () => {
    const versions = (await request(app).get(`/api/layers/${LAYER}/versions`)).body;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ current: true, featureCount: 4, approvalDocument: '黔府函〔2026〕9号', source: { fileName: path.basename(v2File) } });
    expect(versions[0].source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(versions[1]).toMatchObject({ current: false, featureCount: 4 });
    within(versions[1].areaM2, Object.values(oracle1).reduce((s, a) => s + a, 0));
    within(versions[1].areaByLevel.core, oracle1['CS-A'] + oracle1['CS-D']);
    const download = await request(app).get(versions[1].downloadUrl);
    expect(download.body.features).toHaveLength(4);

    const ledger = (await request(app).get('/api/ledger')).body;
    const mine = ledger.find((l: { layerId: string }) => l.layerId === LAYER);
    expect(mine).toMatchObject({ kind: 'eco_redline', nameZh: '生态保护红线（监管测试）' });
    expect(mine.versions).toHaveLength(2);
    expect(mine.versions[0]).toMatchObject({ version: 1, netChangeM2: 0, decreased: false, levelChanges: 0 });
    expect(mine.versions[1]).toMatchObject({ version: 2, decreased: true, levelChanges: 1, approvalDocument: '黔府函〔2026〕9号', note: '甲块调出，乙块缩小，戊块调入' });
    within(mine.versions[1].netChangeM2, versions[0].areaM2 - versions[1].areaM2);
    const xlsx = await request(app).get('/api/ledger?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
  });

  it('an earlier version made current again is a new version (admin only, audited), then re-checked', async () => {
    expect((await applicant.post(`/api/admin/layers/${LAYER}/restore`, { version: 1 })).status).toBe(403);
    expect((await admin.post(`/api/admin/layers/${LAYER}/restore`, { version: 2 })).status).toBe(409);
    // Every statement the restore sends (pool clients are pg.Client): its tile geometry is copied from
    // version 1, which has it, not simplified again from the copied features.
    const sent = vi.spyOn(pg.Client.prototype, 'query');
    const res = await admin.post(`/api/admin/layers/${LAYER}/restore`, { version: 1, note: '撤销调整' });
    const sql = sent.mock.calls.map((c) => String(typeof c[0] === 'string' ? c[0] : (c[0] as { text?: string } | undefined)?.text));
    sent.mockRestore();
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ version: 3, restoredFrom: 1 });
    expect(sql.filter((q) => /INSERT INTO feature_tile_geoms/.test(q) && /ST_Simplify/.test(q))).toEqual([]);
    const { rows: [tiles] } = await db.pool.query<{ v1: number; v3: number; same: number; linked: number; built: boolean }>(
      `SELECT (SELECT count(*)::int FROM feature_tile_geoms WHERE layer_id = $1 AND version = 1) AS v1,
              (SELECT count(*)::int FROM feature_tile_geoms WHERE layer_id = $1 AND version = 3) AS v3,
              (SELECT count(*)::int FROM feature_tile_geoms a JOIN feature_tile_geoms b
                  ON b.layer_id = a.layer_id AND b.version = 1 AND b.zoom = a.zoom AND b.feature_key = a.feature_key AND ST_AsBinary(b.geom) = ST_AsBinary(a.geom)
                WHERE a.layer_id = $1 AND a.version = 3) AS same,
              (SELECT count(*)::int FROM feature_tile_geoms t JOIN features f ON f.id = t.feature_id AND f.layer_id = t.layer_id AND f.version = 3 AND f.feature_key = t.feature_key
                WHERE t.layer_id = $1 AND t.version = 3) AS linked,
              (SELECT tile_geoms_built FROM layer_versions WHERE layer_id = $1 AND version = 3) AS built`,
      [LAYER],
    );
    expect(tiles.v1).toBeGreaterThan(0);
    expect(tiles).toEqual({ v1: tiles.v1, v3: tiles.v1, same: tiles.v1, linked: tiles.v1, built: true });
    // The sessions were opened on the first app, whose runner is stopped: the running server's runner takes the job.
    jobs.kick();
    await jobs.idle();
    const versions = (await request(app).get(`/api/layers/${LAYER}/versions`)).body;
    expect(versions[0]).toMatchObject({ version: 3, current: true, restoredFrom: 1, featureCount: 4 });
    expect(versions[0].areaM2).toBeCloseTo(versions[2].areaM2, 2);
    const same = (await request(app).get(`/api/layers/${LAYER}/diff?from=1&to=3`)).body;
    expect(same).toMatchObject({ gainedM2: 0, lostM2: 0, added: [], removed: [], changed: [] });
    // The projects inside A overlap again: back to prohibited, and no longer flagged as changed.
    const runs = (await applicant.get(`/api/projects/${projectIds[1]}/checks`)).body;
    expect(runs[0]).toMatchObject({ reason: 'layer_update', verdict: 'prohibited' });
    expect(runs[0].layerVersions[LAYER]).toBe(3);
    const project = (await applicant.get(`/api/projects/${projectIds[1]}`)).body;
    expect(project.layerUpdate).toMatchObject({ verdictChanged: false });
    const audit = await db.pool.query(`SELECT 1 FROM audit_log WHERE action = 'layer.version_restored' AND detail->>'layerId' = $1`, [LAYER]);
    expect(audit.rowCount).toBe(1);
  }, 120_000);
});

describe('data without ids', () => {
  it('features are paired by geometry: a block kept under another row number is unchanged', async () => {
    expect((await admin.post('/api/admin/layers', { id: NO_ID_LAYER, kind: 'eco_redline', nameZh: '无编号红线', nameEn: 'Red line without ids' })).status).toBe(201);
    const mapping = { name: 'HXMC', level: MAPPING.level };
    const publish = async (file: string, extra: Record<string, unknown>) => {
      const up = await admin.agent.post('/api/admin/uploads').set('X-CSRF-Token', admin.csrfToken).attach('file', file);
      return admin.post(`/api/admin/layers/${NO_ID_LAYER}/versions`, { uploadId: up.body.uploadId, mapping, ...extra });
    };
    // v1: A then D (rows 1, 2); v2: D then E (rows 1, 2) — D changes row number, not geometry.
    expect((await publish(geoPackage4490(dir, writeSource(dir, 'noid1.geojson', [A, D]), 'noid_v1'), {})).status).toBe(201);
    const v2 = await publish(fileGdb4545(dir, writeSource(dir, 'noid2.geojson', [D, E]), 'noid_v2'), { note: '甲块调出', approvalDocument: '黔府函〔2026〕10号' });
    expect(v2.status, JSON.stringify(v2.body)).toBe(201);
    const d = (await request(app).get(`/api/layers/${NO_ID_LAYER}/diff?from=1&to=2`)).body;
    expect(d).toMatchObject({ matchedBy: 'geometry', removed: ['1'], added: ['2'], changed: [] });
    within(d.lostM2, oracle1['CS-A']);
    within(d.gainedM2, oracle2['CS-E']);
  }, 120_000);
});
