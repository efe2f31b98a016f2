import express from 'express';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../../server/reports/csv.ts';
import type { ReportInput } from '../../../common/report/report-input.ts';
import { buildReportModel } from '../../../common/report/report-model.ts';
import { reportRouter } from '../../../server/reports/routes.ts';
import type { ReportReview } from '../../../common/report/review-section.ts';
import { reportXlsx } from '../../../server/reports/xlsx.ts';
import { errorMiddleware } from '../../../server/http/error-middleware.ts';
import { REPORT_INPUT, WATER_SOURCE_RESULT } from '../../common/report/check-result-fixture.ts';

const app = express();
app.use(express.json({ limit: '20mb' }));
app.use(reportRouter());
app.use(errorMiddleware({ error: () => undefined }));

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A comment as reviewers write them: commas, quotes and a line break survive CSV quoting. */
const REVIEW: ReportReview = {
  decision: 'revise',
  reviewer: 'wang_shen',
  comment: '选址位于饮用水水源一级保护区，请调整，"东侧"退让 200 米\n并补充论证材料',
  at: '2026-05-01T06:03:22.000Z',
  projectId: 12,
  projectName: '某化工厂',
  checkId: 34,
};

/**
 * The files as the routes make them from a report input. A review reaches that input only from the
 * register (tests/server/projects/report-review.db.test.ts), so the layout is tested on the model.
 */
const csvRows = async (input: ReportInput): Promise<string[][]> =>
  parse(reportCsv(buildReportModel(input)), { bom: true, relax_column_count: true }) as string[][];

const workbook = async (input: ReportInput) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await reportXlsx(buildReportModel(input))) as unknown as ArrayBuffer);
  return book;
};

const tableLength = 1 + WATER_SOURCE_RESULT.results.length + WATER_SOURCE_RESULT.clearLayers.length;

describe('审查意见 in the per-check CSV and XLSX', () => {
  it('CSV: the table, an empty line, then 审查意见 as label,value rows (comment intact)', async () => {
    const rows = await csvRows({ ...REPORT_INPUT, review: REVIEW });
    expect(rows.slice(0, tableLength).every((r) => r.length === 12)).toBe(true);
    expect(rows[tableLength]).toEqual(['']);
    expect(rows.slice(tableLength + 1)).toEqual([
      ['审查意见'],
      ['项目台账编号', '#12 某化工厂'],
      ['审查决定', '退回修改'],
      ['审查意见', '选址位于饮用水水源一级保护区，请调整，"东侧"退让 200 米\n并补充论证材料'],
      ['审查人', 'wang_shen'],
      ['决定时间', '2026-05-01 14:03:22（北京时间）'],
      ['所依据的核查记录', '#34'],
    ]);
  });

  it('CSV in English', async () => {
    const rows = await csvRows({ ...REPORT_INPUT, lang: 'en', review: { ...REVIEW, decision: 'reject' } });
    expect(rows[tableLength + 1]).toEqual(['Review decision']);
    expect(rows).toContainEqual(['Decision', 'Rejected']);
    expect(rows).toContainEqual(['Reviewer', 'wang_shen']);
  });

  it('CSV of a plain check (no review) is the table alone', async () => {
    const rows = await csvRows(REPORT_INPUT);
    expect(rows).toHaveLength(tableLength);
    expect(rows.flat()).not.toContain('审查意见');
  });

  it('XLSX: a 审查意见 sheet with decision (coloured), comment, reviewer, time and check run', async () => {
    const book = await workbook({ ...REPORT_INPUT, review: REVIEW });
    expect(book.worksheets.map((w) => w.name)).toEqual(['分图层核查结果', '选址概况', '审查意见', '触发规则']);
    const sheet = book.getWorksheet('审查意见')!;
    const values = sheet.getSheetValues().slice(1).map((row) => (row as ExcelJS.CellValue[]).slice(1));
    expect(values).toEqual([
      ['审查意见'],
      ['项目台账编号', '#12 某化工厂'],
      ['审查决定', '退回修改'],
      ['审查意见', REVIEW.comment],
      ['审查人', 'wang_shen'],
      ['决定时间', '2026-05-01 14:03:22（北京时间）'],
      ['所依据的核查记录', '#34'],
    ]);
    // 退回修改 in the report's orange (conditional), as on the PDF.
    expect(sheet.getRow(3).getCell(2).font?.color?.argb).toBe('FFEF6C00');
  });

  it('XLSX of a plain check has no 审查意见 sheet', async () => {
    const book = await workbook(REPORT_INPUT);
    expect(book.worksheets.map((w) => w.name)).toEqual(['分图层核查结果', '选址概况', '触发规则']);
  });
});

describe('a review sent in the request body is never printed', () => {
  const FORGED = { ...REVIEW, decision: 'approve', comment: '同意选址（伪造）' };

  for (const kind of ['csv', 'xlsx', 'pdf'] as const) {
    it(`${kind.toUpperCase()}: refused with a bilingual 422, nothing made`, async () => {
      const res = await request(app).post(`/api/report/${kind}`).send({ ...REPORT_INPUT, review: FORGED });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('REVIEW_NOT_ACCEPTED');
      expect(res.body.error.message.zh).toContain('项目台账');
      expect(res.body.error.message.en).toContain('project register');
      expect(JSON.stringify(res.body)).not.toContain('伪造');
    });
  }

  it('a check run without a register (no database) is unknown: 404, not a report', async () => {
    const res = await request(app).post('/api/report/csv').send({ ...REPORT_INPUT, checkId: 34, review: FORGED });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('UNKNOWN_CHECK');
  });
});

