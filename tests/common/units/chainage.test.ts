import { describe, expect, it } from 'vitest';
import { formatChainage, formatChainageRange } from '../../../common/units/chainage.ts';

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
});
