import { describe, expect, it } from 'vitest';
import { areaM2, lengthM, perimeterM } from '../../../client/tools/measure.ts';
import { measureGeometry } from '../../../common/geo/measure.ts';

/** WGS84 ellipsoid; the oracles below are closed forms, independent of GeographicLib. */
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const rad = (d: number) => (d * Math.PI) / 180;

/** Meridian arc between two latitudes: ∫ a(1−e²)/(1−e² sin²φ)^{3/2} dφ (Simpson, 200 steps). */
function meridianArcM(lat1: number, lat2: number): number {
  const m = (phi: number) => (A * (1 - E2)) / (1 - E2 * Math.sin(phi) ** 2) ** 1.5;
  const n = 200;
  const h = (rad(lat2) - rad(lat1)) / n;
  let sum = m(rad(lat1)) + m(rad(lat2));
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * m(rad(lat1) + i * h);
  return (sum * h) / 3;
}

/** Area of a lon/lat quadrangle on the ellipsoid (authalic formula). */
function quadrangleAreaM2(w: number, s: number, e: number, n: number): number {
  const ecc = Math.sqrt(E2);
  const q = (phi: number) => Math.sin(phi) / (1 - E2 * Math.sin(phi) ** 2) + Math.atanh(ecc * Math.sin(phi)) / ecc;
  return (rad(e - w) * A * A * (1 - E2) * (q(rad(n)) - q(rad(s)))) / 2;
}

describe('measure tool (geodesic on the ellipsoid, as the site summary and PostGIS geography)', () => {
  it('0.01° of meridian at Huaxi is the ellipsoid meridian arc, to the millimetre', () => {
    expect(lengthM([[106.66, 26.4], [106.66, 26.41]])).toBeCloseTo(meridianArcM(26.4, 26.41), 3);
  });

  it('the area of a lon/lat box equals the ellipsoidal quadrangle within 0.001 % (a sphere is 0.2 % off)', () => {
    const [w, s, e, n] = [106.66, 26.4, 106.67, 26.41];
    const expected = quadrangleAreaM2(w, s, e, n);
    const measured = areaM2([[w, s], [e, s], [e, n], [w, n]]);
    expect(Math.abs(measured - expected) / expected).toBeLessThan(1e-5);
    expect(perimeterM([[w, s], [e, s], [e, n], [w, n]])).toBeGreaterThan(2 * lengthM([[w, s], [w, n]]));
  });

  it('measures a drawn ring exactly as the site summary does (one implementation)', () => {
    const ring: [number, number][] = [[106.6, 26.4], [106.65, 26.41], [106.63, 26.45], [106.58, 26.43]];
    const summary = measureGeometry({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });
    expect(areaM2(ring)).toBe(summary.areaM2);
    expect(perimeterM(ring)).toBe(summary.lengthM);
  });

  it('needs two points for a length and three for an area', () => {
    expect(lengthM([[106.66, 26.4]])).toBe(0);
    expect(areaM2([[106.66, 26.4], [106.67, 26.4]])).toBe(0);
  });
});
