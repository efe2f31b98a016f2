import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../../server/auth/sessions.ts';
import { createApp } from '../../../server/app.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { createProject } from '../../../server/projects/drafts.ts';
import { parseNewProject } from '../../../server/projects/project-input.ts';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, square, type Session } from '../auth/accounts.ts';

/** Who reads what through /ogc: PUBLIC_MAP as for the map, the register as /api/projects decides. */
let t: Awaited<ReturnType<typeof openTestApp>>;
const P = `og${Date.now().toString(36)}`;
let applicant: Session;
let other: Session;
let reviewer: Session;
let ownId: number;
let othersId: number;

beforeAll(async () => {
  t = await openTestApp();
  await makeUser(t.db.pool, `${P}_a`, 'applicant');
  await makeUser(t.db.pool, `${P}_b`, 'applicant');
  await makeUser(t.db.pool, `${P}_r`, 'reviewer');
  applicant = await login(t.app, `${P}_a`);
  other = await login(t.app, `${P}_b`);
  reviewer = await login(t.app, `${P}_r`);
  const draft = (name: string, lon: number) => parseNewProject({ name, geometry: square(lon, 26.5, 0.01), project: { type: 'commercial' } });
  ownId = (await createProject(t.db.pool, applicant.user as AuthUser, draft(`${P} 自己的项目`, 106.6))).id;
  othersId = (await createProject(t.db.pool, other.user as AuthUser, draft(`${P} 别人的项目`, 106.7))).id;
});

afterAll(() => t.close());

const REGISTER = '/ogc/collections/project-register';

describe('OGC API access', () => {
  it('a closed map (PUBLIC_MAP=false) refuses anonymous OGC reads with 401, as it does the layers', async () => {
    const closed = createApp({ config: { ...t.config, publicMap: false }, db: t.db, log: createLogger('silent') });
    for (const path of ['/ogc', '/ogc/collections', '/ogc/collections/eco_redline/items']) {
      expect((await request(closed).get(path)).status, path).toBe(401);
    }
    const agent = request.agent(closed);
    await agent.post('/api/auth/login').send({ username: `${P}_a`, password: 'correct horse battery' }).expect(200);
    await agent.get('/ogc/collections/eco_redline/items?limit=1').expect(200);
  });

  it('an anonymous visitor does not see the register', async () => {
    const list = (await request(t.app).get('/ogc/collections').expect(200)).body.collections.map((c: { id: string }) => c.id);
    expect(list).toContain('eco_redline');
    expect(list).not.toContain('project-register');
    await request(t.app).get(`${REGISTER}/items`).expect(401);
    await request(t.app).get(REGISTER).expect(401);
  });

  it('an applicant sees only their own projects; a reviewer sees all', async () => {
    const list = (await applicant.get('/ogc/collections').expect(200)).body.collections.map((c: { id: string }) => c.id);
    expect(list).toContain('project-register');
    const mine = (await applicant.get(`${REGISTER}/items?limit=10000`).expect(200)).body;
    const mineIds = mine.features.map((f: { id: number }) => f.id);
    expect(mineIds).toContain(ownId);
    expect(mineIds).not.toContain(othersId);
    expect(mine.numberMatched).toBe(mineIds.length);
    await applicant.get(`${REGISTER}/items/${othersId}`).expect(404);
    const one = (await applicant.get(`${REGISTER}/items/${ownId}`).expect(200)).body;
    expect(one.properties.name).toBe(`${P} 自己的项目`);

    const all = (await reviewer.get(`${REGISTER}/items?limit=10000`).expect(200)).body.features.map((f: { id: number }) => f.id);
    expect(all).toEqual(expect.arrayContaining([ownId, othersId]));
    // The register's CRS list follows the sites (106.6–106.71 E: zones 35 and 36).
    const crs = (await reviewer.get(REGISTER).expect(200)).body.crs;
    expect(crs).toContain('http://www.opengis.net/def/crs/EPSG/0/4545');
  });

  it('the register honours bbox and crs like a layer', async () => {
    const hit = (await reviewer.get(`${REGISTER}/items?bbox=106.695,26.495,106.705,26.505`).expect(200)).body;
    expect(hit.features.map((f: { id: number }) => f.id)).toContain(othersId);
    expect(hit.features.map((f: { id: number }) => f.id)).not.toContain(ownId);
    const projected = await reviewer.get(`${REGISTER}/items/${othersId}?crs=http://www.opengis.net/def/crs/EPSG/0/4545`).expect(200);
    expect(projected.headers['content-crs']).toBe('<http://www.opengis.net/def/crs/EPSG/0/4545>');
    expect(projected.body.geometry.coordinates[0][0][0]).toBeGreaterThan(2_900_000);
  });
});
