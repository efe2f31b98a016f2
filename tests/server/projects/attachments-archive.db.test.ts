import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, square, type Session } from '../auth/accounts.ts';

/**
 * Attachments and archiving (issue 19): type checked by content, size-limited, hashed, audited,
 * readable by exactly those who may read the project; archived projects leave the register only.
 */
type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const MAX_BYTES = 64 * 1024;
let t: TestApp;
let owner: Session;
let other: Session;
let reviewer: Session;
let admin: Session;
let projectId: number;
const P = `att${Date.now().toString(36)}`;

/** A small but well-formed PDF (one empty page). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** SHA-256 as the coreutils tool computes it, not as the server does. */
function sha256sum(bytes: Buffer): string {
  const file = path.join(os.tmpdir(), `${P}-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
  } finally {
    fs.rmSync(file);
  }
}

const upload = (s: Session | null, id: number, bytes: Buffer, fileName: string, fields: Record<string, string> = {}) => {
  const req = (s ? s.agent.post(`/api/projects/${id}/attachments`).set('X-CSRF-Token', s.csrfToken) : request(t.app).post(`/api/projects/${id}/attachments`));
  for (const [k, v] of Object.entries(fields)) req.field(k, v);
  return req.attach('file', bytes, fileName);
};

const expectBilingual = (body: { error?: { code?: string; message?: { zh?: string; en?: string } } }, code: string) => {
  expect(body.error?.code).toBe(code);
  expect(body.error?.message?.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(body.error?.message?.en).toMatch(/[a-z]/);
};

beforeAll(async () => {
  t = await openTestApp({ ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
  await makeUser(t.db.pool, `${P}_owner`, 'applicant');
  await makeUser(t.db.pool, `${P}_other`, 'applicant');
  await makeUser(t.db.pool, `${P}_reviewer`, 'reviewer');
  await makeUser(t.db.pool, `${P}_admin`, 'admin');
  [owner, other, reviewer, admin] = await Promise.all(['owner', 'other', 'reviewer', 'admin'].map((r) => login(t.app, `${P}_${r}`)));
  const created = await owner.post('/api/projects', { name: `${P} 站点`, geometry: square(101.31, 31.31), project: { type: 'commercial' } });
  expect(created.status).toBe(201);
  projectId = created.body.id;
});
afterAll(async () => {
  await t?.close();
});

describe('attachments', () => {
  it('stores a PDF with its SHA-256, lists it and sends it back byte for byte as an attachment download', async () => {
    const res = await upload(owner, projectId, PDF, '不可避让论证报告.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number), fileName: '不可避让论证报告.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: sha256sum(PDF) });

    const list = await reviewer.get(`/api/projects/${projectId}/attachments`).expect(200);
    expect(list.body).toContainEqual(expect.objectContaining({ id: res.body.id, fileName: '不可避让论证报告.pdf', uploadedBy: `${P}_owner`, commentId: null }));

    const file = await reviewer.get(`/api/projects/${projectId}/attachments/${res.body.id}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; /);
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('不可避让论证报告.pdf')}`);
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
  });

  it('accepts images and Office files by their content (a PNG, an XLSX written by ExcelJS)', async () => {
    // The head of a real PNG (under the test's 64 KB limit): the type is read from the first bytes.
    const png = fs.readFileSync(path.join(import.meta.dirname, '../../../docs/screenshot-labels.png')).subarray(0, 60_000);
    const pngRes = await upload(owner, projectId, png, '红线图扫描件.png');
    expect(pngRes.status).toBe(201);
    expect(pngRes.body.mediaType).toBe('image/png');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('投资估算').addRow(['项目', '万元']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const x = await upload(reviewer, projectId, xlsx, '投资估算.xlsx');
    expect(x.status).toBe(201);
    expect(x.body.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('refuses a disguised executable (an ELF binary or a Windows PE renamed .pdf) with a bilingual 415', async () => {
    const elf = fs.readFileSync('/bin/true');
    const res = await upload(owner, projectId, elf, '论证材料.pdf');
    expect(res.status).toBe(415);
    expectBilingual(res.body, 'UNSUPPORTED_ATTACHMENT_TYPE');
    const pe = Buffer.alloc(1024);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x80, 0x3c);
    pe.write('PE\0\0', 0x80, 'latin1');
    const res2 = await upload(owner, projectId, pe, 'scan.pdf');
    expect(res2.status).toBe(415);
    expectBilingual(res2.body, 'UNSUPPORTED_ATTACHMENT_TYPE');
    // A real PDF with another format's name is refused too: the name must say what the content is.
    const mismatch = await upload(owner, projectId, PDF, 'photo.jpg');
    expect(mismatch.status).toBe(415);
    expectBilingual(mismatch.body, 'ATTACHMENT_TYPE_MISMATCH');
    const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM attachments WHERE project_id = $1 AND file_name IN ($2, $3, $4)', [projectId, '论证材料.pdf', 'scan.pdf', 'photo.jpg']);
    expect(rows[0].n).toBe(0);
  });

  it(`refuses a file over ATTACHMENT_MAX_BYTES (${MAX_BYTES}) with a bilingual 413`, async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES, 0x20)]);
    const res = await upload(owner, projectId, big, 'big.pdf');
    expect(res.status).toBe(413);
    expectBilingual(res.body, 'ATTACHMENT_TOO_LARGE');
    expect(res.body.error.message.zh).toContain('64 KB');
  });

  it('is audited with its name, size and SHA-256', async () => {
    const res = await upload(owner, projectId, PDF, 'audit.pdf').expect(201);
    const audit = await admin.get(`/api/projects/${projectId}/audit`).expect(200);
    expect(audit.body).toContainEqual(
      expect.objectContaining({
        action: 'attachment.added',
        actor: `${P}_owner`,
        detail: expect.objectContaining({ attachmentId: res.body.id, fileName: 'audit.pdf', size: PDF.length, sha256: sha256sum(PDF) }),
      }),
    );
  });

  it('attaches to a comment of the same project only', async () => {
    const comment = await reviewer.post(`/api/projects/${projectId}/comments`, { body: '请补充不可避让论证' }).expect(201);
    const ok = await upload(owner, projectId, PDF, '补充论证.pdf', { commentId: String(comment.body.id) });
    expect(ok.status).toBe(201);
    const list = await owner.get(`/api/projects/${projectId}/attachments`).expect(200);
    expect(list.body.find((a: { id: number }) => a.id === ok.body.id).commentId).toBe(comment.body.id);
    const wrong = await upload(owner, projectId, PDF, 'x.pdf', { commentId: '999999999' });
    expect(wrong.status).toBe(422);
  });

  it('is readable only by those who may read the project: 401 anonymous, 403 another applicant; only owner and reviewers add', async () => {
    const id = (await upload(owner, projectId, PDF, 'acl.pdf').expect(201)).body.id;
    await request(t.app).get(`/api/projects/${projectId}/attachments`).expect(401);
    await request(t.app).get(`/api/projects/${projectId}/attachments/${id}`).expect(401);
    expect((await upload(null, projectId, PDF, 'anon.pdf')).status).toBe(401);
    const denied = await other.get(`/api/projects/${projectId}/attachments/${id}`);
    expect(denied.status).toBe(403);
    expectBilingual(denied.body, 'NOT_PROJECT_OWNER');
    await other.get(`/api/projects/${projectId}/attachments`).expect(403);
    expect((await upload(other, projectId, PDF, 'intruder.pdf')).status).toBe(403);
    await owner.get(`/api/projects/${projectId}/attachments/${id}`).expect(200);
    await admin.get(`/api/projects/${projectId}/attachments/${id}`).expect(200);
    // Another project's attachment id does not open through this project.
    const second = (await owner.post('/api/projects', { name: `${P} 二`, geometry: square(101.33, 31.33), project: { type: 'commercial' } })).body.id;
    await owner.get(`/api/projects/${second}/attachments/${id}`).expect(404);
    // No CSRF token: refused before anything is stored.
    expect((await owner.agent.post(`/api/projects/${projectId}/attachments`).attach('file', PDF, 'nocsrf.pdf')).status).toBe(403);
  });
});

describe('project record fields', () => {
  it('keeps 建设单位, 项目代码, 联系人, 电话, 用地性质 and 投资, audits their change and finds the project by its code', async () => {
    const record = { builder: '花溪区城投公司', projectCode: `2026-520111-48-01-${P}`, contactName: '王工', contactPhone: '0851-8888 6666', landUse: '公用设施用地', investmentWan: 12500.5 };
    const created = await owner.post('/api/projects', { name: `${P} 记录`, geometry: square(101.35, 31.35), project: { type: 'public_service' }, applicant: '花溪区水务局', description: '泵站', ...record });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...record, applicant: '花溪区水务局', description: '泵站', archivedAt: null });
    const changed = await owner.patch(`/api/projects/${created.body.id}`, { version: 1, investmentWan: 13000, contactPhone: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ investmentWan: 13000, contactPhone: null, builder: '花溪区城投公司' });
    const audit = await owner.get(`/api/projects/${created.body.id}/audit`).expect(200);
    expect(audit.body.find((a: { action: string }) => a.action === 'project.updated').detail.fields.sort()).toEqual(['contactPhone', 'investmentWan']);
    const found = await reviewer.get(`/api/projects?q=${encodeURIComponent(record.projectCode)}`).expect(200);
    expect(found.body.map((p: { id: number }) => p.id)).toEqual([created.body.id]);
    const bad = await owner.post('/api/projects', { name: 'x', geometry: square(101.35, 31.35), project: { type: 'other' }, investmentWan: -1 });
    expect(bad.status).toBe(400);
  });
});

describe('archiving', () => {
  it('hides an archived project from the default register and the dashboard, keeps it under archived=true and in the audit', async () => {
    const id = (await owner.post('/api/projects', { name: `${P} 测试垃圾`, geometry: square(101.37, 31.37), project: { type: 'other' } })).body.id;
    const ids = async (s: Session, query = '') => (await s.get(`/api/projects?q=${P}${query}`).expect(200)).body.map((p: { id: number }) => p.id);
    const before = (await admin.get('/api/dashboard').expect(200)).body.total;
    expect(await ids(admin)).toContain(id);

    const archived = await admin.post(`/api/projects/${id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body).toEqual({ id, archivedAt: expect.stringMatching(/^\d{4}-/) });
    expect(await ids(admin)).not.toContain(id);
    expect(await ids(owner)).not.toContain(id);
    expect(await ids(admin, '&archived=true')).toContain(id);
    expect(await ids(admin, '&archived=only')).toEqual([id]);
    expect((await admin.get('/api/dashboard').expect(200)).body.total).toBe(before - 1);
    // Still readable by id, and a closed file: no edits until restored.
    expect((await owner.get(`/api/projects/${id}`).expect(200)).body.archivedAt).toEqual(archived.body.archivedAt);
    const edit = await owner.patch(`/api/projects/${id}`, { version: 1, name: 'x' });
    expect(edit.status).toBe(409);
    expectBilingual(edit.body, 'PROJECT_ARCHIVED');

    const audit = await admin.get(`/api/projects/${id}/audit`).expect(200);
    expect(audit.body.map((a: { action: string }) => a.action)).toEqual(['project.created', 'project.archived']);
    expect((await admin.get('/api/audit?action=project.archived').expect(200)).body.map((a: { projectId: number }) => a.projectId)).toContain(id);

    await admin.post(`/api/projects/${id}/unarchive`).expect(200);
    expect(await ids(admin)).toContain(id);
    expect((await admin.get(`/api/projects/${id}/audit`)).body.map((a: { action: string }) => a.action)).toEqual(['project.created', 'project.archived', 'project.unarchived']);
  });
});

describe('dashboard queues from stored submission and decision times (fixed clock)', () => {
  it('counts waiting, overdue and decision times of the projects a user sees, archived ones left out', async () => {
    const { dashboardCounts } = await import('../../../server/projects/register.ts');
    const user = await makeUser(t.db.pool, `${P}_clock`, 'applicant');
    const s = await login(t.app, `${P}_clock`);
    const make = async (name: string, submit: boolean) => {
      const id = (await s.post('/api/projects', { name, geometry: square(101.39, 31.39 + Math.random() / 10), project: { type: 'commercial' } })).body.id;
      if (submit) await s.post(`/api/projects/${id}/submit`, { version: 1 }).expect(200);
      return id;
    };
    const [onTime, late, decided, archived] = [await make('a', true), await make('b', true), await make('c', true), await make('d', true)];
    await t.db.pool.query(`UPDATE projects SET submitted_at = '2026-11-04T02:00:00Z' WHERE id = $1`, [onTime]);
    await t.db.pool.query(`UPDATE projects SET submitted_at = '2026-11-03T02:00:00Z' WHERE id = $1`, [late]);
    await t.db.pool.query(`UPDATE projects SET status = 'approved', submitted_at = '2026-11-02T02:00:00Z', decided_at = '2026-11-09T08:00:00Z' WHERE id = $1`, [decided]);
    await t.db.pool.query(`UPDATE projects SET submitted_at = '2026-01-05T02:00:00Z', archived_at = now() WHERE id = $1`, [archived]);
    const viewer = { ...s.user, id: user.id } as Parameters<typeof dashboardCounts>[1];
    const d = await dashboardCounts(t.db.pool, viewer, { now: new Date('2026-12-02T04:00:00Z'), deadlineWorkingDays: 20 });
    expect(d.total).toBe(3);
    expect(d.queues.waiting).toEqual({ count: 2, overdue: 1, meanWorkingDays: 20.5, maxWorkingDays: 21 });
    expect(d.queues.decided).toEqual({ count: 1, late: 0, meanWorkingDays: 5 });
    const later = await dashboardCounts(t.db.pool, viewer, { now: new Date('2026-12-03T04:00:00Z'), deadlineWorkingDays: 20 });
    expect(later.queues.waiting.overdue).toBe(2);
    // The register row carries the same clock.
    const row = (await s.get(`/api/projects/${late}`).expect(200)).body;
    expect(row.waitingWorkingDays).toBeGreaterThanOrEqual(21);
    expect(row.overdue).toBe(true);
  });
});
