import { describe, expect, it } from 'vitest';
import { gaussKrugerZone3 as gkZoneOf, toGaussKrugerZone3 as toGaussKruger } from '../../../common/geo/gauss-kruger.ts';

/** Reference values from PROJ 9.1.1: `echo "lat lon" | cs2cs -f %.3f EPSG:4490 EPSG:<code>`. */
const PROJ_REFERENCE: { lon: number; lat: number; epsg: number; x: number; y: number }[] = [
  { lon: 106.67, lat: 26.41, epsg: 4524, x: 2922944.07, y: 36367301.805 },
  { lon: 106.88, lat: 26.55, epsg: 4524, x: 2938257.924, y: 36388391.159 },
  { lon: 106.52, lat: 26.2, epsg: 4524, x: 2899836.149, y: 36352067.476 },
  { lon: 106.45, lat: 26.3, epsg: 4523, x: 2910883.644, y: 35644809.433 },
];

describe('CGCS2000 3° Gauss-Krüger readout', () => {
  it('agrees with PROJ to the millimetre, X = northing and Y = easting with the zone prefix', () => {
    for (const r of PROJ_REFERENCE) {
      const gk = toGaussKruger(r.lon, r.lat);
      expect(gk.epsg).toBe(r.epsg);
      expect(gk.x).toBeCloseTo(r.x, 2);
      expect(gk.y).toBeCloseTo(r.y, 2);
    }
  });

  it('matches the worked example of rules.md §13 (zone 36, CM 108°E)', () => {
    const gk = toGaussKruger(106.67, 26.41);
    expect(gk).toMatchObject({ zone: 36, centralMeridian: 108, epsg: 4524 });
    expect(gk.x.toFixed(2)).toBe('2922944.07');
    expect(gk.y.toFixed(2)).toBe('36367301.81');
    // X has 7 integer digits, Y 8 with the zone first.
    expect(String(Math.trunc(gk.x))).toHaveLength(7);
    expect(String(Math.trunc(gk.y)).slice(0, 2)).toBe('36');
  });

  it('puts the strip west of 106.5°E in zone 35 and the rest of 花溪 in zone 36', () => {
    expect(gkZoneOf(106.49)).toBe(35);
    expect(gkZoneOf(106.51)).toBe(36);
    expect(gkZoneOf(109.49)).toBe(36);
    expect(toGaussKruger(100, 30).epsg).toBe(4521);
    expect(toGaussKruger(70, 30).epsg).toBeNull();
  });
});
