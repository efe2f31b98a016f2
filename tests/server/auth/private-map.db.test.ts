import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../../server/app.ts';
import { createLogger } from '../../../server/http/logger.ts';
const REPORT_SITE = { geometry: { type: 'Point', coordinates: [106.66, 26.41] }, project: { type: 'linear_infrastructure' }, siteName: '花溪示例地块' };
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, type Session } from './accounts.ts';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
type Role = 'applicant' | 'reviewer' | 'admin';
let t: TestApp;
/** The same database behind two apps: PUBLIC_MAP=true (the default) and PUBLIC_MAP=false. */
let openMap: Express;
let closedMap: Express;
const closedSessions = {} as Record<Role, Session>;
const P = `pm${Date.now().toString(36)}`;

/** A ~200 m square at 花溪水库 (the reference data's 一级 water-source zone lies there). */
const SITE = { type: 'Polygon', coordinates: [[[106.655, 26.445], [106.657, 26.445], [106.657, 26.447], [106.655, 26.447], [106.655, 26.445]]] };
/** Web Mercator tile z12 holding 106.655 E, 26.445 N. */
const TILE = { z: 12, x: Math.floor(((106.655 + 180) / 360) * 4096), y: Math.floor(((1 - Math.log(Math.tan((26.445 * Math.PI) / 180) + 1 / Math.cos((26.445 * Math.PI) / 180)) / Math.PI) / 2) * 4096) };
const TXT = fs.readFileSync(path.resolve('tests/fixtures/guotu/example-parcel.txt'));

/**
 * Every read endpoint of the map, with a request that succeeds for a caller who may read, and
 * what proves it did (the status, and something only real data has).
 */
/** An anonymous client (supertest) or a logged-in browser (its agent). */
type Client = { get(url: string): request.Test; post(url: string): request.Test };
interface ReadCase {
  name: string;
  send: (client: Client) => request.Test;
  status: number;
  proof?: (res: request.Response) => void;
}
const READS: ReadCase[] = [
  { name: 'GET /api/layers', send: (a) => a.get('/api/layers'), status: 200, proof: (r) => expect(r.body.map((l: { id: string }) => l.id)).toContain('water_source') },
  { name: 'GET /api/layers/:id', send: (a) => a.get('/api/layers/water_source'), status: 200, proof: (r) => expect(r.body.id).toBe('water_source') },
  {
    name: 'GET /api/layers/:id/features',
    send: (a) => a.get('/api/layers/water_source/features?bbox=106.6,26.4,106.7,26.5'),
    status: 200,
    proof: (r) => expect(JSON.parse(r.text).features.length).toBeGreaterThan(0),
  },
  { name: 'GET /tiles/:id.json', send: (a) => a.get('/tiles/water_source.json'), status: 200, proof: (r) => expect(r.body.tilejson).toBe('3.0.0') },
  {
    name: 'GET /tiles/:id/:z/:x/:y.mvt',
    send: (a) => a.get(`/tiles/water_source/${TILE.z}/${TILE.x}/${TILE.y}.mvt`).buffer(true),
    status: 200,
    proof: (r) => expect(r.headers['content-type']).toBe('application/vnd.mapbox-vector-tile'),
  },
  {
    name: 'GET /api/search',
    send: (a) => a.get(`/api/search?q=${encodeURIComponent('花溪水库')}`),
    status: 200,
    proof: (r) => expect(r.body.results[0].name).toBe('花溪水库'),
  },
  {
    name: 'POST /api/check',
    send: (a) => a.post('/api/check').send({ geometry: SITE, project: { type: 'industrial', dischargesPollutants: true } }),
    status: 200,
    proof: (r) => expect(r.body.verdict).toBe('prohibited'),
  },
  { name: 'GET /api/rules', send: (a) => a.get('/api/rules'), status: 200, proof: (r) => expect(r.body.length).toBeGreaterThan(5) },
  { name: 'GET /api/project-types', send: (a) => a.get('/api/project-types'), status: 200, proof: (r) => expect(r.body.types.length).toBeGreaterThan(5) },
  { name: 'POST /api/report/csv', send: (a) => a.post('/api/report/csv').send(REPORT_SITE), status: 200, proof: (r) => expect(r.text).toContain('选址') },
  // A PDF takes seconds of Chromium: a bad body shows the request got past the login check.
  { name: 'POST /api/report/pdf', send: (a) => a.post('/api/report/pdf').send({}), status: 400, proof: (r) => expect(r.body.error.code).toBe('BAD_REPORT_INPUT') },
  {
    name: 'POST /api/import',
    send: (a) => a.post('/api/import').attach('file', TXT, 'example.txt'),
    status: 200,
    proof: (r) => expect(r.body.features.features[0].properties.name).toBe('花溪示例地块'),
  },
  {
    name: 'POST /api/export',
    send: (a) => a.post('/api/export?format=geojson').send({ features: SITE, name: 'site' }),
    status: 200,
    proof: (r) => expect(r.headers['content-type']).toMatch(/^application\/geo\+json/),
  },
];

beforeAll(async () => {
  t = await openTestApp();
  const log = createLogger('silent');
  openMap = createApp({ config: { ...t.config, publicMap: true }, db: t.db, log });
  closedMap = createApp({ config: { ...t.config, publicMap: false }, db: t.db, log });
  for (const role of ['applicant', 'reviewer', 'admin'] as const) {
    await makeUser(t.db.pool, `${P}_${role}`, role);
    closedSessions[role] = await login(closedMap, `${P}_${role}`);
  }
});
afterAll(() => t.close());

describe('PUBLIC_MAP=false: the map’s read API needs a login', () => {
  for (const c of READS) {
    it(`${c.name}: anonymous 401 (bilingual), applicant, reviewer and admin ${c.status}`, async () => {
      const anonymous = await c.send(request(closedMap));
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual({ error: { code: 'NOT_AUTHENTICATED', message: { zh: '请先登录', en: 'Please log in first' } } });
      for (const role of ['applicant', 'reviewer', 'admin'] as const) {
        // Reads need no CSRF token: the session cookie alone (the agent) is enough.
        const res = await c.send(closedSessions[role].agent);
        expect({ role, status: res.status }).toEqual({ role, status: c.status });
        c.proof?.(res);
      }
    });
  }

  it('keeps health, /api/auth/me (which tells the client the map is closed) and login open', async () => {
    expect((await request(closedMap).get('/api/health')).status).toBe(200);
    const me = await request(closedMap).get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: null, csrfToken: null, publicMap: false });
    const session = await login(closedMap, `${P}_applicant`);
    expect(session.user.username).toBe(`${P}_applicant`);
  });

  it('asks for a login again after logout', async () => {
    const session = await login(closedMap, `${P}_reviewer`);
    expect((await session.agent.get('/api/layers')).status).toBe(200);
    expect((await session.post('/api/auth/logout')).status).toBe(204);
    expect((await session.agent.get('/api/layers')).status).toBe(401);
  });

  it('answers an unknown path under a read prefix with 401 too (nothing is revealed before login)', async () => {
    expect((await request(closedMap).get('/api/layers/no_such_layer')).status).toBe(401);
    expect((await closedSessions.admin.agent.get('/api/layers/no_such_layer')).status).toBe(404);
  });
});

describe('PUBLIC_MAP=false: map reads are cached privately (issue 11 row 9)', () => {
  for (const c of READS) {
    it(`${c.name}: Cache-Control private, never public, and Vary: Cookie`, async () => {
      const res = await c.send(closedSessions.reviewer.agent);
      expect(res.status).toBe(c.status);
      const cacheControl = String(res.headers['cache-control'] ?? '');
      expect(cacheControl).toMatch(/(^|,\s*)private(,|$)/);
      expect(cacheControl).not.toMatch(/public|s-maxage/);
      expect(String(res.headers.vary ?? '')).toMatch(/\bCookie\b/i);
    });
  }

  it('keeps a tile’s max-age (the version in its URL still makes it immutable for that user)', async () => {
    const v = (await closedSessions.applicant.agent.get('/tiles/water_source.json')).body.version;
    const res = await closedSessions.applicant.agent.get(`/tiles/water_source/${TILE.z}/${TILE.x}/${TILE.y}.mvt?v=${v}`).buffer(true);
    expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
  });
});

describe('PUBLIC_MAP=true (the default): nothing changes', () => {
  for (const c of READS) {
    it(`${c.name}: anonymous ${c.status}`, async () => {
      const res = await c.send(request(openMap));
      expect(res.status).toBe(c.status);
      c.proof?.(res);
    });
  }

  it('lets shared caches keep tiles of an open map', async () => {
    // The versioned URL TileJSON gives (issue 17: immutable; without ?v= it is revalidated).
    const v = (await request(openMap).get('/tiles/water_source.json')).body.version;
    const res = await request(openMap).get(`/tiles/water_source/${TILE.z}/${TILE.x}/${TILE.y}.mvt?v=${v}`).buffer(true);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('still needs a login for the register and every write', async () => {
    expect((await request(openMap).get('/api/projects')).status).toBe(401);
    expect((await request(openMap).post('/api/projects').send({})).status).toBe(401);
  });
});
