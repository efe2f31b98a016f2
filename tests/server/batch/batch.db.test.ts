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
const config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent' };

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
    expect(v.prohibited + v.conditional + v.notice + v.clear).toBe(300);
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
