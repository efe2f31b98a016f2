import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../../server/app.ts';
import { openDatabase, withTransaction, type Database } from '../../../server/db/database.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { recordAudit } from '../../../server/audit/audit.ts';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, square, type Session } from '../auth/accounts.ts';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let t: TestApp;
let applicant: Session;
let reviewer: Session;
let reviewer2: Session;
const P = `wg${Date.now().toString(36)}`;
const SITE = square(101.5, 31.5);

beforeAll(async () => {
  t = await openTestApp();
  await makeUser(t.db.pool, `${P}_applicant`, 'applicant');
  await makeUser(t.db.pool, `${P}_other`, 'applicant');
  await makeUser(t.db.pool, `${P}_rev1`, 'reviewer');
  await makeUser(t.db.pool, `${P}_rev2`, 'reviewer');
  applicant = await login(t.app, `${P}_applicant`);
  reviewer = await login(t.app, `${P}_rev1`);
  reviewer2 = await login(t.app, `${P}_rev2`);
});
afterAll(() => t.close());

const draft = async (name = `${P} site`) => {
  const res = await applicant.post('/api/projects', { name, geometry: SITE, project: { type: 'public_service' } });
  expect(res.status).toBe(201);
  return res.body.id as number;
};
const submitted = async () => {
  const id = await draft();
  expect((await applicant.post(`/api/projects/${id}/submit`, { version: 1 })).status).toBe(200);
  return id;
};

describe('optimistic locking', () => {
  it('accepts the first edit of version 1 and refuses the second with 409, naming the current version', async () => {
    const id = await draft();
    const [a, b] = [
      await applicant.patch(`/api/projects/${id}`, { version: 1, name: `${P} first` }),
      await applicant.patch(`/api/projects/${id}`, { version: 1, name: `${P} second` }),
    ];
    expect(a.status).toBe(200);
    expect(a.body.version).toBe(2);
    expect(b.status).toBe(409);
    expect(b.body.error).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2, yourVersion: 1 } });
    expect(b.body.error.message.zh).toContain('刷新');
    expect((await applicant.get(`/api/projects/${id}`)).body.name).toBe(`${P} first`);
    // version is required; a stale version on submit is refused too
    expect((await applicant.patch(`/api/projects/${id}`, { name: 'x' })).body.error.code).toBe('VERSION_REQUIRED');
    expect((await applicant.post(`/api/projects/${id}/submit`, { version: 1 })).status).toBe(409);
    expect((await t.db.pool.query("SELECT count(*)::int AS n FROM check_runs WHERE project_id = $1 AND reason = 'submission'", [id])).rows[0].n).toBe(0);
  });
});

describe('version is required on submit and decision (issue 11 row 12: optimistic locking not skippable)', () => {
  it('refuses a submission without version (400 VERSION_REQUIRED) and stores no check', async () => {
    const id = await draft();
    const res = await applicant.post(`/api/projects/${id}/submit`, {});
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VERSION_REQUIRED');
    expect(res.body.error.message.zh).toBeTruthy();
    expect(res.body.error.message.en).toBeTruthy();
    expect((await applicant.get(`/api/projects/${id}`)).body).toMatchObject({ status: 'draft', version: 1 });
    expect((await t.db.pool.query("SELECT count(*)::int AS n FROM check_runs WHERE project_id = $1 AND reason = 'submission'", [id])).rows[0].n).toBe(0);
  });

  it('refuses a decision without version (400 VERSION_REQUIRED) and leaves the project submitted', async () => {
    const id = await submitted();
    const res = await reviewer.post(`/api/projects/${id}/decision`, { decision: 'approve', comment: '同意' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VERSION_REQUIRED');
    expect((await reviewer.get(`/api/projects/${id}`)).body).toMatchObject({ status: 'submitted', version: 2 });
    expect((await t.db.pool.query('SELECT count(*)::int AS n FROM decisions WHERE project_id = $1', [id])).rows[0].n).toBe(0);
  });
});

describe('decisions', () => {
  it('needs a comment (422), a known decision (400) and a submitted project (409)', async () => {
    const id = await submitted();
    const noComment = await reviewer.post(`/api/projects/${id}/decision`, { decision: 'approve', version: 2 });
    expect(noComment.status).toBe(422);
    expect(noComment.body.error.code).toBe('COMMENT_REQUIRED');
    expect((await reviewer.post(`/api/projects/${id}/decision`, { decision: 'approve', comment: '  ', version: 2 })).status).toBe(422);
    expect((await reviewer.post(`/api/projects/${id}/decision`, { decision: 'maybe', comment: 'x', version: 2 })).status).toBe(400);
    expect((await reviewer.get(`/api/projects/${id}`)).body.status).toBe('submitted');

    const onDraft = await reviewer.post(`/api/projects/${await draft()}/decision`, { decision: 'approve', comment: '同意', version: 1 });
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.error.code).toBe('INVALID_PROJECT_STATE');
    expect(onDraft.body.error.message.zh).toContain('草稿');
    expect((await reviewer.post('/api/projects/987654321/decision', { decision: 'approve', comment: '同意', version: 1 })).status).toBe(404);
  });

  it('lets exactly one of two reviewers deciding at once win; the other gets 409', async () => {
    // Embedded PGlite has one session, so its requests queue; on PostgreSQL (npm run test:pg) a
    // pool of several connections makes the two transactions really overlap on the row lock.
    const external = inject('databaseMode') === 'external';
    let own: Database | undefined;
    let app = t.app;
    if (external) {
      own = await openDatabase({ databaseUrl: inject('databaseUrl'), dataDir: '', poolMax: 4 });
      app = createApp({ config: t.config, db: own, log: createLogger('silent') });
    }
    try {
      for (let round = 0; round < 3; round++) {
        const id = await submitted();
        const send = (s: Session, decision: string) =>
          request(app).post(`/api/projects/${id}/decision`).set('Cookie', cookieOf(s)).set('X-CSRF-Token', s.csrfToken).send({ decision, comment: `${decision} by ${s.user.username}`, version: 2 });
        const results = await Promise.all([send(reviewer, 'approve'), send(reviewer2, 'reject')]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        const winner = results.find((r) => r.status === 200)!;
        const { rows } = await t.db.pool.query('SELECT decision FROM decisions WHERE project_id = $1', [id]);
        expect(rows).toHaveLength(1);
        expect(winner.body.status).toBe(rows[0].decision === 'approve' ? 'approved' : 'rejected');
        expect((await reviewer.get(`/api/projects/${id}`)).body).toMatchObject({ status: winner.body.status, version: 3 });
      }
    } finally {
      await own?.close();
    }
  });
});

/** The session cookie an agent holds (to replay it from another client). */
function cookieOf(s: Session): string {
  const jar = (s.agent as unknown as { jar: { getCookies(a: object): { name: string; value: string }[] } }).jar;
  const c = jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false }).find((x) => x.name === 'redline_session');
  if (!c) throw new Error('no session cookie');
  return `${c.name}=${c.value}`;
}

describe('drafts', () => {
  it('refuses a self-intersecting polygon with the location, and unknown fields or types with 400', async () => {
    const bowtie = { type: 'Polygon', coordinates: [[[101.5, 31.5], [101.51, 31.51], [101.51, 31.5], [101.5, 31.51], [101.5, 31.5]]] };
    const res = await applicant.post('/api/projects', { name: 'bowtie', geometry: bowtie, project: { type: 'commercial' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_SITE_GEOMETRY');
    const [lon, lat] = res.body.error.details.location;
    expect(lon).toBeCloseTo(101.505, 6);
    expect(lat).toBeCloseTo(31.505, 6);
    expect((await applicant.post('/api/projects', { name: 'x', geometry: SITE, project: { type: 'castle' } })).status).toBe(400);
    expect((await applicant.post('/api/projects', { name: 'x', geometry: SITE, project: { type: 'commercial' }, owner: 1 })).status).toBe(400);
    expect((await applicant.post('/api/projects', { geometry: SITE, project: { type: 'commercial' } })).body.error.code).toBe('INVALID_NAME');
    expect((await applicant.post('/api/projects', { name: 'x', project: { type: 'commercial' } })).body.error.code).toBe('MISSING_GEOMETRY');
  });

  it('keeps lines with their impact width, and hides a project from other applicants', async () => {
    const line = { type: 'LineString', coordinates: [[101.5, 31.5], [101.52, 31.5]] };
    const res = await applicant.post('/api/projects', { name: `${P} 管线`, geometry: line, project: { type: 'linear_infrastructure', widthM: 30 } });
    expect(res.status).toBe(201);
    expect(res.body.project.widthM).toBe(30);
    expect(res.body.geometry.type).toBe('LineString');
    const other = await login(t.app, `${P}_other`);
    expect((await other.get(`/api/projects/${res.body.id}`)).status).toBe(403);
    expect((await other.get(`/api/projects?q=${P}`)).body).toEqual([]);
    expect((await reviewer.get(`/api/projects?q=${encodeURIComponent(`${P} 管线`)}`)).body.map((p: { id: number }) => p.id)).toEqual([res.body.id]);
    expect((await applicant.get('/api/projects/abc')).status).toBe(404);
  });
});

describe('township', () => {
  it('is the admin_boundary township holding the site, kept up to date when the site moves', async () => {
    const { rows } = await t.db.pool.query<{ name: string; lon: number; lat: number }>(
      `SELECT f.name, ST_X(p) AS lon, ST_Y(p) AS lat
         FROM features f JOIN layers l ON l.id = f.layer_id AND l.current_version = f.version,
              LATERAL ST_PointOnSurface(f.geom) p
        WHERE f.layer_id = 'admin_boundary' AND f.level = 'township' ORDER BY f.name LIMIT 2`,
    );
    if (!fs.existsSync('geodata/catalog.json')) return; // reference dataset not generated: nothing to look up
    expect(rows.length).toBe(2);
    const around = (r: { lon: number; lat: number }) => square(r.lon - 0.0001, r.lat - 0.0001, 0.0002);
    const res = await applicant.post('/api/projects', { name: `${P} 乡镇`, geometry: around(rows[0]), project: { type: 'commercial' } });
    expect(res.body.township).toBe(rows[0].name);
    const moved = await applicant.patch(`/api/projects/${res.body.id}`, { version: 1, geometry: around(rows[1]) });
    expect(moved.body.township).toBe(rows[1].name);
    const filtered = await reviewer.get(`/api/projects?township=${encodeURIComponent(rows[1].name)}&q=${P}`);
    expect(filtered.body.map((p: { id: number }) => p.id)).toEqual([res.body.id]);
    // Far outside the district: no township.
    expect((await applicant.get(`/api/projects/${await draft()}`)).body.township).toBeNull();
  });
});

describe('audit log', () => {
  it('is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    // Each attempt runs in a PL/pgSQL sub-block that records how it ended; the refusals never
    // reach the connection (embedded PGlite drops a connection's next query after an error).
    await t.db.pool.query(`
      DO $$
      DECLARE outcome text := '';
      BEGIN
        BEGIN UPDATE audit_log SET action = 'tampered' WHERE id = (SELECT max(id) FROM audit_log); outcome := outcome || 'UPDATE:done;';
        EXCEPTION WHEN insufficient_privilege THEN outcome := outcome || 'UPDATE:' || SQLERRM || ';'; END;
        BEGIN DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log); outcome := outcome || 'DELETE:done;';
        EXCEPTION WHEN insufficient_privilege THEN outcome := outcome || 'DELETE:' || SQLERRM || ';'; END;
        BEGIN TRUNCATE audit_log CASCADE; outcome := outcome || 'TRUNCATE:done;';
        EXCEPTION WHEN insufficient_privilege THEN outcome := outcome || 'TRUNCATE:' || SQLERRM || ';'; END;
        PERFORM set_config('redline.tamper_outcome', outcome, false);
      END $$`);
    const { rows } = await t.db.pool.query<{ outcome: string }>(`SELECT current_setting('redline.tamper_outcome') AS outcome`);
    expect(rows[0].outcome.split(';').filter(Boolean)).toEqual([
      'UPDATE:audit_log is append-only (UPDATE refused)',
      'DELETE:audit_log is append-only (DELETE refused)',
      'TRUNCATE:audit_log is append-only (TRUNCATE refused)',
    ]);
    expect((await t.db.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'tampered'`)).rows[0].n).toBe(0);
    expect((await t.db.pool.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n).toBeGreaterThan(0);
  });

  it('commits or vanishes with the change it records (recordAudit on the transaction client)', async () => {
    const marker = `${P}-${Math.random()}`;
    await expect(
      withTransaction(t.db.pool, async (client) => {
        await recordAudit(client, { action: 'test.rolled_back', detail: { marker } });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    await withTransaction(t.db.pool, (client) => recordAudit(client, { action: 'test.committed', detail: { marker }, ip: '10.0.0.1' }));
    const { rows } = await t.db.pool.query(`SELECT action, ip FROM audit_log WHERE detail->>'marker' = $1`, [marker]);
    expect(rows).toEqual([{ action: 'test.committed', ip: '10.0.0.1' }]);
  });
});
