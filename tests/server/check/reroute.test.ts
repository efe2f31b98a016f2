import { describe, expect, it } from 'vitest';
import { isCentreLine, mergeStretches } from '../../../server/check/reroute.ts';

describe('mergeStretches', () => {
  it('joins stretches of one part that overlap or meet within 0.5 m, keeps parts apart, drops crumbs', () => {
    const merged = mergeStretches([
      { part: 1, fromM: 500, toM: 800 },
      { part: 1, fromM: 100, toM: 300 },
      { part: 1, fromM: 300.4, toM: 350 },
      { part: 1, fromM: 700, toM: 900 },
      { part: 2, fromM: 120, toM: 130 },
      { part: 1, fromM: 2000, toM: 2000.001 },
    ]);
    expect(merged).toEqual([
      { part: 1, fromM: 100, toM: 350 },
      { part: 1, fromM: 500, toM: 900 },
      { part: 2, fromM: 120, toM: 130 },
    ]);
  });

  it('does not change what it is given', () => {
    const input = [{ part: 1, fromM: 0, toM: 10 }, { part: 1, fromM: 5, toM: 20 }];
    mergeStretches(input);
    expect(input[0].toM).toBe(10);
  });
});

describe('isCentreLine', () => {
  it('is true for lines only', () => {
    expect(isCentreLine({ type: 'LineString', coordinates: [[0, 0], [1, 1]] })).toBe(true);
    expect(isCentreLine({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] })).toBe(true);
    expect(isCentreLine({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] })).toBe(false);
    expect(isCentreLine({ type: 'Point', coordinates: [0, 0] })).toBe(false);
  });
});
