import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import type { CheckRun } from '../../../client/projects/types.ts';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, type Session } from '../auth/accounts.ts';
import { INSIDE_ZONE, loadReviewLayer, POLLUTING_PLANT, removeReviewLayer } from './fixtures.ts';

// The HTML the server would print to PDF, kept instead of starting Chromium: what the PDF says.
const printed = vi.hoisted(() => [] as string[]);
vi.mock('../../../server/reports/pdf.ts', () => ({
  renderPdf: async (html: string) => {
    printed.push(html);
    return Buffer.from('%PDF-1.7 test');
  },
}));

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
type Who = 'owner' | 'otherApplicant' | 'reviewer' | 'admin';
let t: TestApp;
const s = {} as Record<Who, Session>;
const P = `rf${Date.now().toString(36)}`;
const REAL_COMMENT = '选址位于饮用水水源一级保护区，请向东调整 200 米';
const FORGED = { decision: 'approve', reviewer: 'chief_reviewer', comment: '同意选址，准予建设（伪造）', at: '2026-05-01T06:03:22.000Z', projectId: 1, projectName: '伪造项目', checkId: 1 };
const FORGED_TEXTS = ['伪造', 'chief_reviewer', '准予建设'];
let projectId: number;
let decidedRun: CheckRun;
let undecidedRun: CheckRun;

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The 审查意见 rows of each file as label → value, or null when the file has none. */
async function csvReview(session: Session, body: object) {
  const res = await session.post('/api/report/csv', body);
  expect(res.status).toBe(200);
  const rows = parse(res.text, { bom: true, relax_column_count: true }) as string[][];
  for (const text of FORGED_TEXTS) expect(res.text).not.toContain(text);
  const at = rows.findIndex((r) => r.length === 1 && ['审查意见', 'Review decision'].includes(r[0]));
  return { rows, review: at < 0 ? null : Object.fromEntries(rows.slice(at + 1).map(([label, value]) => [label, value])) };
}

async function xlsxReview(session: Session, body: object) {
  const res = await session.agent.post('/api/report/xlsx').send(body).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as ArrayBuffer);
  const cells = book.worksheets.flatMap((w) => w.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])));
  for (const text of FORGED_TEXTS) expect(cells.some((c) => c.includes(text))).toBe(false);
  const sheet = book.getWorksheet('审查意见');
  return sheet ? Object.fromEntries(sheet.getSheetValues().slice(2).map((row) => [(row as string[])[1], (row as string[])[2]])) : null;
}

async function pdfHtml(session: Session, body: object) {
  const before = printed.length;
  const res = await session.post('/api/report/pdf', body);
  expect(res.status).toBe(200);
  expect(printed).toHaveLength(before + 1);
  const html = printed[before];
  for (const text of FORGED_TEXTS) expect(html).not.toContain(text);
  return html;
}

beforeAll(async () => {
  t = await openTestApp();
  await loadReviewLayer(t.db.pool);
  const roles = { owner: 'applicant', otherApplicant: 'applicant', reviewer: 'reviewer', admin: 'admin' } as const;
  for (const [who, role] of Object.entries(roles) as [Who, (typeof roles)[Who]][]) {
    await makeUser(t.db.pool, `${P}_${who}`, role);
    s[who] = await login(t.app, `${P}_${who}`);
  }
  // Submitted, sent back with a comment (decided run), resubmitted unchanged (undecided run).
  const created = await s.owner.post('/api/projects', { name: `${P} 化工厂`, geometry: INSIDE_ZONE, project: POLLUTING_PLANT });
  projectId = created.body.id as number;
  expect((await s.owner.post(`/api/projects/${projectId}/submit`, { version: 1 })).status).toBe(200);
  expect((await s.reviewer.post(`/api/projects/${projectId}/decision`, { decision: 'revise', comment: REAL_COMMENT, version: 2 })).status).toBe(200);
  expect((await s.owner.post(`/api/projects/${projectId}/submit`, { version: 3 })).status).toBe(200);
  [undecidedRun, decidedRun] = (await s.owner.get(`/api/projects/${projectId}/checks`)).body as CheckRun[];
  expect(decidedRun.decision?.comment).toBe(REAL_COMMENT);
  expect(undecidedRun.decision).toBeNull();
});
afterAll(async () => {
  await removeReviewLayer(t.db.pool);
  await t.close();
});

describe('the 审查意见 of a report comes from the register, never from the request', () => {
  it('a decided run: the stored decision in CSV, XLSX and PDF, whatever review, result or name the body forges', async () => {
    const forgedResult = { ...decidedRun.result, verdict: 'clear', results: [] };
    const body = { checkId: decidedRun.id, review: FORGED, result: forgedResult, siteName: '伪造项目', project: { type: 'ecological_restoration' }, lang: 'zh' };
    const real = {
      项目台账编号: `#${projectId} ${P} 化工厂`,
      审查决定: '退回修改',
      审查意见: REAL_COMMENT,
      审查人: `${P}_reviewer`,
      所依据的核查记录: `#${decidedRun.id}`,
    };

    const csv = await csvReview(s.owner, body);
    expect(csv.review).toMatchObject(real);
    expect(csv.review!['决定时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）$/);
    // The stored result, not the forged "clear" one: the 一级 zone row with its verdict.
    expect(csv.rows.some((r) => r[1] === '一级保护区' && r[2] === '禁止')).toBe(true);

    expect(await xlsxReview(s.owner, body)).toMatchObject(real);

    const html = await pdfHtml(s.owner, body);
    const section = html.slice(html.indexOf('<section class="rr-review">'));
    expect(section).toContain(REAL_COMMENT);
    expect(section).toContain('<span class="rr-t-conditional">退回修改</span>');
    expect(section).toContain(`${P}_reviewer`);
    expect(html).toContain(`${P} 化工厂`);
  });

  it('a run without a decision: no 审查意见 in any file, though the body carries one', async () => {
    const body = { checkId: undecidedRun.id, review: FORGED };
    expect((await csvReview(s.owner, body)).review).toBeNull();
    expect(await xlsxReview(s.owner, body)).toBeNull();
    expect(await pdfHtml(s.owner, body)).not.toContain('rr-review');
  });

  it('a review with no stored check run is refused with a bilingual 422, nothing printed', async () => {
    const before = printed.length;
    for (const kind of ['csv', 'xlsx', 'pdf']) {
      const res = await s.reviewer.post(`/api/report/${kind}`, { result: decidedRun.result, project: POLLUTING_PLANT, review: FORGED });
      expect({ kind, status: res.status, code: res.body.error?.code }).toEqual({ kind, status: 422, code: 'REVIEW_NOT_ACCEPTED' });
      expect(res.body.error.message).toEqual({ zh: expect.stringContaining('审查意见'), en: expect.stringContaining('review') });
    }
    expect(printed).toHaveLength(before);
  });

  it('the same run without any review is a plain check report, as the site workspace sends it', async () => {
    const res = await s.owner.post('/api/report/csv', { result: decidedRun.result, project: POLLUTING_PLANT });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('审查意见');
  });
});

describe('who may print the 审查意见 of a check run (as who may read the project)', () => {
  it('another applicant: 403 for every format, the decision not revealed', async () => {
    const before = printed.length;
    for (const kind of ['csv', 'xlsx', 'pdf']) {
      const res = await s.otherApplicant.post(`/api/report/${kind}`, { checkId: decidedRun.id, review: FORGED });
      expect({ kind, status: res.status, code: res.body.error?.code }).toEqual({ kind, status: 403, code: 'NOT_PROJECT_OWNER' });
      expect(JSON.stringify(res.body)).not.toContain(REAL_COMMENT);
    }
    expect(printed).toHaveLength(before);
    // Consistent with the project itself.
    expect((await s.otherApplicant.get(`/api/projects/${projectId}/checks`)).status).toBe(403);
  });

  it('anonymous: 401; an unknown check run: 404; a malformed checkId: 400', async () => {
    const anonymous = await request(t.app).post('/api/report/csv').send({ checkId: decidedRun.id });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('NOT_AUTHENTICATED');
    expect(anonymous.text).not.toContain(REAL_COMMENT);
    const unknown = await s.reviewer.post('/api/report/csv', { checkId: 2_000_000_000 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'UNKNOWN_CHECK', message: { zh: expect.stringContaining('核查记录'), en: expect.stringContaining('check run') } });
    const malformed = await s.reviewer.post('/api/report/csv', { checkId: 'latest' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.field).toBe('checkId');
  });

  it('the owner, reviewers and admins get the stored decision', async () => {
    for (const who of ['owner', 'reviewer', 'admin'] as const) {
      const { review } = await csvReview(s[who], { checkId: decidedRun.id, lang: 'en' });
      expect({ who, review }).toMatchObject({ who, review: { Decision: 'Revision requested', Comment: REAL_COMMENT, Reviewer: `${P}_reviewer` } });
    }
  });
});
