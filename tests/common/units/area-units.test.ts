import { describe, expect, it } from 'vitest';
import { formatAreaAllUnits, formatHectares, formatLength, formatM2, formatMu, M2_PER_MU, hectaresFromM2, muFromM2 } from '../../../common/units/area-units.ts';

describe('planning units (one implementation for map, measure tool, site panel and report)', () => {
  it('1 公顷 = 10 000 m² = 15 亩; 1 km² = 100 公顷 = 1 500 亩 (rules.md §13)', () => {
    expect(hectaresFromM2(10_000)).toBe(1);
    expect(muFromM2(10_000)).toBeCloseTo(15, 12);
    expect(hectaresFromM2(1_000_000)).toBe(100);
    expect(muFromM2(1_000_000)).toBeCloseTo(1500, 9);
    expect(M2_PER_MU).toBeCloseTo(666.67, 2);
  });

  it('formats the TXT example (7 600 m²) as 0.7600 公顷 and 11.40 亩', () => {
    expect(formatM2(7600)).toBe('7,600.00');
    expect(formatHectares(7600)).toBe('0.7600');
    expect(formatMu(7600)).toBe('11.40');
    expect(formatAreaAllUnits(7600, 'zh')).toBe('7,600.00 m²（0.7600 公顷，11.40 亩）');
  });

  it('writes lengths in m below 1 km and in km above, the same in every view', () => {
    expect(formatLength(12.345, 'en')).toBe('12.35 m');
    // The drift of issue 12: the map wrote 48.25 米, the report 48.3 米.
    expect(formatLength(48.25, 'zh')).toBe('48.25 米');
    expect(formatLength(48.25, 'zh-CN')).toBe('48.25 米');
    expect(formatLength(512.34, 'en')).toBe('512.3 m');
    expect(formatLength(12_345.6, 'en')).toBe('12.346 km');
    expect(formatLength(512.34, 'zh-CN')).toBe('512.3 米');
    expect(formatLength(12_345.6, 'zh')).toBe('12.346 千米');
  });
});
