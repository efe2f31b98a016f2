import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { VERDICT_LABELS, type Verdict } from '../../../common/domain/verdict.ts';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, type Session } from '../auth/accounts.ts';
import {
  currentCheckedVersions,
  INSIDE_ZONE,
  loadReviewLayer,
  OUTSIDE_ZONE,
  POLLUTING_PLANT,
  removeReviewLayer,
  TEST_WATER_LAYER,
} from './fixtures.ts';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let t: TestApp;
let applicant: Session;
let reviewer: Session;
let layerVersion: number;
const P = `wf${Date.now().toString(36)}`;
/** The verdict of the resubmitted site (outside the test zone), set by the first test. */
let finalVerdict: string;

beforeAll(async () => {
  t = await openTestApp();
  layerVersion = (await loadReviewLayer(t.db.pool)).version;
  await makeUser(t.db.pool, `${P}_applicant`, 'applicant');
  await makeUser(t.db.pool, `${P}_reviewer`, 'reviewer');
  applicant = await login(t.app, `${P}_applicant`);
  reviewer = await login(t.app, `${P}_reviewer`);
});
afterAll(async () => {
  await removeReviewLayer(t.db.pool);
  await t.close();
});

describe('review workflow end to end through the API', () => {
  it('create → submit → revise with a comment → move the site and resubmit → approve, with audit, check history and comments', async () => {
    // 1. The applicant saves a draft inside the 一级 water-source zone.
    const created = await applicant.post('/api/projects', {
      name: `${P} 化工厂`,
      geometry: INSIDE_ZONE,
      project: POLLUTING_PLANT,
      description: '年产 5 万吨',
      applicant: '花溪区某化工有限公司',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, verdict: null, applicant: '花溪区某化工有限公司' });
    expect(created.body.project).toEqual({ type: 'industrial', dischargesPollutants: true, severePolluter: false, outfall: false, nationalMajorProject: false, unavoidable: false, temporary: false, expandsFootprint: false });
    // 0.002° square at 31° N: ≈ 190 m × 222 m.
    expect(created.body.areaM2).toBeGreaterThan(40_000);
    expect(created.body.areaM2).toBeLessThan(45_000);
    const id = created.body.id;

    // 2. Submission runs a fresh check and stores it with the layer versions it used.
    const first = await applicant.post(`/api/projects/${id}/submit`, { version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('submitted');
    expect(first.body.check.verdict).toBe('prohibited');
    const water = first.body.check.results.find((r: { layerId: string }) => r.layerId === TEST_WATER_LAYER);
    expect(water.rules.map((r: { basis: { article: string } }) => r.basis.article).join()).toContain('六十五');
    expect(first.body.check.layerVersions).toEqual(await currentCheckedVersions(t.db.pool));
    expect(first.body.check.layerVersions[TEST_WATER_LAYER]).toBe(layerVersion);

    // A submitted project is no longer editable by the applicant.
    const locked = await applicant.patch(`/api/projects/${id}`, { version: 2, name: 'x' });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('INVALID_PROJECT_STATE');

    // 3. The reviewer sends it back.
    const revise = await reviewer.post(`/api/projects/${id}/decision`, { decision: 'revise', comment: '选址位于饮用水水源一级保护区，请调整', version: 2 });
    expect(revise.status).toBe(200);
    expect(revise.body.status).toBe('revision_requested');

    // 4. The applicant moves the site out of the zone and resubmits.
    const current = await applicant.get(`/api/projects/${id}`);
    expect(current.body).toMatchObject({ status: 'revision_requested', version: 3, verdict: 'prohibited' });
    expect(current.body.lastDecision).toMatchObject({ decision: 'revise', reviewer: `${P}_reviewer`, comment: '选址位于饮用水水源一级保护区，请调整' });
    const moved = await applicant.patch(`/api/projects/${id}`, { version: 3, geometry: OUTSIDE_ZONE });
    expect(moved.status).toBe(200);
    expect(moved.body.version).toBe(4);
    expect(moved.body.geometry.coordinates[0][0]).toEqual(OUTSIDE_ZONE.coordinates[0][0]);
    const second = await applicant.post(`/api/projects/${id}/submit`, { version: 4 });
    expect(second.status).toBe(200);
    // Out of the water zone. Other layers may still speak (e.g. the reference urban development
    // boundary makes any site outside it conditional): the stored verdict is what a fresh check says.
    expect(second.body.check.clearLayers).toContain(TEST_WATER_LAYER);
    expect(second.body.check.verdict).not.toBe('prohibited');
    const fresh = await request(t.app).post('/api/check').send({ geometry: OUTSIDE_ZONE, project: POLLUTING_PLANT });
    expect(second.body.check.verdict).toBe(fresh.body.verdict);
    expect(second.body.check.layerVersions).toEqual(fresh.body.layerVersions);
    finalVerdict = second.body.check.verdict;

    // 5. The reviewer approves.
    const approve = await reviewer.post(`/api/projects/${id}/decision`, { decision: 'approve', comment: '已避让水源保护区，同意', version: 5 });
    expect(approve.status).toBe(200);
    expect(approve.body.status).toBe('approved');
    const final = await reviewer.get(`/api/projects/${id}`);
    expect(final.body).toMatchObject({ status: 'approved', version: 6, verdict: finalVerdict });

    // The audit lists every step, in order, with who did it.
    const audit = await applicant.get(`/api/projects/${id}/audit`);
    expect(audit.status).toBe(200);
    expect(audit.body.map((a: { action: string; actor: string }) => [a.action, a.actor])).toEqual([
      ['project.created', `${P}_applicant`],
      ['project.submitted', `${P}_applicant`],
      ['project.revision_requested', `${P}_reviewer`],
      ['project.updated', `${P}_applicant`],
      ['project.submitted', `${P}_applicant`],
      ['project.approved', `${P}_reviewer`],
    ]);
    const times = audit.body.map((a: { at: string }) => Date.parse(a.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(audit.body[1].detail).toMatchObject({ verdict: 'prohibited', checkId: first.body.checkId });
    expect(audit.body[2].detail).toMatchObject({ decision: 'revise', comment: '选址位于饮用水水源一级保护区，请调整' });
    expect(audit.body[3].detail).toMatchObject({ fields: ['geometry'], fromVersion: 3, toVersion: 4 });
    expect(audit.body[4].detail).toMatchObject({ verdict: finalVerdict, resubmission: true });
    expect(audit.body[0].ip).toBeUndefined(); // applicants do not see addresses …
    expect((await reviewer.get(`/api/projects/${id}/audit`)).body[0].ip).toMatch(/127\.0\.0\.1/); // … reviewers do

    // Check history: two runs, newest first, each with its layer versions, verdict and decision.
    const checks = await applicant.get(`/api/projects/${id}/checks`);
    expect(checks.body).toHaveLength(2);
    expect(checks.body.map((c: { id: number }) => c.id)).toEqual([second.body.checkId, first.body.checkId]);
    expect(checks.body.map((c: { verdict: string }) => c.verdict)).toEqual([finalVerdict, 'prohibited']);
    expect(checks.body.map((c: { projectVersion: number }) => c.projectVersion)).toEqual([4, 1]);
    for (const run of checks.body) {
      expect(run.layerVersions[TEST_WATER_LAYER]).toBe(layerVersion);
      expect(run.result.layerVersions).toEqual(run.layerVersions);
    }
    expect(checks.body[0].decision).toMatchObject({ decision: 'approve', reviewer: `${P}_reviewer` });
    expect(checks.body[1].decision).toMatchObject({ decision: 'revise' });
    expect(checks.body[1].result.results[0].overlapAreaM2).toBeGreaterThan(40_000);

    // Comments: each decision opened a thread on its check; a reply inherits the check it answers.
    const thread = await applicant.get(`/api/projects/${id}/comments`);
    expect(thread.body.map((c: { body: string; checkId: number }) => [c.body, c.checkId])).toEqual([
      ['选址位于饮用水水源一级保护区，请调整', first.body.checkId],
      ['已避让水源保护区，同意', second.body.checkId],
    ]);
    const reply = await applicant.post(`/api/projects/${id}/comments`, { body: '已向东北方向调整约 6 公里', parentId: thread.body[0].id });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ parentId: thread.body[0].id, checkId: first.body.checkId, author: { username: `${P}_applicant` } });
    const badParent = await applicant.post(`/api/projects/${id}/comments`, { body: 'x', parentId: 999_999_999 });
    expect(badParent.status).toBe(422);
    const empty = await applicant.post(`/api/projects/${id}/comments`, { body: '   ' });
    expect(empty.status).toBe(422);

    // Final states refuse further decisions and submissions.
    expect((await reviewer.post(`/api/projects/${id}/decision`, { decision: 'reject', comment: '再议', version: 6 })).status).toBe(409);
    expect((await applicant.post(`/api/projects/${id}/submit`, { version: 6 })).status).toBe(409);
  });
});

describe('register, export and dashboard', () => {
  it('filters the register by status, verdict, type and text; counts by status and verdict; exports XLSX', async () => {
    const mk = async (name: string, type: string) =>
      (await applicant.post('/api/projects', { name, geometry: OUTSIDE_ZONE, project: { type } })).body.id as number;
    const park = await mk(`${P} 光伏电站`, 'energy_solar');
    const shop = await mk(`${P} 商业综合体`, 'commercial');
    const shopVerdict = (await applicant.post(`/api/projects/${shop}/submit`, { version: 1 })).body.check.verdict as string;

    const list = async (query: string) => (await reviewer.get(`/api/projects?${query}`)).body.map((p: { id: number }) => p.id);
    expect(await list(`q=${encodeURIComponent(`${P} 光伏`)}`)).toEqual([park]);
    expect(await list(`type=energy_solar&q=${P}`)).toEqual([park]);
    expect(await list(`status=submitted&q=${P}`)).toEqual([shop]);
    expect(await list(`verdict=${shopVerdict}&q=${P}`)).toContain(shop);
    expect(await list(`verdict=prohibited&q=${P}`)).toEqual(shopVerdict === 'prohibited' ? [shop] : []);
    expect(await list(`verdict=none&q=${P}`)).toEqual([park]);
    const bad = await reviewer.get('/api/projects?status=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_FILTER');
    const page = await reviewer.get(`/api/projects?q=${P}&limit=1`);
    expect(page.body).toHaveLength(1);
    expect(Number(page.headers['x-total-count'])).toBe(3);
    const pastEnd = await reviewer.get(`/api/projects?q=${P}&type=energy_solar&offset=5`);
    expect(pastEnd.body).toEqual([]);
    expect(pastEnd.headers['x-total-count']).toBe('1');

    const dashboard = await applicant.get('/api/dashboard');
    expect(dashboard.body.byStatus).toMatchObject({ draft: 1, submitted: 1, approved: 1, rejected: 0, revision_requested: 0 });
    const expectedByVerdict: Record<string, number> = { prohibited: 0, conditional: 0, notice: 0, clear: 0, none: 1 };
    expectedByVerdict[shopVerdict] += 1;
    expectedByVerdict[finalVerdict] += 1;
    expect(dashboard.body.byVerdict).toEqual(expectedByVerdict);
    expect(dashboard.body.total).toBe(3);

    const xlsx = await reviewer.agent
      .get(`/api/projects.xlsx?q=${P}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = workbook.getWorksheet('项目台账')!;
    expect(String(sheet.getRow(1).getCell(2).value)).toContain('项目名称');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(3);
    const approvedRow = rows.find((r) => r[2] === `${P} 化工厂`)!;
    expect(approvedRow[9]).toContain('已通过');
    expect(approvedRow[10]).toContain(VERDICT_LABELS[finalVerdict as Verdict].zh);
    expect(approvedRow[12]).toBe('已避让水源保护区，同意');

    const geojson = await reviewer.get(`/api/projects.geojson?q=${P}`);
    expect(geojson.body.type).toBe('FeatureCollection');
    expect(geojson.body.features).toHaveLength(3);
    expect(geojson.body.features[0].geometry.type).toBe('Polygon');

    // Anonymous visitors see none of it.
    expect((await request(t.app).get('/api/projects')).status).toBe(401);
    expect((await request(t.app).get('/api/dashboard')).status).toBe(401);
  });
});
