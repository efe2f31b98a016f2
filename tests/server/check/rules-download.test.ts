import ExcelJS from 'exceljs';
import express from 'express';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { rulesDownloadRouter } from '../../../server/check/rules-download-routes.ts';
import { rulesRouter } from '../../../server/check/rules-routes.ts';

/** The 规则库 as open data: the CSV and XLSX downloads hold every rule of GET /api/rules, with its legal basis. */
const app = express().use(rulesRouter()).use(rulesDownloadRouter());

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('规则库 downloads', () => {
  it('CSV: one row per rule, ids, verdicts and articles as GET /api/rules has them', async () => {
    const rules = (await request(app).get('/api/rules').expect(200)).body as { id: string; basis: { law: string; article: string } }[];
    const res = await request(app).get('/api/rules.csv').expect(200);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''%E8%A7%84%E5%88%99%E5%BA%93\.csv/);
    const rows = parse(res.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(rules.length);
    expect(rows.map((r) => r['规则编号 Rule id'])).toEqual(rules.map((r) => r.id));
    rules.forEach((r, i) => {
      expect(rows[i]['法律法规 Law']).toBe(r.basis.law);
      expect(rows[i]['条款 Article']).toBe(r.basis.article);
    });
    expect(rows.some((r) => r['结论 Verdict'] === '禁止 Prohibited')).toBe(true);
  });

  it('XLSX: the same rows in a sheet named 规则库', async () => {
    const rules = (await request(app).get('/api/rules').expect(200)).body as { id: string }[];
    const res = await request(app).get('/api/rules.xlsx').buffer(true).parse(binary as never).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    const sheet = wb.getWorksheet('规则库')!;
    expect(sheet.rowCount).toBe(rules.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe(rules[0].id);
  });
});
