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

  it('refuses passwords under 12 characters or on the common-password list (ASVS V2.1.1, V2.1.7)', async () => {
    const create = (password: string) => admin.post('/api/users', { username: `${P}_pw${password.length}`, password, role: 'applicant' });
    const eleven = await create('abcdefghijk');
    expect(eleven.status).toBe(400);
    expect(eleven.body.error.code).toBe('WEAK_PASSWORD');
    expect(eleven.body.error.message.zh).toContain('12');
    // 12+ characters, yet among the most common passwords of the zxcvbn-ts list.
    for (const common of ['password1234', 'qwertyuiop123', 'aaaaaaaaaaaaaa']) {
      const res = await create(common);
      expect({ common, status: res.status, code: res.body.error?.code }).toEqual({ common, status: 400, code: 'COMMON_PASSWORD' });
    }
    expect((await create('蓝色的花溪水库很安静呢')).status).toBe(400); // 11 characters, Chinese counts per character
    expect((await create('花溪区 生态红线 审查 2026')).status).toBe(201);
  });

  it('normalises usernames (NFKC) and refuses look-alikes of existing accounts and mixed Latin/Cyrillic names', async () => {
    const base = `${P}admin`;
    expect((await admin.post('/api/users', { username: base, password: PASSWORD, role: 'applicant' })).status).toBe(201);
    // Full-width letters fold into the same name: taken.
    const fullWidth = [...base].map((c) => (/[a-z0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
    const folded = await admin.post('/api/users', { username: fullWidth, password: PASSWORD, role: 'applicant' });
    expect(folded.status).toBe(409);
    expect(folded.body.error.code).toBe('USERNAME_TAKEN');
    // …and a full-width login reaches the plain account.
    expect((await login(t.app, fullWidth)).user.username).toBe(base);
    // Cyrillic а (U+0430) inside a Latin name: mixed scripts.
    const mixed = await admin.post('/api/users', { username: base.replace('a', '\u0430'), password: PASSWORD, role: 'applicant' });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe('CONFUSABLE_USERNAME');
    // A whole-Cyrillic twin of a Latin name (р а с е, one script, so no mixing) looks alike.
    expect((await admin.post('/api/users', { username: 'pace', password: PASSWORD, role: 'applicant' })).status).toBe(201);
    const cyrillicTwin = await admin.post('/api/users', { username: '\u0440\u0430\u0441\u0435', password: PASSWORD, role: 'applicant' });
    expect(cyrillicTwin.status).toBe(409);
    expect(cyrillicTwin.body.error.code).toBe('USERNAME_LOOKS_ALIKE');
    // Digits drawn like letters: p00lside beside poolside.
    expect((await admin.post('/api/users', { username: 'poolside', password: PASSWORD, role: 'applicant' })).status).toBe(201);
    expect((await admin.post('/api/users', { username: 'p00lside', password: PASSWORD, role: 'applicant' })).body.error.code).toBe('USERNAME_LOOKS_ALIKE');
    // Han with Latin stays allowed.
    expect((await admin.post('/api/users', { username: `${P}张三li`, password: PASSWORD, role: 'applicant' })).status).toBe(201);
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
