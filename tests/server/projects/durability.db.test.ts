import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../../../server/auth/bootstrap-admin.ts';
import { createUser } from '../../../server/auth/users.ts';
import { openDatabase } from '../../../server/db/database.ts';
import { killMidRequestAndRestart, spawnServer, type ServerProcess } from '../../support/server-process.ts';
import { PASSWORD } from '../auth/accounts.ts';
import { INSIDE_ZONE, loadReviewLayer, OUTSIDE_ZONE, POLLUTING_PLANT, TEST_WATER_LAYER } from './fixtures.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-durability-'));
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null && s.child.signalCode === null) await s.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A minimal browser over fetch: one session cookie and the CSRF token. */
function client(base: string) {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, url: string, body?: object) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('redline_session='));
    if (set) cookie = set.split(';')[0];
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    call,
    get session() {
      return { cookie, csrf };
    },
    async login(username: string) {
      const res = await call('POST', '/api/auth/login', { username, password: PASSWORD });
      expect(res.status).toBe(200);
      csrf = res.body.csrfToken;
    },
    resume(session: { cookie: string; csrf: string }) {
      ({ cookie, csrf } = session);
    },
  };
}

const DELAY_MS = 3000;

describe('durability: kill -9 during a submission (embedded PGlite in its own DATA_DIR)', () => {
  it('leaves the project wholly a draft or wholly submitted with its check, and loses nothing committed', async () => {
    // Seed the fresh database in-process: schema, the first admin, an applicant, a checked layer.
    const seed = await openDatabase({ dataDir });
    expect(await bootstrapAdmin(seed.pool, {})).toEqual({ created: false, reason: 'no-credentials' });
    await expect(bootstrapAdmin(seed.pool, { adminUsername: 'chief', adminPassword: 'short' })).rejects.toThrow(/ADMIN_PASSWORD/);
    expect(await bootstrapAdmin(seed.pool, { adminUsername: 'chief', adminPassword: PASSWORD })).toEqual({ created: true, username: 'chief' });
    expect(await bootstrapAdmin(seed.pool, { adminUsername: 'other', adminPassword: PASSWORD })).toEqual({ created: false, reason: 'users-exist' });
    const admins = await seed.pool.query(`SELECT username, role FROM users`);
    expect(admins.rows).toEqual([{ username: 'chief', role: 'admin' }]);
    await createUser(seed.pool, { username: 'dura_applicant', password: PASSWORD, role: 'applicant' });
    const layer = await loadReviewLayer(seed.pool);
    await seed.close();

    const env = { DATA_DIR: dataDir, DATABASE_URL: '', LOAD_REFERENCE_DATA: 'false' };
    const first = await spawnServer({ ...env, REDLINE_TEST_SUBMIT_DELAY_MS: String(DELAY_MS) });
    running.push(first);
    const c = client(first.url);
    await c.login('dura_applicant');

    // Committed before the crash: A submitted with its check, B created and edited.
    const a = await c.call('POST', '/api/projects', { name: 'A 已提交', geometry: INSIDE_ZONE, project: POLLUTING_PLANT });
    const submittedA = await c.call('POST', `/api/projects/${a.body.id}/submit`, { version: 1 });
    expect(submittedA.status).toBe(200);
    expect(submittedA.body.check.verdict).toBe('prohibited');
    const b = await c.call('POST', '/api/projects', { name: 'B 草稿', geometry: INSIDE_ZONE, project: POLLUTING_PLANT });
    expect((await c.call('PATCH', `/api/projects/${b.body.id}`, { version: 1, geometry: OUTSIDE_ZONE })).status).toBe(200);

    // B's submission: kill -9 the server process (the one holding PGlite) while it pauses between
    // storing B's check and changing B's status — the server says when the pause has begun.
    const pauses = () => first.output().split(`[test hook] submission of project`).length - 1;
    expect(pauses()).toBe(1); // A's
    const { outcome, restarted: second } = await killMidRequestAndRestart(first, {
      hook: '[test hook] submission of project', delayMs: DELAY_MS, dataDir, env,
      request: () => c.call('POST', `/api/projects/${b.body.id}/submit`, { version: 2 }),
    });
    running.push(second);
    expect(outcome).toBe('connection lost');
    console.log(`restart after kill -9: /api/health answered ${second.readyMs} ms after launch`);
    const r = client(second.url);
    // The session written before the crash still works.
    r.resume(c.session);
    expect((await r.call('GET', '/api/auth/me')).body.user).toMatchObject({ username: 'dura_applicant', role: 'applicant' });

    const projectA = await r.call('GET', `/api/projects/${a.body.id}`);
    expect(projectA.body).toMatchObject({ status: 'submitted', version: 2, verdict: 'prohibited' });
    const checksA = await r.call('GET', `/api/projects/${a.body.id}/checks`);
    // The save's check and the submission's (issue 18: every save stores one).
    expect(checksA.body.map((run: { reason: string }) => run.reason)).toEqual(['submission', 'save']);
    expect(checksA.body[0].layerVersions).toEqual({ [TEST_WATER_LAYER]: layer.version });
    expect((await r.call('GET', `/api/projects/${a.body.id}/audit`)).body.map((e: { action: string }) => e.action)).toEqual([
      'project.created',
      'project.submitted',
    ]);

    const projectB = (await r.call('GET', `/api/projects/${b.body.id}`)).body;
    const checksB = (await r.call('GET', `/api/projects/${b.body.id}/checks`)).body;
    const auditB = (await r.call('GET', `/api/projects/${b.body.id}/audit`)).body.map((e: { action: string }) => e.action);
    console.log(`B after the crash: ${projectB.status}, ${checksB.length} stored check(s)`);
    if (projectB.status === 'draft') {
      // The checks of its two saves, the edit's last (outside the zone); the submission's is gone.
      expect(projectB).toMatchObject({ version: 2, verdict: 'clear' });
      expect(checksB.map((run: { reason: string }) => run.reason)).toEqual(['save', 'save']);
      expect(projectB.lastCheckId).toBe(checksB[0].id);
      expect(auditB).toEqual(['project.created', 'project.updated']);
    } else {
      expect(projectB).toMatchObject({ status: 'submitted', version: 3, verdict: 'clear' });
      expect(checksB.map((run: { reason: string }) => run.reason)).toEqual(['submission', 'save', 'save']);
      expect(projectB.lastCheckId).toBe(checksB[0].id);
      expect(auditB).toEqual(['project.created', 'project.updated', 'project.submitted']);
    }
    // The edit committed before the crash survived (B sits outside the zone).
    expect(projectB.geometry.coordinates[0][0]).toEqual(OUTSIDE_ZONE.coordinates[0][0]);

    // The restarted server carries on: B can be submitted now.
    if (projectB.status === 'draft') {
      const again = await r.call('POST', `/api/projects/${b.body.id}/submit`, { version: 2 });
      expect(again.status).toBe(200);
      expect(again.body.check.verdict).toBe('clear');
    }
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 300_000);
});
