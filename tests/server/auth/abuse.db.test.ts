import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../../server/app.ts';
import { loadConfig, type Config } from '../../../server/config.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, PASSWORD } from './accounts.ts';

/**
 * Issue 11 rows 6 and 7 and the per-address limits, sent as an attacker sent them: concurrent
 * bursts, strangers' lock-outs, spoofed X-Forwarded-For. Each app is built fresh: rate-limit
 * counters live in the app.
 */
type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let t: TestApp;
const P = `ab${Date.now().toString(36)}`;
const appWith = (change: Partial<Config> = {}): Express => createApp({ config: { ...t.config, ...change }, db: t.db, log: createLogger('silent') });

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const failureAudit = async (username: string) =>
  (
    await t.db.pool.query<{ action: string; ip: string }>(
      `SELECT action, ip FROM audit_log WHERE action IN ('auth.login_failed', 'auth.locked') AND detail->>'username' = $1 ORDER BY id`,
      [username],
    )
  ).rows;

describe('row 6: lock-out counted atomically, per username and address', () => {
  it('verifies at most 5 of 24 wrong passwords sent at once; the right one afterwards is still refused (423)', async () => {
    const username = `${P}_burst`;
    await makeUser(t.db.pool, username, 'reviewer');
    const app = appWith();
    const burst = await Promise.all(
      Array.from({ length: 24 }, (_, i) => request(app).post('/api/auth/login').send({ username, password: `wrong guess ${i}` })),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toEqual([]);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s === 423).length).toBeGreaterThanOrEqual(19);
    // Verified guesses leave an audit row each: five, not 24.
    expect((await failureAudit(username)).length).toBe(5);
    const right = await request(app).post('/api/auth/login').send({ username, password: PASSWORD });
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
    const { rows } = await t.db.pool.query(`SELECT locked_until > now() AS locked FROM login_attempts WHERE username = lower($1)`, [username]);
    expect(rows).toEqual([{ locked: true }]);
  });

  it('a stranger’s five failures from another address do not lock the owner out (behind a trusted proxy)', async () => {
    const username = `${P}_owner`;
    await makeUser(t.db.pool, username, 'admin');
    const app = appWith({ trustProxy: 'loopback' });
    const from = (address: string, password: string) =>
      request(app).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });
    const stranger = [];
    for (let i = 0; i < 5; i++) stranger.push((await from('10.9.9.9', `stranger guess ${i}`)).status);
    expect(stranger).toEqual([401, 401, 401, 401, 423]);
    expect((await from('10.9.9.9', PASSWORD)).status).toBe(423); // the stranger's pair stays locked
    const owner = await from('10.1.1.1', PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.body.user.username).toBe(username);
  });

  it('slows a guesser spread over many addresses: after 10 failures for one username, 429 with Retry-After', async () => {
    const username = `${P}_spread`;
    await makeUser(t.db.pool, username, 'reviewer');
    const app = appWith({ trustProxy: 'loopback' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await request(app).post('/api/auth/login').set('X-Forwarded-For', `10.2.0.${i}`).send({ username, password: `spread guess ${i}` });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.error.code).toBe('LOGIN_THROTTLED');
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(res.body.error.message.zh).toContain('秒后再试');
      }
    }
    // Ten free failures, the 11th waits for nobody (it opens the 1 s delay), the 12th at once is throttled.
    expect(statuses.slice(0, 11)).toEqual(Array(11).fill(401));
    expect(statuses[11]).toBe(429);
  });
});

describe('row 7: X-Forwarded-For is not trusted unless TRUST_PROXY says so', () => {
  it('35 logins with spoofed addresses meet the per-address limit (429 after 30), and the audit keeps the real address', async () => {
    const app = appWith(); // TRUST_PROXY unset
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const res = await request(app)
        .post('/api/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i}`)
        .send({ username: `${P}_spoof${i}`, password: 'spoofed guess' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual(Array(5).fill(429));
    const audit = await failureAudit(`${P}_spoof0`);
    expect(audit).toHaveLength(1);
    expect(audit[0].ip).not.toContain('203.0.113');
    expect(audit[0].ip).toMatch(/127\.0\.0\.1|::1/);
  });

  it('with TRUST_PROXY=loopback the proxy’s X-Forwarded-For is the client address', async () => {
    const app = appWith({ trustProxy: 'loopback' });
    await request(app).post('/api/auth/login').set('X-Forwarded-For', '198.51.100.7').send({ username: `${P}_proxied`, password: 'proxied guess' });
    expect((await failureAudit(`${P}_proxied`))[0].ip).toBe('198.51.100.7');
  });
});

describe('per-client limits on the expensive anonymous endpoints', () => {
  const SITE = { type: 'Polygon', coordinates: [[[106.655, 26.445], [106.657, 26.445], [106.657, 26.447], [106.655, 26.447], [106.655, 26.445]]] };
  const PROJECT = { type: 'industrial', dischargesPollutants: true };

  it('answers the check past its limit with a bilingual 429 and Retry-After, and counts a spoofed X-Forwarded-For as the same client', async () => {
    const app = appWith({ rateLimits: { ...t.config.rateLimits, check: { windowMs: 60_000, limit: 3 } } });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await request(app).post('/api/check').set('X-Forwarded-For', `192.0.2.${i}`).send({ geometry: SITE, project: PROJECT })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await request(app).post('/api/check').send({ geometry: SITE, project: PROJECT });
    expect(res.status).toBe(429);
    expect(res.body.error).toMatchObject({ code: 'TOO_MANY_CHECKS', message: { zh: expect.stringContaining('核查请求过于频繁'), en: expect.stringContaining('Too many check requests') } });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('gives a signed-in planner a budget of their own, apart from the anonymous callers at the same address', async () => {
    const username = `${P}_planner`;
    await makeUser(t.db.pool, username, 'applicant');
    const app = appWith({ rateLimits: { ...t.config.rateLimits, export: { windowMs: 60_000, limit: 1 } } });
    const exportSite = (client: { post(url: string): request.Test }) => client.post('/api/export?format=geojson').send({ features: SITE, name: 'site' });
    expect((await exportSite(request(app))).status).toBe(200);
    expect((await exportSite(request(app))).status).toBe(429);
    const planner = await login(app, username);
    expect((await exportSite(planner.agent)).status).toBe(200);
  });

  it('has defaults a planner at work never meets (≥ 60 checks a minute) and limits import, export and report too', () => {
    // The shipped defaults (the shared test app turns the check limit off for the other suites).
    const { rateLimits } = loadConfig({ NODE_ENV: 'test' });
    expect(rateLimits.check.limit).toBeGreaterThanOrEqual(60);
    for (const name of ['import', 'export', 'report', 'login'] as const) {
      expect(rateLimits[name].limit).toBeGreaterThan(0);
      expect(rateLimits[name].windowMs).toBe(60_000);
    }
  });
});
