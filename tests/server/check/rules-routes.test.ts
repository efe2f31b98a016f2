import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { rulesRouter } from '../../../server/check/rules-routes.ts';
import { PROJECT_FLAGS, PROJECT_TYPES } from '../../../common/domain/development.ts';
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

  it('GET /api/rules.csv lists per rule the law, article, quoted text, identity, currency, source checked and verified or not', async () => {
    const { rulesDownloadRouter } = await import('../../../server/check/rules-download-routes.ts');
    const csv = await request(express().use(rulesDownloadRouter())).get('/api/rules.csv').expect(200).expect('Content-Type', /text\/csv/);
    const { parse } = await import('csv-parse/sync');
    const rows: string[][] = parse(csv.text.replace(/^\uFEFF/, ''));
    const header = rows[0];
    const col = (start: string) => header.findIndex((h) => h.startsWith(start));
    for (const c of ['法律法规', '条款', '条文', '文号/版本', '效力', '是否已核实', '核对来源', '核对日期']) expect(col(c), c).toBeGreaterThanOrEqual(0);
    expect(header.some((h) => h.includes('Basis: check'))).toBe(false); // no JSON blobs
    const at = (id: string, c: string) => rows.find((r) => r[0] === id)?.[col(c)];
    expect(at('SA-CONSTRUCTION', '条文')).toContain('应当报省、自治区人民政府建设主管部门');
    expect(at('SA-CONSTRUCTION', '是否已核实')).toMatch(/^已核实/);
    expect(at('UDB-OUTSIDE-URBAN', '条款')).toBe('（条款号待核实）');
    expect(at('UDB-OUTSIDE-URBAN', '是否已核实')).toMatch(/^未核实/);
    expect(at('UDB-OUTSIDE-URBAN', '效力')).toMatch(/^效力待核实/);
    expect(at('NR-LEGACY-CORE-PROHIBITED', '效力')).toMatch(/^已失效/);
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
