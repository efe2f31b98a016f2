import express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { rulesRouter } from '../../../server/check/rules-routes.ts';
import type { ListedRule } from '../../../server/check/rules.ts';
import { ARTICLE_UNVERIFIED } from '../../../common/domain/laws.ts';

/**
 * Issue 20: every correction of the rule base, read back from GET /api/rules. Each expectation
 * names the official wording (shared/domain/rules.md, corrected 2026-12-02) and refuses the old one.
 */

let rules: ListedRule[];
const rule = (id: string): ListedRule => {
  const r = rules.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};

beforeAll(async () => {
  const res = await request(express().use(rulesRouter())).get('/api/rules').expect(200);
  rules = res.body;
});

describe('issue 20: corrected citations in GET /api/rules', () => {
  it('row 1 — 风景名胜区条例 28: cableway siting approved at provincial level (2016 text), not by the State Council department', () => {
    for (const id of ['SA-CONSTRUCTION', 'SA-NEAR', 'SA-TOUCH']) {
      const { basis } = rule(id);
      expect(basis.article, id).toBe('第二十八条');
      expect(basis.textZh, id).toContain('应当报省、自治区人民政府建设主管部门和直辖市人民政府风景名胜区主管部门核准');
      expect(basis.textZh, id).not.toContain('国务院建设主管部门');
      expect(basis.identity, id).toContain('2016年修订');
    }
    expect(rule('SA-CONSTRUCTION').procedure.zh).not.toContain('国务院建设主管部门');
    expect(rule('SA-CONSTRUCTION').procedure.zh).toContain('省、自治区人民政府建设主管部门');
  });

  it('row 2 — 补划 is 基本农田保护条例 art. 16, not art. 15', () => {
    const { procedure } = rule('PBF-KEY-PROJECT');
    expect(procedure.zh).toContain('第十六条');
    expect(procedure.zh).toContain('补充划入数量和质量相当的基本农田');
    expect(procedure.zh).toContain('耕地开垦费');
    expect(procedure.zh).not.toContain('第十五条');
    expect(procedure.en).toContain('Art. 16');
  });

  it('row 3 — 水污染防治法 63: 划定 proposed by 市/县 and approved by the province; the State Council and the province adjust', () => {
    const { basis } = rule('DWS-NEAR');
    expect(basis.article).toBe('第六十三条');
    expect(basis.textZh).toContain('国务院和省、自治区、直辖市人民政府可以根据保护饮用水水源的实际需要，调整饮用水水源保护区的范围');
    expect(basis.textZh).not.toContain('划定及调整');
    const prohibited = rule('DWS1-PROHIBITED').procedure.zh;
    expect(prohibited).toContain('国务院或省级人民政府调整');
    expect(prohibited).not.toContain('经省级人民政府批准调整');
  });

  it('row 4 — "详细规划＋规划许可" comes from 中发〔2019〕18号, not 厅字〔2019〕48号', () => {
    const { basis } = rule('UDB-INSIDE');
    expect(basis.law).toContain('中发〔2019〕18号');
    expect(basis.law).not.toContain('48号');
    expect(basis.identity).toBe('中发〔2019〕18号');
    expect(basis.article).toContain('健全用途管制制度');
    expect(basis.textZh).toContain('在城镇开发边界内的建设，实行“详细规划＋规划许可”的管制方式');
  });

  it('row 5 — 湿地公园保育区 cites the 办法 in force from 2023 by its number, never the lapsed 2017 text as current', () => {
    for (const id of ['WL-PARK-CONSERVATION-RESEARCH', 'WL-PARK-CONSERVATION-PROHIBITED']) {
      const { basis } = rule(id);
      expect(basis.law, id).toContain('林湿发〔2022〕3号');
      expect(basis.law, id).not.toContain('2017');
      expect(basis.inForceFrom, id).toBe('2023-01-01');
      expect(basis.inForce, id).not.toBe('lapsed');
      // Its article could not be read: the marker stays, with the source that was checked.
      expect(basis.article, id).toBe(ARTICLE_UNVERIFIED);
      expect(basis.check.verified, id).toBe(false);
      expect(basis.check.source, id).toContain('林湿发〔2017〕150号');
    }
  });

  it('row 6 — 湿地保护法 21: the exemption covers only water works in a 河道管理范围 or 蓄滞洪区', () => {
    const { procedure } = rule('WL-NATIONAL-EXCEPTION');
    expect(procedure.zh).toContain('防洪、航道、港口或者其他水工程占用河道管理范围及蓄滞洪区内湿地');
    expect(procedure.zh).not.toContain('防洪等水工程除外');
    expect(procedure.en).toContain('flood-storage area');
  });

  it('row 7 — 2017 条例 27: core-zone entry approved by the reserve’s 管理机构; the province only for national reserves', () => {
    const r = rule('NR-LEGACY-CORE-RESEARCH');
    expect(r.procedure.zh).toContain('经管理机构批准');
    expect(r.procedure.zh).toContain('进入国家级自然保护区核心区的，须经省级人民政府自然保护区行政主管部门批准');
    expect(r.procedure.zh).not.toContain('经省级以上自然保护区行政主管部门批准后方可进入');
    expect(r.basis.textZh).toContain('并经自然保护区管理机构批准；其中，进入国家级自然保护区核心区的');
  });

  it('row 8 — a rule citing two articles quotes both', () => {
    const core = rule('NR-LEGACY-CORE-PROHIBITED').basis;
    expect(core.article).toBe('第二十七条、第三十二条');
    expect(core.textZh).toContain('禁止任何人进入自然保护区的核心区');
    expect(core.textZh).toContain('在自然保护区的核心区和缓冲区内，不得建设任何生产设施');
    const buffer = rule('NR-LEGACY-BUFFER-PROHIBITED').basis;
    expect(buffer.article).toBe('第二十八条、第三十二条');
    expect(buffer.textZh).toContain('禁止在自然保护区的缓冲区开展旅游和生产经营活动');
    expect(buffer.textZh).toContain('不得建设任何生产设施');
  });

  it('row 9 — 2026 条例 一般控制区: the marker and the source checked, and no 142号 wording passed off as the regulation’s', () => {
    const ids = rules.filter((r) => r.id.startsWith('NR-2026-GENERAL-') && r.basis.law.includes('2026')).map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of [...ids, 'NR-NEAR', 'NR-TOUCH']) {
      const { basis } = rule(id);
      expect(basis.article, id).toBe(ARTICLE_UNVERIFIED);
      expect(basis.check.verified, id).toBe(false);
      expect(basis.check.source, id).toContain('第二十七条');
      expect(basis.textZh, id).not.toContain('禁止开发性、生产性建设活动');
      expect(basis.identity, id).toContain('国务院令第830号');
    }
  });

  it('row 10 — the red line’s core part: art. 26 governs nature-reserve cores only, parks follow their own rules', () => {
    const r = rule('EPR-CORE-ALLOWED');
    expect(r.basis.textZh).toMatch(/^（适用于自然保护区核心保护区；国家公园等其他自然保护地的核心保护区依其规定）/);
    expect(r.procedure.zh).toContain('《国家公园管理暂行办法》');
    expect(r.procedure.zh).toContain('自然保护区依《中华人民共和国自然保护区条例》（2026年修订）第二十六条');
  });

  it('row 11 — 三线一单 and 城镇开发边界: local wording cited to the local list, unconfirmed articles marked with their source', () => {
    for (const r of rules.filter((x) => x.kind === 'control_unit')) {
      expect(r.basis.article, r.id).toBe(ARTICLE_UNVERIFIED);
      expect(r.basis.check.verified, r.id).toBe(false);
      expect(r.basis.check.source.length, r.id).toBeGreaterThan(20);
      if (r.basis.law.includes('关于加强生态环境分区管控的意见')) expect(r.basis.textZh, r.id).not.toContain('大规模、高强度');
    }
    const high = rule('ECU-PRIORITY-HIGH').basis;
    expect(high.law).toContain('贵阳市');
    expect(high.textZh).toContain('禁止或限制大规模、高强度的工业和城镇建设');
    expect(high.check.source).toContain('shared/seeds/000');
    for (const r of rules.filter((x) => x.id.startsWith('UDB-OUTSIDE-'))) {
      expect(r.basis.article, r.id).toBe(ARTICLE_UNVERIFIED);
      expect(r.basis.check.source, r.id).toContain('城镇开发边界管理办法（试行）');
      expect(r.basis.inForce, r.id).toBe('unconfirmed');
      expect(r.basis.currencyNote?.zh, r.id).toContain('2026');
    }
  });
});

describe('issue 20: every citation carries its identity, currency and check', () => {
  it('names the instrument’s document number or revision year, and a source checked on a date', () => {
    for (const r of rules.filter((x) => x.id !== 'MANUAL-REVIEW')) {
      expect(r.basis.identity, r.id).toMatch(/号|年/);
      expect(r.basis.check.source.length, r.id).toBeGreaterThan(5);
      expect(r.basis.check.checkedOn, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('never verifies an article it marks unverified', () => {
    for (const r of rules) if (r.basis.article === ARTICLE_UNVERIFIED) expect(r.basis.check.verified, r.id).toBe(false);
  });

  it('cites a lapsed instrument only in rules that say they are legacy (the 2017 自然保护区条例)', () => {
    const lapsed = rules.filter((r) => r.basis.inForce === 'lapsed');
    expect(lapsed.length).toBeGreaterThan(0);
    for (const r of lapsed) {
      expect(r.scheme, r.id).toBe('legacy');
      expect(r.basis.law, r.id).toContain('2017年修订');
    }
    // The 2026 revision is in force on a check made after 2026-03-15 (the server's date here).
    expect(rule('NR-2026-CORE-PROHIBITED').basis.inForce).toBe('in_force');
  });
});
