import { describe, expect, it } from 'vitest';
import { evaluateLayer } from '../../../server/check/evaluate.ts';
import { listRules } from '../../../server/check/rules.ts';
import { LAYER_KINDS, LEVEL_LABELS, NO_LEVEL } from '../../../common/domain/layer-kinds.ts';
import { PROJECT_FLAGS, PROJECT_TYPES } from '../../../common/domain/development.ts';
import { parseProject } from '../../../server/check/development-input.ts';
import { MANUAL_REVIEW_RULE, RULES } from '../../../server/check/rules.ts';
import { ARTICLE_UNVERIFIED } from '../../../common/domain/laws.ts';
import type { Relation } from '../../../server/check/rules/rule.ts';
import { severity } from '../../../common/domain/verdict.ts';
import { RULE_FIXTURES, type Case } from './rule-fixtures.ts';

const ALL_RULES = [...RULES, MANUAL_REVIEW_RULE];

function firedIds(rule: (typeof ALL_RULES)[number], c: Case): string[] {
  const levels = c.levels ?? (rule.level === undefined ? [] : typeof rule.level === 'string' ? [rule.level] : [rule.level[0]]);
  const relation: Relation = c.relation ?? (rule.relation === undefined || rule.relation === 'any' ? 'overlaps' : rule.relation);
  const result = evaluateLayer({ kind: c.kind ?? rule.kind, levels, relation, project: parseProject(c.project), context: c.context });
  return result.rules.map((r) => r.id);
}

describe('rule base: every rule fires in its case and stays silent in its near-miss', () => {
  it('has a fixture for every rule id, and no fixture for a rule that does not exist', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(ids.filter((id) => !(id in RULE_FIXTURES))).toEqual([]);
    expect(Object.keys(RULE_FIXTURES).filter((id) => !ids.includes(id))).toEqual([]);
  });

  for (const rule of ALL_RULES) {
    const fixture = RULE_FIXTURES[rule.id];
    if (!fixture) continue; // reported by the test above
    it(`${rule.id} fires`, () => {
      expect(firedIds(rule, fixture.fires)).toContain(rule.id);
    });
    it(`${rule.id} does not fire in its near-miss`, () => {
      expect(firedIds(rule, fixture.doesNotFire)).not.toContain(rule.id);
    });
  }
});

describe('rule base: shape', () => {
  it('has unique rule ids', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names only primary rules of the same kind in onlyAfter, and uses onlyAfter only on additive rules', () => {
    for (const rule of RULES.filter((r) => r.onlyAfter)) {
      expect(rule.additive, rule.id).toBe(true);
      for (const id of rule.onlyAfter ?? []) {
        const target = RULES.find((r) => r.id === id);
        expect(target?.kind, `${rule.id} → ${id}`).toBe(rule.kind);
        expect(target?.additive, `${rule.id} → ${id}`).not.toBe(true);
      }
    }
  });

  it('cites laws with book-title marks and articles in Chinese form', () => {
    for (const { id, basis } of RULES) {
      expect(basis.law, id).toMatch(/^《.+》/);
      expect(basis.article, id).not.toMatch(/[0-9]/);
      expect(
        basis.article === ARTICLE_UNVERIFIED ||
          /^第[一二三四五六七八九十百]+条/.test(basis.article) ||
          /^[一二三四五六七八九十]+(、（[一二三四五六七八九十]+）)?/.test(basis.article) ||
          /^“[\u4e00-\u9fff]+”部分$/.test(basis.article),
        `${id}: ${basis.article}`,
      ).toBe(true);
      expect(basis.textZh.length, id).toBeGreaterThan(10);
      expect(basis.textEn.length, id).toBeGreaterThan(10);
    }
  });

  it('gives every rule a condition and a procedure in Chinese and English', () => {
    for (const rule of ALL_RULES) {
      for (const text of [rule.conditionText, rule.procedure]) {
        expect(text.zh, rule.id).toMatch(/[\u4e00-\u9fff]/);
        expect(text.en, rule.id).toMatch(/^[\x20-\x7e\u2013-\u2026\u00b2\u2265]+$/);
      }
    }
  });

  it('lists the rules without predicates, with labels, for GET /api/rules', () => {
    const listed = listRules();
    expect(listed.map((r) => r.id)).toEqual(ALL_RULES.map((r) => r.id));
    for (const r of listed) expect(r).not.toHaveProperty('when');
    const grade1 = listed.find((r) => r.id === 'DWS1-PROHIBITED');
    expect(grade1).toMatchObject({ kind: 'water_source', level: 'grade1', relation: 'overlaps', additive: false, verdict: 'prohibited' });
    expect(grade1?.kindLabel?.zh).toBe('饮用水水源保护区');
    expect(grade1?.levelLabels).toEqual([{ zh: '一级保护区', en: 'Grade-1 zone' }]);
    expect(JSON.parse(JSON.stringify(listed))).toEqual(listed); // plain data
  });
});

/** Every declared level of every kind, and NO_LEVEL where a kind allows features without one. */
function levelsOf(kind: (typeof LAYER_KINDS)[number]): string[] {
  const declared = Object.keys(LEVEL_LABELS[kind] ?? {});
  return declared.length === 0 ? [NO_LEVEL] : declared;
}

/** A spread of projects: every type, bare and with every flag set. */
const PROJECTS = PROJECT_TYPES.flatMap((type) => [
  parseProject({ type }),
  parseProject({ type, ...Object.fromEntries(PROJECT_FLAGS.map((f) => [f, true])) }),
]);

describe('rule base: completeness and the touching cap', () => {
  it('decides every project on every declared level of every kind (never falls back to manual review)', () => {
    for (const kind of LAYER_KINDS) {
      for (const level of levelsOf(kind)) {
        for (const layerLevels of [['core', 'buffer', 'experimental'], ['core', 'general']]) {
          for (const project of PROJECTS) {
            const result = evaluateLayer({ kind, levels: [level], relation: 'overlaps', project, context: { layerLevels } });
            expect(result.rules.map((r) => r.id), `${kind}/${level}/${project.type}`).not.toContain('MANUAL-REVIEW');
          }
        }
      }
    }
  });

  it('gives a site that only touches or is only near a zone at most a notice (the urban boundary excepted: it says where the site lies)', () => {
    for (const kind of LAYER_KINDS.filter((k) => k !== 'urban_boundary')) {
      for (const relation of ['touches', 'near'] as const) {
        for (const level of levelsOf(kind)) {
          for (const project of PROJECTS) {
            const result = evaluateLayer({ kind, levels: [level], relation, project, context: { severed: true } });
            expect(severity(result.verdict), `${kind}/${level}/${relation}/${project.type}`).toBeLessThanOrEqual(severity('notice'));
          }
        }
      }
    }
  });
});
