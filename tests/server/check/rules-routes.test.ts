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

  it('GET /api/project-types lists every type and flag with labels', async () => {
    const res = await request(app).get('/api/project-types').expect(200);
    expect(res.body.types.map((t: { key: string }) => t.key)).toEqual([...PROJECT_TYPES]);
    expect(res.body.types[0]).toEqual({ key: 'linear_infrastructure', code: 'LIN', zh: expect.any(String), en: expect.any(String) });
    expect(res.body.flags.map((f: { key: string }) => f.key)).toEqual([...PROJECT_FLAGS, 'widthM']);
    expect(res.body.flags.find((f: { key: string }) => f.key === 'widthM')).toMatchObject({ valueType: 'number', zh: '影响宽度（米）' });
    expect(res.body.flags.find((f: { key: string }) => f.key === 'outfall')).toMatchObject({ valueType: 'boolean', hint: { zh: expect.any(String) } });
  });
});
