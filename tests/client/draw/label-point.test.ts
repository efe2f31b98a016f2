import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { labelPoint } from '../../../client/draw/label-point.ts';

describe('label point of a parcel', () => {
  it('lies inside a square with a central hole, not in the hole', () => {
    const outer = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    const hole = [[3, 3], [7, 3], [7, 7], [3, 7], [3, 3]];
    const polygon = { type: 'Polygon' as const, coordinates: [outer, hole] };
    const p = labelPoint(polygon)!;
    expect(booleanPointInPolygon(p, polygon)).toBe(true);
  });

  it('lies inside a U-shaped (concave) outline', () => {
    const u = { type: 'Polygon' as const, coordinates: [[[0, 0], [10, 0], [10, 10], [8, 10], [8, 2], [2, 2], [2, 10], [0, 10], [0, 0]]] };
    expect(booleanPointInPolygon(labelPoint(u)!, u)).toBe(true);
  });
});
