import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/http/errors.ts';
import {
  PROJECT_FLAGS,
  PROJECT_FLAG_LABELS,
  PROJECT_TYPES,
  PROJECT_TYPE_LABELS,
} from '../../../common/domain/development.ts';
import { parseProject } from '../../../server/check/development-input.ts';
import { PROJECT_CODE, deriveProjectFacts } from '../../../server/check/project-facts.ts';

function rejection(input: unknown): AppError {
  try {
    parseProject(input);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('parseProject accepted ' + JSON.stringify(input));
}

describe('parseProject', () => {
  it('accepts a bare type: every flag false, no width', () => {
    const project = parseProject({ type: 'industrial' });
    expect(project).toEqual({ type: 'industrial', ...Object.fromEntries(PROJECT_FLAGS.map((f) => [f, false])) });
    expect(project).not.toHaveProperty('widthM');
  });

  it('keeps the flags and width it is given', () => {
    expect(parseProject({ type: 'linear_infrastructure', unavoidable: true, temporary: false, widthM: 12.5 })).toMatchObject({
      type: 'linear_infrastructure',
      unavoidable: true,
      temporary: false,
      widthM: 12.5,
    });
  });

  it('accepts every type of rules.md §0', () => {
    expect(PROJECT_TYPES).toHaveLength(23);
    for (const type of PROJECT_TYPES) expect(parseProject({ type }).type).toBe(type);
  });

  const cases: [string, unknown, string, RegExp][] = [
    ['a non-object', 'industrial', 'INVALID_PROJECT', /project/],
    ['null', null, 'INVALID_PROJECT', /project/],
    ['an array', [{ type: 'industrial' }], 'INVALID_PROJECT', /project/],
    ['a missing type', { dischargesPollutants: true }, 'MISSING_PROJECT_TYPE', /type/],
    ['an unknown type', { type: 'factory' }, 'UNKNOWN_PROJECT_TYPE', /factory/],
    ['a non-string type', { type: 3 }, 'UNKNOWN_PROJECT_TYPE', /3/],
    // Named, not echoed: String() of an object read "[object Object]" (of one nested deep, the same).
    ['an object as type', { type: { a: [[1]] } }, 'UNKNOWN_PROJECT_TYPE', /^project\.type must be text \(got an object\)$/],
    ['an array as type', { type: ['industrial'] }, 'UNKNOWN_PROJECT_TYPE', /^project\.type must be text \(got an array\)$/],
    ['a string flag', { type: 'industrial', dischargesPollutants: 'yes' }, 'INVALID_PROJECT_FLAG', /dischargesPollutants/],
    ['a numeric flag', { type: 'industrial', outfall: 1 }, 'INVALID_PROJECT_FLAG', /outfall/],
    ['a null flag', { type: 'industrial', temporary: null }, 'INVALID_PROJECT_FLAG', /temporary/],
    ['an unknown key', { type: 'industrial', polluting: true }, 'UNKNOWN_PROJECT_KEY', /polluting/],
    ['a zero width', { type: 'linear_infrastructure', widthM: 0 }, 'INVALID_WIDTH', /widthM/],
    ['a negative width', { type: 'linear_infrastructure', widthM: -5 }, 'INVALID_WIDTH', /widthM/],
    ['a string width', { type: 'linear_infrastructure', widthM: '10' }, 'INVALID_WIDTH', /widthM/],
    ['an infinite width', { type: 'linear_infrastructure', widthM: Infinity }, 'INVALID_WIDTH', /widthM/],
  ];
  for (const [what, input, code, mentions] of cases) {
    it(`rejects ${what} with a 400 ${code} in Chinese and English`, () => {
      const error = rejection(input);
      expect(error.status).toBe(400);
      expect(error.code).toBe(code);
      expect(error.messages.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(error.messages.en).toMatch(mentions);
      expect(error.toJSON().error).toMatchObject({ code, message: error.messages });
    });
  }

  it('names the allowed types when the type is unknown', () => {
    expect(rejection({ type: 'factory' }).details).toEqual({ allowed: PROJECT_TYPES });
  });
});

describe('labels', () => {
  it('labels every type and flag in Chinese and English', () => {
    for (const type of PROJECT_TYPES) {
      expect(PROJECT_TYPE_LABELS[type].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(PROJECT_TYPE_LABELS[type].en.length).toBeGreaterThan(0);
    }
    for (const flag of [...PROJECT_FLAGS, 'widthM'] as const) {
      expect(PROJECT_FLAG_LABELS[flag].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(PROJECT_FLAG_LABELS[flag].hint.en.length).toBeGreaterThan(0);
    }
  });
});

describe('deriveProjectFacts', () => {
  const facts = (input: Record<string, unknown>) => deriveProjectFacts(parseProject(input));

  it('maps every type to its §12 code', () => {
    expect(Object.keys(PROJECT_CODE).sort()).toEqual([...PROJECT_TYPES].sort());
    expect(facts({ type: 'residential' }).code).toBe('URB');
    expect(facts({ type: 'energy_wind' }).code).toBe('IND');
    expect(facts({ type: 'livestock' }).code).toBe('AGRI');
  });

  it('livestock discharges', () => {
    expect(facts({ type: 'livestock' }).discharges).toBe(true);
    expect(facts({ type: 'agriculture' }).discharges).toBe(false);
  });

  it('a sewage plant is water infrastructure with an outfall, and discharges', () => {
    expect(facts({ type: 'sewage_treatment' })).toMatchObject({ code: 'WSUP', waterInfrastructure: true, hasOutfall: true, discharges: true });
    expect(facts({ type: 'water_supply' })).toMatchObject({ waterInfrastructure: true, hasOutfall: false, discharges: false });
  });

  it('energy plants, industry, parks, mines and livestock farms are production facilities', () => {
    for (const type of ['energy_solar', 'energy_wind', 'industrial', 'industrial_park', 'mining', 'livestock']) {
      expect(facts({ type }).productionFacility, type).toBe(true);
    }
    expect(facts({ type: 'commercial' }).productionFacility).toBe(false);
  });

  it('an outfall or a severe-polluter listing implies discharges', () => {
    expect(facts({ type: 'industrial', outfall: true }).discharges).toBe(true);
    expect(facts({ type: 'industrial', severePolluter: true }).discharges).toBe(true);
    expect(facts({ type: 'industrial' }).discharges).toBe(false);
  });
});
