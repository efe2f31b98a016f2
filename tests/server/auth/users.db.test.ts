import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, PASSWORD, type Session } from './accounts.ts';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let t: TestApp;
let admin: Session;
const P = `us${Date.now().toString(36)}`;

beforeAll(async () => {
  t = await openTestApp();
  await makeUser(t.db.pool, `${P}_admin`, 'admin');
  admin = await login(t.app, `${P}_admin`);
});
afterAll(() => t.close());

describe('account management (admin)', () => {
  it('creates accounts (201, no hash in the answer), refuses duplicates in any case (409) and bad input (400)', async () => {
    const res = await admin.post('/api/users', { username: `${P}_张三`, password: PASSWORD, role: 'applicant' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(Number), username: `${P}_张三`, role: 'applicant', disabled: false });
    expect(JSON.stringify(res.body)).not.toContain('argon2');
    const dup = await admin.post('/api/users', { username: `${P.toUpperCase()}_张三`, password: PASSWORD, role: 'reviewer' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('USERNAME_TAKEN');
    expect((await admin.post('/api/users', { username: `${P}_x`, password: 'short', role: 'applicant' })).body.error.code).toBe('WEAK_PASSWORD');
    expect((await admin.post('/api/users', { username: `${P}_y`, password: PASSWORD, role: 'root' })).body.error.code).toBe('INVALID_ROLE');
    expect((await admin.post('/api/users', { username: 'a b', password: PASSWORD, role: 'applicant' })).body.error.code).toBe('INVALID_USERNAME');
    const list = await admin.get('/api/users');
    expect(list.body.map((u: { username: string }) => u.username)).toContain(`${P}_张三`);
    expect(JSON.stringify(list.body)).not.toMatch(/password|argon2/i);
    // The new account can log in with its role.
    expect((await login(t.app, `${P}_张三`)).user.role).toBe('applicant');
  });

  it('changes a role or disables an account, ending its sessions; never the last admin', async () => {
    const user = await makeUser(t.db.pool, `${P}_worker`, 'applicant');
    const session = await login(t.app, `${P}_worker`);
    const promoted = await admin.patch(`/api/users/${user.id}`, { role: 'reviewer' });
    expect(promoted.body.role).toBe('reviewer');
    expect((await session.get('/api/auth/me')).body.user).toBeNull();
    expect((await login(t.app, `${P}_worker`)).user.role).toBe('reviewer');
    expect((await admin.patch(`/api/users/${user.id}`, { disabled: true })).body.disabled).toBe(true);
    const refused = await request(t.app).post('/api/auth/login').send({ username: `${P}_worker`, password: PASSWORD });
    expect(refused.status).toBe(401);
    expect((await admin.patch('/api/users/999999999', { role: 'admin' })).status).toBe(404);
  });

  it('keeps at least one enabled admin', async () => {
    // Disable every other admin of the shared database inside this test's view: only ours remains enabled.
    const others = await t.db.pool.query<{ id: number }>(`SELECT id FROM users WHERE role = 'admin' AND NOT disabled AND username <> $1`, [`${P}_admin`]);
    await t.db.pool.query('UPDATE users SET disabled = true WHERE id = ANY($1)', [others.rows.map((r) => r.id)]);
    try {
      const self = admin.user.id;
      const res = await admin.patch(`/api/users/${self}`, { role: 'reviewer' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('LAST_ADMIN');
      expect((await admin.patch(`/api/users/${self}`, { disabled: true })).status).toBe(409);
    } finally {
      await t.db.pool.query('UPDATE users SET disabled = false WHERE id = ANY($1)', [others.rows.map((r) => r.id)]);
    }
  });

  it('shows the whole audit log to admins only, with logins and addresses', async () => {
    const log = await admin.get('/api/audit?action=auth.&limit=50');
    expect(log.status).toBe(200);
    const mine = log.body.find((e: { action: string; actor: string }) => e.action === 'auth.login' && e.actor === `${P}_admin`);
    expect(mine.ip).toMatch(/127\.0\.0\.1/);
    expect(log.body.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    await makeUser(t.db.pool, `${P}_rev`, 'reviewer');
    expect((await (await login(t.app, `${P}_rev`)).get('/api/audit')).status).toBe(403);
  });
});

describe('POST /api/auth/password', () => {
  it('needs the current password, then replaces the session and ends the others', async () => {
    await makeUser(t.db.pool, `${P}_pw`, 'applicant');
    const a = await login(t.app, `${P}_pw`);
    const b = await login(t.app, `${P}_pw`);
    expect((await a.post('/api/auth/password', { currentPassword: 'wrong-one-x', newPassword: 'new password 1' })).status).toBe(403);
    const ok = await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'new password 1' });
    expect(ok.status).toBe(200);
    expect(ok.body.csrfToken).not.toBe(a.csrfToken);
    expect((await b.get('/api/auth/me')).body.user).toBeNull();
    expect((await a.get('/api/auth/me')).body.user.username).toBe(`${P}_pw`);
    expect((await login(t.app, `${P}_pw`, 'new password 1')).user.username).toBe(`${P}_pw`);
    expect((await request(t.app).post('/api/auth/login').send({ username: `${P}_pw`, password: PASSWORD })).status).toBe(401);
  });
});
