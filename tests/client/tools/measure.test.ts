import { describe, expect, it } from 'vitest';
import { areaM2, lengthM, perimeterM } from '../../../client/tools/measure.ts';

/** Turf measures on a sphere of radius 6 371 008.8 m: compare with the closed-form spherical values. */
const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

describe('measuring', () => {
  it('a metre of meridian is a metre: 0.01° of latitude ≈ 1 111.95 m', () => {
    expect(lengthM([[106.66, 26.4], [106.66, 26.41]])).toBeCloseTo(rad(0.01) * R, 3);
  });

  it('the area of a lon/lat box equals the spherical zone formula R²·Δλ·(sin φ2 − sin φ1)', () => {
    const [w, s, e, n] = [106.66, 26.4, 106.67, 26.41];
    const expected = R * R * rad(e - w) * (Math.sin(rad(n)) - Math.sin(rad(s)));
    const measured = areaM2([[w, s], [e, s], [e, n], [w, n]]);
    expect(Math.abs(measured - expected) / expected).toBeLessThan(1e-3);
    expect(perimeterM([[w, s], [e, s], [e, n], [w, n]])).toBeGreaterThan(2 * lengthM([[w, s], [w, n]]));
  });

  it('needs two points for a length and three for an area', () => {
    expect(lengthM([[106.66, 26.4]])).toBe(0);
    expect(areaM2([[106.66, 26.4], [106.67, 26.4]])).toBe(0);
  });
});
