import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseTypedCoordinates, ringOf } from '../../../client/draw/typed-coordinates.ts';

/** lon/lat of GK zone 36 X, Y by PROJ (EPSG:4524: northing, easting → EPSG:4490: lat, lon). */
function cs2cs(x: number, y: number): [number, number] {
  const [lat, lon] = execFileSync('cs2cs', ['-f', '%.10f', 'EPSG:4524', 'EPSG:4490'], { input: `${x} ${y}\n` }).toString().trim().split(/\s+/).map(Number);
  return [lon, lat];
}

describe('typed 界址点 (输入坐标)', () => {
  const X = 2927397.37;
  const Y = 36365352.62;

  it('reads GK X,Y with the zone prefix at the position PROJ gives, whatever the separators, point numbers or order', () => {
    const [lon, lat] = cs2cs(X, Y);
    for (const text of [`${X},${Y}`, `J1 ${X} ${Y}`, `1\t${X}\t${Y}`, `J1; ${Y}; ${X}`]) {
      const parsed = parseTypedCoordinates(text, 'auto', null);
      expect(parsed.errors).toEqual([]);
      expect(parsed).toMatchObject({ kind: 'gk', zone: 36 });
      expect(Math.abs(parsed.points[0].lonLat[0] - lon)).toBeLessThan(1e-9);
      expect(Math.abs(parsed.points[0].lonLat[1] - lat)).toBeLessThan(1e-9);
    }
  });

  it('reads an easting without the prefix in the zone given, and refuses it without a zone', () => {
    const [lon, lat] = cs2cs(X, Y);
    const parsed = parseTypedCoordinates(`${X} ${Y - 36_000_000}`, 'gk', 36);
    expect(Math.abs(parsed.points[0].lonLat[0] - lon)).toBeLessThan(1e-9);
    expect(Math.abs(parsed.points[0].lonLat[1] - lat)).toBeLessThan(1e-9);
    expect(parseTypedCoordinates(`${X} ${Y - 36_000_000}`, 'gk', null).errors).toEqual([{ line: 1, code: 'zone' }]);
  });

  it('reads lon/lat in either order, skips headers and blank lines, names unreadable lines', () => {
    const parsed = parseTypedCoordinates('点号,经度,纬度\n\n1, 106.65, 26.45\n2, 26.46, 106.66\n106.67\n4, 500, 600', 'auto', null);
    expect(parsed.points.map((p) => p.lonLat)).toEqual([
      [106.65, 26.45],
      [106.66, 26.46],
    ]);
    expect(parsed.errors).toEqual([
      { line: 5, code: 'numbers' },
      { line: 6, code: 'range' },
    ]);
    expect(parseTypedCoordinates(`106.65 26.45\n${X} ${Y}`, 'auto', null).errors).toEqual([{ line: 2, code: 'mixed' }]);
  });

  it('closes the ring once', () => {
    const pts = parseTypedCoordinates('106.1 26.1\n106.2 26.1\n106.2 26.2', 'lonlat', null).points;
    expect(ringOf(pts)).toEqual([[106.1, 26.1], [106.2, 26.1], [106.2, 26.2], [106.1, 26.1]]);
    const closed = parseTypedCoordinates('106.1 26.1\n106.2 26.1\n106.2 26.2\n106.1 26.1', 'lonlat', null).points;
    expect(ringOf(closed)).toHaveLength(4);
  });
});
