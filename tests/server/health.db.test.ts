import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import request from 'supertest';
import { openTestApp } from '../support/test-app.ts';
import { login, makeUser } from './auth/accounts.ts';

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('is terse for anonymous callers: { ok: true }, no versions (issue 11, ASVS V14.3)', async () => {
    const res = await request(t.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(res.text).not.toMatch(/POSTGIS|PostgreSQL|embedded|external/i);
  });

  it('reports the database mode and the PostgreSQL and PostGIS versions to an administrator', async () => {
    const name = `health${Date.now().toString(36)}_admin`;
    await makeUser(t.db.pool, name, 'admin');
    const admin = await login(t.app, name);
    const res = await admin.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.db.mode).toBe(inject('databaseMode'));
    expect(res.body.db.postgres).toMatch(/^\d+(\.\d+)?/);
    const major = Number(/POSTGIS="(\d+)\.(\d+)/.exec(res.body.db.postgis)?.slice(1, 3).join('.'));
    expect(major).toBeGreaterThanOrEqual(3.3);
  });

  it('answers unknown API paths and malformed JSON with the bilingual error format', async () => {
    const missing = await request(t.app).get('/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    expect(missing.body.error.message.zh).toContain('接口不存在');
    const malformed = await request(t.app).post('/api/health').set('Content-Type', 'application/json').send('{"broken":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'MALFORMED_JSON', message: { zh: expect.any(String), en: expect.any(String) } });
  });
});
