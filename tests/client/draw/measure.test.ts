import { describe, expect, it } from 'vitest';
import { measureGeometry } from '../../../common/geo/measure.ts';

/**
 * Exact area of a latitude/longitude quadrangle on the GRS80 ellipsoid (authalic formula):
 * A = (λ2 − λ1) · b²/2 · [q(φ)] from φ1 to φ2, q(φ) = sinφ/(1 − e² sin²φ) + atanh(e sinφ)/e.
 * Independent of the code under test (no projection, no proj4).
 */
function quadrangleAreaM2(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e2 = f * (2 - f);
  const e = Math.sqrt(e2);
  const b2 = a * a * (1 - e2);
  const q = (phi: number) => {
    const s = Math.sin(phi);
    return s / (1 - e2 * s * s) + Math.atanh(e * s) / e;
  };
  const rad = Math.PI / 180;
  return ((lon2 - lon1) * rad * b2 * (q(lat2 * rad) - q(lat1 * rad))) / 2;
}

describe('ellipsoidal measurement', () => {
  it('area of a 1 km-scale lon/lat quadrangle at Huaxi agrees with the exact formula within 0.01 %', () => {
    const [w, s, e, n] = [106.66, 26.40, 106.67, 26.41];
    const expected = quadrangleAreaM2(w, s, e, n);
    const { areaM2 } = measureGeometry({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
    expect(Math.abs(areaM2 - expected) / expected).toBeLessThan(1e-4);
  });

  it('subtracts holes and sums multipolygon parts', () => {
    const outer = [[106.6, 26.4], [106.61, 26.4], [106.61, 26.41], [106.6, 26.41], [106.6, 26.4]];
    const hole = [[106.602, 26.402], [106.602, 26.404], [106.604, 26.404], [106.604, 26.402], [106.602, 26.402]];
    const withHole = measureGeometry({ type: 'Polygon', coordinates: [outer, hole] }).areaM2;
    const expected = quadrangleAreaM2(106.6, 26.4, 106.61, 26.41) - quadrangleAreaM2(106.602, 26.402, 106.604, 26.404);
    expect(Math.abs(withHole - expected) / expected).toBeLessThan(1e-4);
    const twice = measureGeometry({ type: 'MultiPolygon', coordinates: [[outer], [outer.map(([x, y]) => [x + 0.02, y])]] }).areaM2;
    expect(twice / (2 * quadrangleAreaM2(106.6, 26.4, 106.61, 26.41))).toBeCloseTo(1, 4);
  });

  it('length along a meridian matches the meridian arc (1′ of latitude ≈ 1847.0 m at 26.4° N)', () => {
    // Meridian arc length M·dφ with M = a(1−e²)/(1−e² sin²φ)^1.5 at the mid-latitude.
    const a = 6378137, f = 1 / 298.257222101, e2 = f * (2 - f);
    const phi = (26.4 + 1 / 120) * Math.PI / 180;
    const M = (a * (1 - e2)) / Math.pow(1 - e2 * Math.sin(phi) ** 2, 1.5);
    const expected = M * (Math.PI / 180 / 60);
    const { lengthM } = measureGeometry({ type: 'LineString', coordinates: [[106.66, 26.4], [106.66, 26.4 + 1 / 60]] });
    expect(Math.abs(lengthM - expected)).toBeLessThan(0.01);
  });

  it('points have neither area nor length', () => {
    expect(measureGeometry({ type: 'Point', coordinates: [106.66, 26.4] })).toEqual({ areaM2: 0, lengthM: 0 });
  });
});
