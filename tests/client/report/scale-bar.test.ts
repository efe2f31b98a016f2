import { describe, expect, it } from 'vitest';
import { scaleBar } from '../../../client/report/scale-bar.ts';

describe('scale bar of the report map', () => {
  it('picks the longest 1/2/5 × 10ⁿ length that fits', () => {
    // 3.2 m per pixel, at most 160 px (512 m) → 500 m on 156.25 px.
    expect(scaleBar(3.2, 160)).toEqual({ metres: 500, pixels: 156.25, label: '500 m' });
    // 12 m per pixel → 1 920 m fit → 1 km.
    expect(scaleBar(12, 160)).toEqual({ metres: 1000, pixels: 1000 / 12, label: '1 km' });
    // 40 m per pixel → 6 400 m fit → 5 km.
    expect(scaleBar(40, 160)?.label).toBe('5 km');
    // 1.5 m per pixel → 240 m fit → 200 m.
    expect(scaleBar(1.5, 160)?.label).toBe('200 m');
  });

  it('an exact fit is kept, and the bar is never longer than allowed', () => {
    expect(scaleBar(1, 100)).toEqual({ metres: 100, pixels: 100, label: '100 m' });
    for (const mpp of [0.37, 1.9, 7.3, 23, 61, 140]) {
      const bar = scaleBar(mpp, 150)!;
      expect(bar.pixels).toBeLessThanOrEqual(150);
      expect(bar.pixels).toBeGreaterThanOrEqual(150 * 0.4 - 1e-9);
    }
  });

  it('no bar for a degenerate view', () => {
    expect(scaleBar(0, 160)).toBeNull();
    expect(scaleBar(Number.NaN, 160)).toBeNull();
    expect(scaleBar(5, 0)).toBeNull();
  });
});
