import { describe, expect, it } from 'vitest';
import { formatChainage, formatChainageRange, formatStretch } from '../../../common/units/chainage.ts';

describe('chainage (桩号)', () => {
  it.each([
    [0, 'K0+000'],
    [7.4, 'K0+007'],
    [1230.4, 'K1+230'],
    [999.6, 'K1+000'],
    [25_004.5, 'K25+005'],
    [-3, 'K0+000'],
  ])('%f m is %s', (metres, text) => expect(formatChainage(metres)).toBe(text));

  it('writes a stretch by its two ends', () => expect(formatChainageRange(1230, 1870)).toBe('K1+230～K1+870'));

  it('names the line of a stretch only when the site has several', () => {
    const stretch = { part: 2, fromM: 986, toM: 5360.4 };
    expect(formatStretch(stretch, false, 'zh')).toBe('K0+986～K5+360');
    expect(formatStretch(stretch, true, 'zh')).toBe('第 2 条线 K0+986～K5+360');
    expect(formatStretch(stretch, true, 'en')).toBe('line 2 K0+986～K5+360');
  });
});
