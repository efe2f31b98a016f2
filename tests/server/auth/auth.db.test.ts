import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import cookieParser from 'cookie-parser';
import request from 'supertest';
import { authRouter } from '../../../server/auth/routes.ts';
import { requireLoginForReads } from '../../../server/auth/roles.ts';
import { forgetCachedSessions, sessionMiddleware } from '../../../server/auth/sessions.ts';
import { errorMiddleware } from '../../../server/http/error-middleware.ts';
import { createApp } from '../../../server/app.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, PASSWORD } from './accounts.ts';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let t: TestApp;
const P = `auth${Date.now().toString(36)}`;

beforeAll(async () => {
  t = await openTestApp();
  await makeUser(t.db.pool, `${P}_app`, 'applicant');
  await makeUser(t.db.pool, `${P}_adm`, 'admin');
});
afterAll(() => t.close());

const cookieOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('redline_session='));

describe('POST /api/auth/login', () => {
  it('answers { user, csrfToken } and sets an HttpOnly, SameSite=Strict session cookie (not Secure over plain HTTP)', async () => {
    const res = await request(t.app).post('/api/auth/login').send({ username: `${P}_app`, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['csrfToken', 'user']);
    expect(res.body.user).toEqual({ id: expect.any(Number), username: `${P}_app`, role: 'applicant' });
    expect(res.body.csrfToken).toMatch(/^[\w-]{32}$/);
    const cookie = cookieOf(res)!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/; Secure/);
    // Only a hash of the cookie value is stored.
    const token = decodeURIComponent(cookie.split(';')[0].split('=')[1]);
    const { rows } = await t.db.pool.query('SELECT token_hash, csrf_token FROM sessions WHERE user_id = $1', [res.body.user.id]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.map((r) => r.csrf_token)).toContain(res.body.csrfToken);
  });

  it('behind TLS (X-Forwarded-Proto from a proxy named in TRUST_PROXY) names the cookie __Host-… and marks it Secure', async () => {
    const proxied = createApp({ config: { ...t.config, trustProxy: 'loopback' }, db: t.db, log: createLogger('silent') });
    const res = await request(proxied)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: `${P}_app`, password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('__Host-redline_session='));
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Domain=/i);
    // The __Host- cookie authenticates over TLS; the plain name does not stand in for it.
    const value = cookie!.split(';')[0];
    const me = await request(proxied).get('/api/auth/me').set('X-Forwarded-Proto', 'https').set('Cookie', value);
    expect(me.body.user.username).toBe(`${P}_app`);
    const plain = await request(proxied).get('/api/auth/me').set('X-Forwarded-Proto', 'https').set('Cookie', value.replace('__Host-', ''));
    expect(plain.body.user).toBeNull();
  });

  it('without TRUST_PROXY ignores X-Forwarded-Proto: the cookie is not marked Secure on plain HTTP', async () => {
    const res = await request(t.app).post('/api/auth/login').set('X-Forwarded-Proto', 'https').send({ username: `${P}_app`, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(cookieOf(res)).not.toMatch(/; Secure/);
  });

  it('is case-insensitive on the username and refuses a wrong password or unknown user alike (401)', async () => {
    const ok = await request(t.app).post('/api/auth/login').send({ username: `${P}_APP`, password: PASSWORD });
    expect(ok.status).toBe(200);
    const wrong = await request(t.app).post('/api/auth/login').send({ username: `${P}_app`, password: 'nope-nope-nope' });
    const unknown = await request(t.app).post('/api/auth/login').send({ username: `${P}_ghost`, password: 'nope-nope-nope' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'INVALID_CREDENTIALS', message: { zh: '用户名或密码错误', en: 'Wrong username or password' } });
      expect(cookieOf(res)).toBeUndefined();
    }
    const missing = await request(t.app).post('/api/auth/login').send({ username: `${P}_app` });
    expect(missing.status).toBe(400);
  });

  it('locks a username for 15 minutes after 5 failures (423, even with the right password), then lets it in again', async () => {
    const username = `${P}_lock`;
    await makeUser(t.db.pool, username, 'reviewer');
    const attempt = (password: string) => request(t.app).post('/api/auth/login').send({ username, password });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('wrong-password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await attempt(PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.body.error.message.zh).toContain('已锁定');
    const until = new Date(locked.body.error.details.lockedUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    // Other accounts are unaffected.
    expect((await request(t.app).post('/api/auth/login').send({ username: `${P}_app`, password: PASSWORD })).status).toBe(200);
    const audit = await t.db.pool.query(`SELECT action FROM audit_log WHERE detail->>'username' = $1 ORDER BY id`, [username]);
    expect(audit.rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.locked']);
    // Fifteen minutes later (moved back in the table) the right password works and clears the count.
    await t.db.pool.query(`UPDATE login_attempts SET locked_until = now() - interval '1 second' WHERE username = lower($1)`, [username]);
    expect((await attempt(PASSWORD)).status).toBe(200);
    expect((await t.db.pool.query('SELECT 1 FROM login_attempts WHERE username = lower($1)', [username])).rows).toEqual([]);
  });

  it('is rate-limited per client address (429 in the bilingual format)', async () => {
    const app = express();
    app.use(express.json());
    app.use(authRouter(t.db, t.config, { loginRateLimit: { windowMs: 60_000, limit: 3 } }));
    app.use(errorMiddleware({ error: () => {} }));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await request(app).post('/api/auth/login').send({ username: `${P}_rl${i}`, password: 'x' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const res = await request(app).post('/api/auth/login').send({ username: `${P}_app`, password: PASSWORD });
    expect(res.status).toBe(429);
    expect(res.body.error).toMatchObject({ code: 'TOO_MANY_LOGIN_ATTEMPTS', message: { zh: expect.stringContaining('频繁'), en: expect.any(String) } });
  });
});

describe('sessions', () => {
  it('GET /api/auth/me names the user and token of a session, and nobody without one', async () => {
    const s = await login(t.app, `${P}_app`);
    const me = await s.get('/api/auth/me');
    expect(me.body).toEqual({ user: s.user, csrfToken: s.csrfToken, publicMap: true });
    const anonymous = await request(t.app).get('/api/auth/me');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ user: null, csrfToken: null, publicMap: true });
  });

  it('logout ends the session in the database: the old cookie no longer authenticates', async () => {
    const s = await login(t.app, `${P}_app`);
    const before = await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [s.user.id]);
    const out = await s.post('/api/auth/logout');
    expect(out.status).toBe(204);
    const after = await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [s.user.id]);
    expect(after.rows[0].n).toBe(before.rows[0].n - 1);
    expect((await s.get('/api/auth/me')).body.user).toBeNull();
    // The agent dropped the cleared cookie; replaying the old one by hand must fail too.
    expect((await request(t.app).post('/api/auth/logout')).status).toBe(401);
  });

  it('are kept in the database: a fresh app with no memory of them accepts the cookie (a restart)', async () => {
    const res = await request(t.app).post('/api/auth/login').send({ username: `${P}_app`, password: PASSWORD });
    const cookie = cookieOf(res)!.split(';')[0];
    // The process-level restart (kill -9, new process) is proven in tests/server/projects/durability.db.test.ts.
    forgetCachedSessions();
    const restarted = createApp({ config: t.config, db: t.db, log: createLogger('silent') });
    const me = await request(restarted).get('/api/auth/me').set('Cookie', cookie);
    expect(me.body.user).toMatchObject({ id: res.body.user.id, username: `${P}_app`, role: 'applicant' });
    // A session past its expiry is gone.
    await t.db.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [res.body.user.id]);
    forgetCachedSessions();
    expect((await request(restarted).get('/api/auth/me').set('Cookie', cookie)).body.user).toBeNull();
  });
});

describe('CSRF', () => {
  it('refuses a logged-in write without the token, with a wrong one, or with another session’s (403)', async () => {
    const a = await login(t.app, `${P}_adm`);
    const b = await login(t.app, `${P}_adm`);
    const body = { username: `${P}_csrf`, password: PASSWORD, role: 'applicant' };
    const none = await a.agent.post('/api/users').send(body);
    const wrong = await a.agent.post('/api/users').set('X-CSRF-Token', 'x'.repeat(32)).send(body);
    const other = await a.agent.post('/api/users').set('X-CSRF-Token', b.csrfToken).send(body);
    for (const res of [none, wrong, other]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CSRF_TOKEN_INVALID');
    }
    expect((await t.db.pool.query('SELECT 1 FROM users WHERE username = $1', [body.username])).rows).toEqual([]);
    expect((await a.post('/api/users', body)).status).toBe(201);
  });
});

describe('requireLoginForReads', () => {
  const appWith = (publicMap: boolean) => {
    const app = express();
    app.use(cookieParser());
    app.use(sessionMiddleware(t.db));
    app.get('/api/layers', requireLoginForReads({ publicMap }), (_req, res) => {
      res.json({ ok: true });
    });
    app.use(errorMiddleware({ error: () => {} }));
    return app;
  };

  it('leaves the map public when publicMap is on, and asks for a login (401) when it is off', async () => {
    expect((await request(appWith(true)).get('/api/layers')).status).toBe(200);
    const closed = await request(appWith(false)).get('/api/layers');
    expect(closed.status).toBe(401);
    expect(closed.body.error.code).toBe('NOT_AUTHENTICATED');
    const cookie = cookieOf(await request(t.app).post('/api/auth/login').send({ username: `${P}_app`, password: PASSWORD }))!.split(';')[0];
    expect((await request(appWith(false)).get('/api/layers').set('Cookie', cookie)).status).toBe(200);
  });
});
