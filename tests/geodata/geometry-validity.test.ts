import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { readCatalog, readDemoProjects, readLayer, type AnyFeature } from './read-geodata.ts';

vi.setConfig({ testTimeout: 120_000 });

/**
 * RFC 7946 shape and validity of every geometry, checked with turf independently of the generator:
 * closed rings of ≥ 4 positions, right-hand winding, no self-intersections (turf.kinks), 6-decimal
 * coordinates, everything inside the district's bounding box (except the context outlines).
 */

const HUAXI_BBOX = [106.44, 26.17, 106.9, 26.58];

/** Twice the signed planar area; > 0 = counter-clockwise in lon/lat. */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

function polygonsOf(f: AnyFeature): Position[][][] {
  if (f.geometry.type === 'Polygon') return [f.geometry.coordinates];
  if (f.geometry.type === 'MultiPolygon') return f.geometry.coordinates;
  return [];
}

function checkFeature(f: AnyFeature, insideHuaxi: boolean) {
  for (const rings of polygonsOf(f)) {
    rings.forEach((ring, i) => {
      expect(ring.length, `${f.id} ring ${i} positions`).toBeGreaterThanOrEqual(4);
      expect(ring[0], `${f.id} ring ${i} closed`).toEqual(ring[ring.length - 1]);
      const ccw = signedArea(ring) > 0;
      expect(ccw, `${f.id} ring ${i} winding (exterior CCW, holes CW)`).toBe(i === 0);
    });
  }
  if (polygonsOf(f).length > 0) expect(turf.kinks(f as never).features, `${f.id} self-intersections`).toEqual([]);
  for (const [lon, lat] of turf.coordAll(f)) {
    expect(Math.abs(lon * 1e6 - Math.round(lon * 1e6)), `${f.id} 6 decimals`).toBeLessThan(1e-6);
    if (insideHuaxi) {
      expect(lon).toBeGreaterThan(HUAXI_BBOX[0]);
      expect(lat).toBeGreaterThan(HUAXI_BBOX[1]);
      expect(lon).toBeLessThan(HUAXI_BBOX[2]);
      expect(lat).toBeLessThan(HUAXI_BBOX[3]);
    }
  }
  if (f.geometry.type === 'LineString') expect(f.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
}

describe('geometry validity', () => {
  for (const e of readCatalog()) {
    it(`${e.id}: closed, wound, simple, 6-decimal, in place`, () => {
      for (const f of readLayer(e.id)) checkFeature(f, e.id !== 'guiyang_districts');
    });
  }

  it('demo project sites', () => {
    for (const f of readDemoProjects()) checkFeature(f, true);
  });

  it('keeps every illustrative layer inside the real district outline', () => {
    const district = readLayer('admin_boundary').find((f) => f.properties.level === 'district')!;
    const margin = turf.buffer(district as never, 5, { units: 'meters' })!;
    for (const e of readCatalog().filter((x) => !['guiyang_districts', 'admin_boundary'].includes(x.id))) {
      for (const f of readLayer(e.id)) {
        if (f.geometry.type === 'Point') expect(turf.booleanPointInPolygon(f.geometry.coordinates, district as never), f.id).toBe(true);
        else if (f.geometry.type === 'LineString') expect(turf.booleanWithin(f as never, margin), f.id).toBe(true);
        else {
          // rounding to 0.1 m along the shared boundary may leave a few m² outside, never more
          const outside = turf.difference(turf.featureCollection([f as never, district as never]));
          expect(outside ? turf.area(outside) : 0, `${f.id} m² outside the district`).toBeLessThan(Math.max(10, 1e-5 * turf.area(f as never)));
        }
      }
    }
  });
});
