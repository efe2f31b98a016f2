import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { rulesRouter } from '../../../server/check/rules-routes.ts';
import { PROJECT_FLAGS, PROJECT_TYPES } from '../../../server/check/project.ts';
import { MANUAL_REVIEW_RULE, RULES } from '../../../server/check/rules.ts';

const app = express().use(rulesRouter());

describe('rules routes', () => {
  it('GET /api/rules lists every rule with its citation and no predicate', async () => {
    const res = await request(app).get('/api/rules').expect(200).expect('Content-Type', /json/);
    expect(res.body.map((r: { id: string }) => r.id)).toEqual([...RULES, MANUAL_REVIEW_RULE].map((r) => r.id));
    const rule = res.body.find((r: { id: string }) => r.id === 'DWS2-DISCHARGES');
    expect(rule).toMatchObject({
      id: 'DWS2-DISCHARGES',
      kind: 'water_source',
      level: 'grade2',
      verdict: 'prohibited',
      conditionText: { zh: expect.any(String), en: expect.any(String) },
      procedure: { zh: expect.any(String), en: expect.any(String) },
      basis: { law: '《中华人民共和国水污染防治法》', article: '第六十六条', textZh: expect.any(String), textEn: expect.any(String) },
    });
    expect(rule).not.toHaveProperty('when');
  });

  it('GET /api/rules/export lists per rule the law, article, quoted text, source checked and verified or not (CSV and XLSX)', async () => {
    const csv = await request(app).get('/api/rules/export?format=csv').expect(200).expect('Content-Type', /text\/csv/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const { parse } = await import('csv-parse/sync');
    const rows: string[][] = parse(csv.text.slice(1));
    const header = rows[0];
    for (const col of ['规则编号', '法律法规', '文号/版本', '效力', '条款', '引文', '是否已核实', '核对来源', '核对日期']) expect(header).toContain(col);
    expect(rows.length - 1).toBe(RULES.length + 1);
    const at = (id: string, col: string) => rows.find((r) => r[0] === id)?.[header.indexOf(col)];
    expect(at('SA-CONSTRUCTION', '引文')).toContain('应当报省、自治区人民政府建设主管部门');
    expect(at('SA-CONSTRUCTION', '是否已核实')).toBe('已核实');
    expect(at('UDB-OUTSIDE-URBAN', '条款')).toBe('（条款号待核实）');
    expect(at('UDB-OUTSIDE-URBAN', '是否已核实')).toBe('未核实');
    expect(at('UDB-OUTSIDE-URBAN', '效力')).toBe('效力待核实');
    expect(at('NR-LEGACY-CORE-PROHIBITED', '效力')).toBe('已失效');

    const xlsx = await request(app).get('/api/rules/export?format=xlsx&lang=en').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.worksheets[0];
    const head = (sheet.getRow(1).values as string[]).slice(1);
    expect(head).toEqual(expect.arrayContaining(['Law', 'Article', 'Quoted text', 'Source checked', 'Verified']));
    expect(sheet.rowCount - 1).toBe(RULES.length + 1);

    await request(app).get('/api/rules/export?format=pdf').expect(400);
  });

  it('GET /api/project-types lists every type and flag with labels', async () => {
    const res = await request(app).get('/api/project-types').expect(200);
    expect(res.body.types.map((t: { key: string }) => t.key)).toEqual([...PROJECT_TYPES]);
    expect(res.body.types[0]).toEqual({ key: 'linear_infrastructure', code: 'LIN', zh: expect.any(String), en: expect.any(String) });
    expect(res.body.flags.map((f: { key: string }) => f.key)).toEqual([...PROJECT_FLAGS, 'widthM']);
    expect(res.body.flags.find((f: { key: string }) => f.key === 'widthM')).toMatchObject({ valueType: 'number', zh: '影响宽度（米）' });
    expect(res.body.flags.find((f: { key: string }) => f.key === 'outfall')).toMatchObject({ valueType: 'boolean', hint: { zh: expect.any(String) } });
  });
});
