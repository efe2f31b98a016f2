import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, square, type Session } from '../auth/accounts.ts';

/** GET /api/search also finds project names — only those the user may see. */
let t: Awaited<ReturnType<typeof openTestApp>>;
const P = `ps${Date.now().toString(36)}`;
let alice: Session;
let bob: Session;
let reviewer: Session;
let aliceProject: number;
let bobProject: number;

beforeAll(async () => {
  t = await openTestApp();
  await makeUser(t.db.pool, `${P}_alice`, 'applicant');
  await makeUser(t.db.pool, `${P}_bob`, 'applicant');
  await makeUser(t.db.pool, `${P}_reviewer`, 'reviewer');
  alice = await login(t.app, `${P}_alice`);
  bob = await login(t.app, `${P}_bob`);
  reviewer = await login(t.app, `${P}_reviewer`);
  const create = async (s: Session, name: string, lon: number) =>
    (await s.post('/api/projects', { name, geometry: square(lon, 26.4), project: { type: 'commercial' } })).body.id as number;
  aliceProject = await create(alice, `${P} 花溪水库 游客中心`, 106.6);
  bobProject = await create(bob, `${P} 青岩 物流园`, 106.7);
});
afterAll(() => t.close());

const names = (res: request.Response) => res.body.results.map((r: { name: string }) => r.name);

describe('project names in GET /api/search', () => {
  it('an applicant finds their own project by part of its name, framed like a feature, but not another applicant’s', async () => {
    const own = await alice.get(`/api/search?q=${encodeURIComponent(`${P} 花溪`)}`);
    expect(own.status).toBe(200);
    expect(own.body.results).toHaveLength(1);
    const [lon, lat] = own.body.results[0].centroid;
    expect(own.body.results[0]).toMatchObject({ type: 'project', projectId: aliceProject, layerId: 'projects', status: 'draft', verdict: expect.stringMatching(/^(prohibited|conditional|notice|clear)$/) }); // a save stores a check (issue 18)
    expect(lon).toBeGreaterThan(106.6);
    expect(lon).toBeLessThan(106.602);
    expect(lat).toBeGreaterThan(26.4);
    expect(own.body.results[0].geometry.type).toBe('Polygon');
    expect(own.body.results[0].bbox).toHaveLength(4);
    expect(names(await alice.get(`/api/search?q=${encodeURIComponent(`${P} 青岩`)}`))).toEqual([]);
    expect(names(await bob.get(`/api/search?q=${encodeURIComponent(P)}`))).toEqual([`${P} 青岩 物流园`]);
  });

  it('a reviewer finds every project; an anonymous visitor none', async () => {
    const all = await reviewer.get(`/api/search?q=${encodeURIComponent(P)}`);
    expect(all.body.results.map((r: { projectId: number }) => r.projectId).sort()).toEqual([aliceProject, bobProject].sort());
    const anonymous = await request(t.app).get(`/api/search?q=${encodeURIComponent(P)}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.results).toEqual([]);
  });

  it('merges projects with features by how well the name matches, within the limit', async () => {
    const mixed = await alice.get(`/api/search?q=${encodeURIComponent('花溪水库')}`);
    const hits = mixed.body.results as { type: string; name: string }[];
    expect(hits[0]).toMatchObject({ type: 'feature', name: '花溪水库' });
    // Alice's project contains the name in the middle: after every hit that starts with it.
    const at = hits.findIndex((h) => h.type === 'project');
    expect(hits[at].name).toBe(`${P} 花溪水库 游客中心`);
    expect(hits.slice(0, at).every((h) => h.name.startsWith('花溪水库'))).toBe(true);
    const one = await alice.get(`/api/search?q=${encodeURIComponent('花溪水库')}&limit=1`);
    expect(one.body.results).toHaveLength(1);
    expect(one.body.results[0].name).toBe('花溪水库');
  });
});
