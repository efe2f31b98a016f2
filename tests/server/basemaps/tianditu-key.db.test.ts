import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { login, makeUser, type Session } from '../auth/accounts.ts';
import { openTestApp } from '../../support/test-app.ts';

/** Issue 18: the 天地图 key set by an administrator in the app, used by everyone through the proxy. */
let app: Awaited<ReturnType<typeof openTestApp>>;
let admin: Session;
let applicant: Session;
const KEY = 'abcdef0123456789abcdef0123456789';

beforeAll(async () => {
  app = await openTestApp();
  await makeUser(app.db.pool, 'tdt_admin', 'admin');
  await makeUser(app.db.pool, 'tdt_applicant', 'applicant');
  admin = await login(app.app, 'tdt_admin');
  applicant = await login(app.app, 'tdt_applicant');
});
afterAll(async () => {
  await app.db.pool.query(`DELETE FROM app_settings WHERE key = 'tianditu'`);
  await app.close();
});

const put = (s: Session | null, body: unknown) => {
  const r = (s ? s.agent : request(app.app)).put('/api/admin/basemaps/tianditu-key');
  return (s ? r.set('X-CSRF-Token', s.csrfToken) : r).send(body as object);
};

describe('PUT /api/admin/basemaps/tianditu-key', () => {
  it('is for administrators only', async () => {
    expect((await put(null, { key: KEY })).status).toBe(401);
    expect((await put(applicant, { key: KEY })).status).toBe(403);
  });

  it('refuses what is not a key, in both languages', async () => {
    const res = await put(admin, { key: 'a b<script>' });
    expect(res.status).toBe(400);
    expect(res.body.error.message.zh).toBeTruthy();
    expect(res.body.error.message.en).toBeTruthy();
  });

  it('sets the server key: the map offers 天地图 through the proxy, the key never reaches a browser, the audit says it changed', async () => {
    expect((await request(app.app).get('/api/config/basemaps')).body.tianditu.serverKey).toBe(false);
    const res = await put(admin, { key: KEY });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ serverKey: true, source: 'settings' });
    const config = await request(app.app).get('/api/config/basemaps');
    expect(config.body.tianditu).toMatchObject({ serverKey: true, tiles: '/tiles/basemap/tianditu/{layer}/{z}/{x}/{y}' });
    expect(JSON.stringify(config.body)).not.toContain(KEY);
    const { rows } = await app.db.pool.query<{ detail: unknown }>(`SELECT detail FROM audit_log WHERE action = 'basemap.tianditu_key' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].detail).toEqual({ set: true });
    expect(JSON.stringify(rows)).not.toContain(KEY);
    // Cleared: back to none (no TIANDITU_KEY in the test app).
    expect((await put(admin, { key: null })).body).toEqual({ serverKey: false, source: null });
    expect((await request(app.app).get('/api/config/basemaps')).body.tianditu.serverKey).toBe(false);
  });
});
