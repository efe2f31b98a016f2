import { describe, expect, it } from 'vitest';
import { findSelfIntersections } from '../../../client/draw/self-intersections.ts';
import { isCompleteShape, siteGeometry, type SiteFeature } from '../../../client/draw/site-features.ts';

const part = (id: string, geometry: GeoJSON.Geometry): SiteFeature => ({ type: 'Feature', id, geometry, properties: { origin: 'drawn' } });
const square = (x: number): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: [[[x, 26.4], [x + 0.001, 26.4], [x + 0.001, 26.401], [x, 26.401], [x, 26.4]]] });

describe('the site geometry sent to POST /api/check', () => {
  it('is the single part itself, several polygons as a MultiPolygon, a mix as a GeometryCollection', () => {
    expect(siteGeometry([part('a', square(106.6))])).toEqual(square(106.6));
    expect(siteGeometry([part('a', square(106.6)), part('b', square(106.7))])?.type).toBe('MultiPolygon');
    const mixed = siteGeometry([part('a', square(106.6)), part('p', { type: 'Point', coordinates: [106.65, 26.4] })]);
    expect(mixed?.type).toBe('GeometryCollection');
    expect(siteGeometry([])).toBeNull();
  });

  it('leaves out shapes still too incomplete to check (a polygon after two clicks)', () => {
    const twoClicks: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[106.6, 26.4], [106.61, 26.4], [106.6, 26.4], [106.6, 26.4]]] };
    expect(isCompleteShape(twoClicks)).toBe(false);
    expect(siteGeometry([part('a', twoClicks)])).toBeNull();
    const collinear: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[106.6, 26.4], [106.61, 26.4], [106.62, 26.4], [106.6, 26.4]]] };
    expect(isCompleteShape(collinear)).toBe(false);
  });

  it('keeps a bow tie (zero signed area) so the check can refuse it and name the crossing', () => {
    const bowTie: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[106.6, 26.4], [106.61, 26.41], [106.61, 26.4], [106.6, 26.41], [106.6, 26.4]]] };
    expect(isCompleteShape(bowTie)).toBe(true);
  });
});

describe('self-intersections', () => {
  it('finds where a bow-tie boundary crosses itself', () => {
    const bowTie: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] };
    const found = findSelfIntersections([part('x', bowTie)]);
    expect(found).toHaveLength(1);
    expect(found[0].location[0]).toBeCloseTo(1, 9);
    expect(found[0].location[1]).toBeCloseTo(1, 9);
    expect(findSelfIntersections([part('s', square(106.6))])).toEqual([]);
  });
});

describe('self-intersections, as OGC (and PostGIS ST_IsValid) define validity', () => {
  const shell = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
  it('leaves a hole touching its shell at one point alone (valid), also where the touch is at a shell vertex', () => {
    expect(findSelfIntersections([part('t', { type: 'Polygon', coordinates: [shell, [[2, 0], [1, 2], [3, 2], [2, 0]]] })])).toEqual([]);
    expect(findSelfIntersections([part('v', { type: 'Polygon', coordinates: [shell, [[0, 0], [2, 1], [1, 2], [0, 0]]] })])).toEqual([]);
  });
  it('reports a hole touching its shell at two points (the interior falls apart) and a hole crossing it', () => {
    const twoTouches = findSelfIntersections([part('2', { type: 'Polygon', coordinates: [shell, [[2, 0], [3, 2], [2, 4], [1, 2], [2, 0]]] })]);
    expect(twoTouches.map((k) => k.location)).toEqual(expect.arrayContaining([[2, 0], [2, 4]]));
    const crossing = findSelfIntersections([part('x', { type: 'Polygon', coordinates: [shell, [[2, -1], [3, 2], [1, 2], [2, -1]]] })]);
    expect(crossing).toHaveLength(2);
  });
  it('reports a ring that touches itself (an inverted hole), invalid in OGC', () => {
    const pinched: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [2, 4], [3, 2], [1, 2], [2, 4], [0, 4], [0, 0]]] };
    expect(findSelfIntersections([part('p', pinched)]).map((k) => k.location)).toEqual([[2, 4]]);
  });
});
