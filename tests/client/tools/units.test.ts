import { describe, expect, it } from 'vitest';
import { areaParts, formatHectares, formatLength, formatM2, formatMu, M2_PER_MU } from '../../../client/tools/units.ts';

describe('planning units', () => {
  it('1 公顷 = 10 000 m² = 15 亩; 1 km² = 100 公顷 = 1 500 亩 (rules.md §13)', () => {
    expect(areaParts(10_000)).toMatchObject({ hectares: 1, mu: 15 });
    expect(areaParts(1_000_000)).toMatchObject({ km2: 1, hectares: 100, mu: 1500 });
    expect(M2_PER_MU).toBeCloseTo(666.67, 2);
  });

  it('formats the TXT example (7 600 m²) as 0.7600 公顷 and 11.40 亩', () => {
    expect(formatM2(7600, 'zh-CN')).toBe('7,600.00 m²');
    expect(formatHectares(7600, 'zh-CN', '公顷')).toBe('0.7600 公顷');
    expect(formatMu(7600, 'zh-CN', '亩')).toBe('11.40 亩');
  });

  it('writes lengths in m below 1 km and in km above', () => {
    expect(formatLength(12.345, 'en')).toBe('12.35 m');
    expect(formatLength(512.34, 'en')).toBe('512.3 m');
    expect(formatLength(12_345.6, 'en')).toBe('12.346 km');
    // In Chinese the units the site panel and the report use.
    expect(formatLength(512.34, 'zh-CN')).toBe('512.3 米');
    expect(formatLength(12_345.6, 'zh-CN')).toBe('12.346 千米');
  });
});
