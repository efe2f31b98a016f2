import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { bootstrapAdmin } from '../../../server/auth/bootstrap-admin.ts';
import { createApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { openDatabase, type Database } from '../../../server/db/database.ts';
import { loadReferenceLayers } from '../../../server/layers/reference-data.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { DEMO_APPLICANT, loadDemoProjects, readDemoProjects } from '../../../server/projects/demo-projects.ts';
import { PASSWORD } from '../auth/accounts.ts';

/**
 * The demo projects fill an EMPTY register, so this test needs a database of its own (the shared
 * test database holds other files' projects): a fresh embedded PGlite in a temporary directory,
 * migrated and loaded with the shipped reference layers, as a first `npm start` would do.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-demo-'));
let db: Database;

beforeAll(async () => {
  db = await openDatabase({ dataDir });
  await loadReferenceLayers(db.pool, { onlyMissing: true });
}, 180_000);
afterAll(async () => {
  await db?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const count = async (table: string) => (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

describe('demo projects in the register (geodata/demo-projects.geojson)', () => {
  it('waits for the first account, so that ADMIN_USERNAME can still create the first administrator', async () => {
    expect(await loadDemoProjects(db.pool)).toEqual({ loaded: false, reason: 'no-accounts' });
    expect(await count('users')).toBe(0);
    expect(await bootstrapAdmin(db.pool, { adminUsername: 'chief', adminPassword: PASSWORD })).toEqual({ created: true, username: 'chief' });
  });

  it('loads every demo site once as a submitted project with a stored check; every verdict occurs', async () => {
    const sites = readDemoProjects();
    const outcome = await loadDemoProjects(db.pool);
    if (!outcome.loaded) throw new Error(`not loaded: ${outcome.reason}`);
    expect(outcome.projects.map((p) => p.name)).toEqual(sites.map((s) => s.name));
    console.log(`demo verdicts: ${outcome.projects.map((p) => `${p.name} ${p.verdict}`).join('; ')}`);
    const verdicts = new Set(outcome.projects.map((p) => p.verdict));
    for (const v of ['prohibited', 'conditional', 'notice', 'clear']) expect(verdicts, `verdict ${v} among the demo checks`).toContain(v);

    const { rows } = await db.pool.query<{ status: string; version: number; verdict: string; owner: string; disabled: boolean; versions: Record<string, number> }>(
      `SELECT p.status, p.version, c.verdict, u.username AS owner, u.disabled, c.layer_versions AS versions
         FROM projects p JOIN users u ON u.id = p.owner_id JOIN check_runs c ON c.id = p.last_check_id ORDER BY p.id`,
    );
    expect(rows).toHaveLength(sites.length);
    const layerVersions = Object.fromEntries(
      (await db.pool.query<{ id: string; v: number }>('SELECT id, current_version AS v FROM layers WHERE checked AND current_version IS NOT NULL')).rows.map((r) => [r.id, r.v]),
    );
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'submitted', version: 2, owner: DEMO_APPLICANT, disabled: true });
      expect(r.versions).toEqual(layerVersions);
    }
    // The stored verdict is what the check says for that site, nothing the loader made up.
    expect(rows.map((r) => r.verdict)).toEqual(outcome.projects.map((p) => p.verdict));
    const audit = await db.pool.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE project_id IS NOT NULL GROUP BY action ORDER BY action`,
    );
    expect(audit.rows).toEqual([
      { action: 'project.created', n: sites.length },
      { action: 'project.submitted', n: sites.length },
    ]);
  });

  it('is idempotent: a second start adds nothing', async () => {
    const before = { projects: await count('projects'), checks: await count('check_runs'), users: await count('users'), audit: await count('audit_log') };
    expect(await loadDemoProjects(db.pool)).toEqual({ loaded: false, reason: 'register-not-empty' });
    expect({ projects: await count('projects'), checks: await count('check_runs'), users: await count('users'), audit: await count('audit_log') }).toEqual(before);
  });

  it('the demo applicant cannot log in; reviewers see the demo projects awaiting review, with every verdict on the dashboard', async () => {
    const config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent' };
    const app = createApp({ config, db, log: createLogger('silent') });
    const denied = await request(app).post('/api/auth/login').send({ username: DEMO_APPLICANT, password: 'anything-at-all' });
    expect(denied.status).toBe(401);
    const agent = request.agent(app);
    expect((await agent.post('/api/auth/login').send({ username: 'chief', password: PASSWORD })).status).toBe(200);
    const dashboard = (await agent.get('/api/dashboard')).body;
    expect(dashboard.byStatus.submitted).toBe(readDemoProjects().length);
    for (const v of ['prohibited', 'conditional', 'notice', 'clear']) expect(dashboard.byVerdict[v], v).toBeGreaterThan(0);
    const geojson = (await agent.get('/api/projects.geojson')).body;
    expect(geojson.features.map((f: { geometry: { type: string } }) => f.geometry.type).sort()).toEqual(
      expect.arrayContaining(['LineString', 'Point', 'Polygon']),
    );
  });
});
