import { describe, expect, it } from 'vitest';
import { evaluateLayer, type LayerEvaluationInput } from '../../../server/check/evaluate.ts';
import { parseProject } from '../../../server/check/development-input.ts';

/** The key scenarios of issue 6, and the merging semantics of evaluateLayer. */
const check = (kind: string, levels: (string | null)[], project: Record<string, unknown>, extra: Partial<LayerEvaluationInput> = {}) =>
  evaluateLayer({ kind, levels, relation: 'overlaps', project: parseProject(project), ...extra });

describe('issue 6 scenarios', () => {
  it('industrial + dischargesPollutants in a grade-1 water source → prohibited, citing 第六十五条 of the 水污染防治法', () => {
    const result = check('water_source', ['grade1'], { type: 'industrial', dischargesPollutants: true });
    expect(result.verdict).toBe('prohibited');
    expect(result.level).toBe('grade1');
    expect(result.rules[0].basis).toMatchObject({ law: '《中华人民共和国水污染防治法》', article: '第六十五条' });
  });

  it('water_supply in a grade-1 water source → not prohibited (conditional)', () => {
    const result = check('water_source', ['grade1'], { type: 'water_supply' });
    expect(result.verdict).toBe('conditional');
    expect(result.rules.map((r) => r.id)).toEqual(['DWS1-WATER-SUPPLY']);
  });

  it('livestock in a grade-2 water source → prohibited, citing 第六十六条', () => {
    const result = check('water_source', ['grade2'], { type: 'livestock' });
    expect(result.verdict).toBe('prohibited');
    expect(result.rules[0].basis.article).toBe('第六十六条');
  });

  it('linear_infrastructure + unavoidable in the red line → conditional, the procedure asking for the 省级人民政府认定意见', () => {
    const result = check('eco_redline', [], { type: 'linear_infrastructure', unavoidable: true });
    expect(result.verdict).toBe('conditional');
    expect(result.level).toBeNull();
    const item6 = result.rules.find((r) => r.id === 'EPR-GEN-ITEM6');
    expect(item6?.procedure.zh).toMatch(/省级人民政府.*认定意见/);
    expect(item6?.basis.article).toBe('一、（一）第六项');
  });

  it('linear_infrastructure without the unavoidable claim in the red line → prohibited', () => {
    expect(check('eco_redline', [], { type: 'linear_infrastructure' }).verdict).toBe('prohibited');
  });

  it('agriculture on permanent basic farmland → clear', () => {
    const result = check('basic_farmland', [], { type: 'agriculture' });
    expect(result.verdict).toBe('clear');
  });

  it('residential outside the urban development boundary → prohibited', () => {
    expect(check('urban_boundary', ['outside'], { type: 'residential' }).verdict).toBe('prohibited');
    expect(check('urban_boundary', ['inside'], { type: 'residential' }).verdict).toBe('clear');
  });

  it('a severed corridor → the severance notice 阻断生态廊道连通性, beside the connectivity notice', () => {
    const result = check('eco_corridor', [], { type: 'linear_infrastructure' }, { context: { severed: true } });
    expect(result.verdict).toBe('notice');
    expect(result.rules.map((r) => r.id)).toEqual(['CORRIDOR-CONNECTIVITY', 'CORRIDOR-SEVERED']);
    expect(result.rules[1].procedure.zh).toContain('阻断生态廊道连通性');
    expect(result.rules[0].procedure.zh).toContain('需生态连通性评估');
  });

  it('a factory in a priority control unit gets the HIGH emphasis as an extra rule', () => {
    const result = check('control_unit', ['priority'], { type: 'industrial' });
    expect(result.verdict).toBe('notice');
    expect(result.rules.map((r) => r.id)).toEqual(['ECU-PRIORITY', 'ECU-PRIORITY-HIGH']);
    // The emphasis in the planner's words, no English code in the Chinese text.
    expect(result.rules[1].procedure.zh).toMatch(/^【重点关注】/);
    expect(result.rules[1].procedure.zh).not.toMatch(/[A-Za-z]/);
  });
});

describe('evaluateLayer semantics', () => {
  it('fires only the first matching primary rule of a level', () => {
    // sewage treatment is water infrastructure too, but its outfall is decided first
    const result = check('water_source', ['grade1'], { type: 'sewage_treatment' });
    expect(result.rules.map((r) => r.id)).toEqual(['DWS1-OUTFALL']);
    expect(result.rules[0].basis.article).toBe('第六十四条');
  });

  it('returns fired rules in exactly the API shape { id, verdict, procedure, basis }', () => {
    const [rule] = check('water_source', ['grade1'], { type: 'commercial' }).rules;
    expect(Object.keys(rule).sort()).toEqual(['basis', 'id', 'procedure', 'verdict']);
    expect(Object.keys(rule.basis).sort()).toEqual(['article', 'law', 'textEn', 'textZh']);
    expect(Object.keys(rule.procedure).sort()).toEqual(['en', 'zh']);
  });

  it('merges several levels: the most severe verdict and its level, all fired rules, each id once', () => {
    const result = check('water_source', ['quasi', 'grade2', 'grade1', 'grade2'], { type: 'commercial' });
    expect(result.verdict).toBe('prohibited');
    expect(result.level).toBe('grade1');
    expect(result.rules.map((r) => r.id)).toEqual(['DWS1-PROHIBITED', 'DWS2-NON-DISCHARGING', 'DWSQ-OTHER']);
  });

  it('deduplicates rules that fire on several levels', () => {
    const result = check('scenic_area', ['core', null], { type: 'mining' });
    expect(result.rules.map((r) => r.id)).toEqual(['SA-LANDSCAPE-DAMAGE']);
  });

  it('treats null, undefined, empty and absent levels alike', () => {
    for (const levels of [[], [null], [undefined], ['']] as (string | null | undefined)[][]) {
      const result = evaluateLayer({ kind: 'eco_redline', levels, relation: 'overlaps', project: parseProject({ type: 'industrial' }) });
      expect(result).toMatchObject({ verdict: 'prohibited', level: null });
      expect(result.rules.map((r) => r.id)).toEqual(['EPR-GEN-PROHIBITED']);
    }
  });

  it('adds the 新增建设用地 note after a limited activity, not after a national major project', () => {
    expect(check('eco_redline', [], { type: 'archaeology' }).rules.map((r) => r.id)).toEqual(['EPR-GEN-ITEM3', 'EPR-NEW-LAND']);
    expect(check('eco_redline', [], { type: 'linear_infrastructure', nationalMajorProject: true }).rules.map((r) => r.id)).toEqual([
      'EPR-GEN-NATIONAL-MAJOR',
    ]);
  });

  it('a site only touching or near a zone gets a notice, never more', () => {
    const touching = check('water_source', ['grade1'], { type: 'industrial', dischargesPollutants: true }, { relation: 'touches' });
    expect(touching.verdict).toBe('notice');
    expect(touching.rules.map((r) => r.id)).toEqual(['DWS-TOUCH']);
    const near = check('nature_reserve', ['core'], { type: 'industrial' }, { relation: 'near' });
    expect(near.verdict).toBe('notice');
    expect(near.rules.map((r) => r.id)).toEqual(['NR-NEAR']);
  });

  it('a site near a kind without proximity rules is clear with no rules', () => {
    expect(check('basic_farmland', [], { type: 'industrial' }, { relation: 'near' })).toEqual({ verdict: 'clear', level: null, rules: [] });
  });

  it('an unknown kind does not crash: overlapping it asks for manual review, being near it is clear', () => {
    expect(check('forest_park', ['core'], { type: 'industrial' })).toMatchObject({ verdict: 'notice', level: 'core', rules: [{ id: 'MANUAL-REVIEW' }] });
    expect(check('forest_park', [], { type: 'industrial' }, { relation: 'near' })).toEqual({ verdict: 'clear', level: null, rules: [] });
  });

  it('an unknown level of a known kind asks for manual review, and does not hide a known level', () => {
    expect(check('water_source', ['grade3'], { type: 'industrial' }).rules.map((r) => r.id)).toEqual(['MANUAL-REVIEW']);
    expect(check('water_source', ['grade3', 'grade1'], { type: 'industrial' })).toMatchObject({ verdict: 'prohibited', level: 'grade1' });
  });
});

describe('nature reserves: the two zoning schemes', () => {
  const legacyLayer = { layerLevels: ['core', 'buffer', 'experimental'] };
  const newLayer = { layerLevels: ['core', 'general'] };

  it('cites the 2017 regulation for a legacy core zone and the 2026 revision for a new one', () => {
    const legacy = check('nature_reserve', ['core'], { type: 'research_monitoring' }, { context: legacyLayer });
    expect(legacy.rules[0].basis).toMatchObject({ article: '第二十七条' });
    expect(legacy.rules[0].basis.law).toContain('2017');
    expect(legacy.rules.map((r) => r.id)).toContain('NR-LEGACY-ZONING');
    const modern = check('nature_reserve', ['core'], { type: 'research_monitoring' }, { context: newLayer });
    expect(modern.rules[0].basis).toMatchObject({ article: '第二十六条' });
    expect(modern.rules[0].basis.law).toContain('2026');
  });

  it('differs where the schemes differ: archaeology is allowed in a 2026 core zone, not in a legacy one', () => {
    expect(check('nature_reserve', ['core'], { type: 'archaeology' }, { context: legacyLayer }).verdict).toBe('prohibited');
    expect(check('nature_reserve', ['core'], { type: 'archaeology' }, { context: newLayer }).verdict).toBe('conditional');
  });

  it('reads the scheme from the features involved when the layer levels are not given; core alone means 2026', () => {
    expect(check('nature_reserve', ['core', 'buffer'], { type: 'archaeology' }).rules.map((r) => r.id)).toContain('NR-LEGACY-CORE-PROHIBITED');
    expect(check('nature_reserve', ['core'], { type: 'archaeology' }).rules.map((r) => r.id)).toEqual(['NR-2026-CORE-ALLOWED']);
  });
});
