import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type request from 'supertest';
import { reviewOf } from '../../../client/projects/report-review.ts';
import { reportRequestBody } from '../../../client/report/report-request.ts';
import type { ReportInput } from '../../../common/report/report-input.ts';
import type { CheckRun, Project } from '../../../client/projects/types.ts';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, type Session } from '../auth/accounts.ts';
import { INSIDE_ZONE, loadReviewLayer, POLLUTING_PLANT, removeReviewLayer } from './fixtures.ts';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let t: TestApp;
let applicant: Session;
let reviewer: Session;
const P = `rr${Date.now().toString(36)}`;
const COMMENT = '选址位于饮用水水源一级保护区，请向东调整，"退让" 200 米';

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * What the project page sends for a run (client/projects/ProjectPage.tsx → ReportOverlay): the
 * page's report input, with the review it previews, reduced to the run's checkId for a download.
 */
const reportInput = (project: Project, run: CheckRun) => {
  const review = reviewOf(project, run);
  const input = { result: run.result, project: project.project, siteName: project.name, lang: 'zh', ...(review ? { review } : {}) } as ReportInput;
  const body = reportRequestBody(input, { checkId: run.id });
  expect(body).not.toHaveProperty('review');
  return body;
};

beforeAll(async () => {
  t = await openTestApp();
  await loadReviewLayer(t.db.pool);
  await makeUser(t.db.pool, `${P}_applicant`, 'applicant');
  await makeUser(t.db.pool, `${P}_reviewer`, 'reviewer');
  applicant = await login(t.app, `${P}_applicant`);
  reviewer = await login(t.app, `${P}_reviewer`);
});
afterAll(async () => {
  await removeReviewLayer(t.db.pool);
  await t.close();
});

describe('per-check CSV and XLSX of a reviewed project carry its 审查意见', () => {
  it('the run the reviewer decided on: decision, comment and reviewer in both files; a run without a decision: none', async () => {
    const created = await applicant.post('/api/projects', { name: `${P} 化工厂`, geometry: INSIDE_ZONE, project: POLLUTING_PLANT });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect((await applicant.post(`/api/projects/${id}/submit`, { version: 1 })).status).toBe(200);

    // Before any decision the report is a plain check report.
    let project = (await reviewer.get(`/api/projects/${id}`)).body as Project;
    let runs = (await reviewer.get(`/api/projects/${id}/checks`)).body as CheckRun[];
    expect(runs.map((r) => r.reason)).toEqual(['submission', 'save']); // every save stores a check too (issue 18)
    const plain = await reviewer.post('/api/report/csv', reportInput(project, runs[0]));
    expect(plain.status).toBe(200);
    expect(plain.text).not.toContain('审查意见');

    expect((await reviewer.post(`/api/projects/${id}/decision`, { decision: 'revise', comment: COMMENT, version: 2 })).status).toBe(200);
    project = (await applicant.get(`/api/projects/${id}`)).body as Project;
    runs = (await applicant.get(`/api/projects/${id}/checks`)).body as CheckRun[];
    const run = runs[0];
    expect(run.decision).toMatchObject({ decision: 'revise', comment: COMMENT, reviewer: `${P}_reviewer` });

    // The applicant downloads the CSV of that run.
    const csv = await applicant.post('/api/report/csv', reportInput(project, run));
    expect(csv.status).toBe(200);
    const rows = parse(csv.text, { bom: true, relax_column_count: true }) as string[][];
    const at = rows.findIndex((r) => r.length === 1 && r[0] === '审查意见');
    expect(at).toBeGreaterThan(1);
    const section = Object.fromEntries(rows.slice(at + 1).map(([label, value]) => [label, value]));
    expect(section).toMatchObject({
      项目台账编号: `#${id} ${P} 化工厂`,
      审查决定: '退回修改',
      审查意见: COMMENT,
      审查人: `${P}_reviewer`,
      所依据的核查记录: `#${run.id}`,
    });
    expect(section['决定时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）$/);
    // The check's own table is still there: the 一级 zone row with its verdict.
    expect(rows.some((r) => r[1] === '一级保护区' && r[2] === '禁止')).toBe(true);

    // …and the XLSX.
    const xlsx = await applicant.post('/api/report/xlsx', reportInput(project, run)).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = book.getWorksheet('审查意见');
    expect(sheet).toBeDefined();
    const values = Object.fromEntries(sheet!.getSheetValues().slice(2).map((row) => [(row as string[])[1], (row as string[])[2]]));
    expect(values).toMatchObject({ 审查决定: '退回修改', 审查意见: COMMENT, 审查人: `${P}_reviewer`, 所依据的核查记录: `#${run.id}` });
  });
});
