import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gaussKrugerZone3, toGaussKrugerZone3 } from '../../../common/geo/gauss-kruger.ts';

const hasCs2cs = fs.existsSync('/usr/bin/cs2cs');

/** PROJ's answer for EPSG:4490 → the zone's EPSG (lat lon in, northing easting out). */
function cs2cs(lon: number, lat: number, epsg: number): { x: number; y: number } {
  const out = execFileSync('cs2cs', ['-f', '%.4f', 'EPSG:4490', `EPSG:${epsg}`], { input: `${lat} ${lon}\n` }).toString();
  const [x, y] = out.trim().split(/\s+/).map(Number);
  return { x, y };
}

describe('CGCS2000 3° Gauss-Krüger coordinates for the report', () => {
  it('picks the zone from the longitude (central meridian 3 × zone)', () => {
    expect(gaussKrugerZone3(106.67)).toBe(36);
    expect(gaussKrugerZone3(106.45)).toBe(35);
    expect(gaussKrugerZone3(109.49)).toBe(36);
  });

  it('matches the worked example of rules.md §13 (106.67 E, 26.41 N → X 2922944.07, Y 36367301.81)', () => {
    const gk = toGaussKrugerZone3(106.67, 26.41);
    expect(gk.zone).toBe(36);
    expect(gk.epsg).toBe(4524);
    expect(gk.x).toBeCloseTo(2922944.07, 2);
    expect(gk.y).toBeCloseTo(36367301.81, 2);
  });

  it.skipIf(!hasCs2cs)('agrees with PROJ (cs2cs) within 1 mm in zones 35 and 36', () => {
    for (const [lon, lat] of [[106.45, 26.2], [106.8, 26.55], [106.67, 26.41]]) {
      const gk = toGaussKrugerZone3(lon, lat);
      const ref = cs2cs(lon, lat, gk.epsg!);
      expect(Math.abs(gk.x - ref.x)).toBeLessThan(0.001);
      expect(Math.abs(gk.y - ref.y)).toBeLessThan(0.001);
    }
  });
});
