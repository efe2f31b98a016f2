import * as turf from '@turf/turf';
import { describe, expect, it, vi } from 'vitest';
import { areaOf, isArea, overlapM2, pairwiseOverlapM2, readLayer, unionOf, type AreaFeature } from './read-geodata.ts';

/**
 * Coverage and exclusivity, computed with turf (spherical areas) from the files alone: the
 * townships and the control units tile the district; the red line covers 15–35 %; zone levels that
 * must exclude each other do; the three control lines never overlap.
 */

// Polygon clipping of a few thousand vertices per feature: seconds per test, not milliseconds.
vi.setConfig({ testTimeout: 300_000 });

/** Rounding to 6 decimals (0.1 m) along a shared boundary leaves slivers of a few m², never more. */
const SHARED_EDGE_NOISE_M2 = 100;

const areas = (id: string) => readLayer(id).filter(isArea);
const admin = areas('admin_boundary');
const district = admin.find((f) => f.properties.level === 'district')!;
const districtM2 = areaOf(district);
const byLevel = (features: AreaFeature[], level: string | null) => features.filter((f) => f.properties.level === level);

function expectTiling(tiles: AreaFeature[]) {
  const covered = areaOf(unionOf(tiles));
  expect(Math.abs(covered - districtM2) / districtM2, 'union vs outline').toBeLessThan(0.005);
  const sum = tiles.reduce((s, f) => s + areaOf(f), 0);
  expect(Math.abs(sum - districtM2) / districtM2, 'sum of tiles vs outline').toBeLessThan(0.005);
  const overlap = pairwiseOverlapM2(tiles);
  expect(overlap.worst, `worst overlap ${overlap.worstPair}`).toBeLessThan(50);
  expect(overlap.total).toBeLessThan(500);
}

describe('tilings of the district', () => {
  it('outline is the ≈962 km² pre-贵安 outline (717 km² administered today)', () => {
    expect(districtM2 / 1e6).toBeGreaterThan(955);
    expect(districtM2 / 1e6).toBeLessThan(970);
    expect(district.properties.administeredAreaKm2).toBe(717);
  });

  it('13 townships tile the district', () => {
    const townships = byLevel(admin, 'township');
    expect(townships).toHaveLength(13);
    expectTiling(townships);
  });

  it('control units tile the district, every class split by township', () => {
    const units = areas('control_unit');
    expectTiling(units);
    for (const level of ['priority', 'key', 'general']) expect(byLevel(units, level).length, level).toBeGreaterThanOrEqual(3);
  });

  it('priority units cover the red line, every water-source zone and the reserve', () => {
    const priority = unionOf(byLevel(areas('control_unit'), 'priority'));
    for (const f of [...areas('eco_redline'), ...areas('water_source'), ...areas('nature_reserve')]) {
      const outside = turf.difference(turf.featureCollection([f as never, priority as never]));
      expect(outside ? turf.area(outside) : 0, `${f.id} m² outside priority units`).toBeLessThan(SHARED_EDGE_NOISE_M2);
    }
  });
});

describe('red line', () => {
  const redline = areas('eco_redline');
  it('covers 15–35 % of the district (aim ≈ 25 %)', () => {
    const share = areaOf(unionOf(redline)) / districtM2;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
  });

  it('has level core exactly over the nature reserve core zone', () => {
    const reserveCore = areas('nature_reserve').find((f) => f.properties.level === 'core')!;
    for (const f of redline) {
      const over = overlapM2(f, reserveCore);
      if (f.properties.level === 'core') expect(over / areaOf(f), f.id).toBeGreaterThan(0.999);
      else expect(over, f.id).toBeLessThan(1);
    }
    const coreParts = byLevel(redline, 'core');
    expect(coreParts.length).toBeGreaterThan(0);
    expect(coreParts.reduce((s, f) => s + areaOf(f), 0) / areaOf(reserveCore)).toBeGreaterThan(0.999);
  });

  it('has no self-overlaps and a valid redlineType everywhere', () => {
    expect(pairwiseOverlapM2(redline).total).toBeLessThan(SHARED_EDGE_NOISE_M2);
    for (const f of redline) expect(['水源涵养', '生物多样性维护', '水土保持', '石漠化防治']).toContain(f.properties.redlineType);
  });
});

describe('exclusive levels', () => {
  it('grade2 does not overlap grade1, quasi overlaps neither (any source with any source)', () => {
    const zones = areas('water_source');
    for (const g2 of byLevel(zones, 'grade2')) for (const g1 of byLevel(zones, 'grade1')) expect(overlapM2(g2, g1), `${g2.id} × ${g1.id}`).toBeLessThan(1);
    for (const q of byLevel(zones, 'quasi')) for (const o of [...byLevel(zones, 'grade1'), ...byLevel(zones, 'grade2')]) expect(overlapM2(q, o), `${q.id} × ${o.id}`).toBeLessThan(1);
    expect(pairwiseOverlapM2(zones).worst).toBeLessThan(1);
  });

  it('every source has its zones nested: grade2 touches grade1 (the outer zone surrounds the inner)', () => {
    const zones = areas('water_source');
    for (const g1 of byLevel(zones, 'grade1')) {
      const g2 = zones.find((z) => z.properties.level === 'grade2' && z.properties.sourceName === g1.properties.sourceName)!;
      expect(turf.booleanIntersects(turf.buffer(g1 as never, 5, { units: 'meters' })!, g2 as never), g1.id).toBe(true);
    }
  });

  it('nature reserve core, buffer and experimental zones are mutually exclusive rings', () => {
    expect(pairwiseOverlapM2(areas('nature_reserve')).total).toBeLessThan(1);
  });

  it('a scenic area core and its remainder do not overlap', () => {
    expect(pairwiseOverlapM2(areas('scenic_area')).total).toBeLessThan(1);
  });

  it('the three control lines never overlap (red line, farmland, development boundary)', () => {
    const redline = unionOf(areas('eco_redline'));
    const urban = unionOf(areas('urban_boundary'));
    const farmland = unionOf(areas('basic_farmland'));
    expect(overlapM2(redline as AreaFeature, urban as AreaFeature)).toBeLessThan(SHARED_EDGE_NOISE_M2);
    expect(overlapM2(farmland as AreaFeature, urban as AreaFeature)).toBeLessThan(SHARED_EDGE_NOISE_M2);
    expect(overlapM2(farmland as AreaFeature, redline as AreaFeature)).toBeLessThan(SHARED_EDGE_NOISE_M2);
  });

  it('industrial parks lie inside the development boundary', () => {
    const urban = unionOf(areas('urban_boundary')) as AreaFeature;
    for (const p of areas('industrial_park')) expect(overlapM2(p, urban) / areaOf(p), p.id).toBeGreaterThan(0.999);
  });

  it('farmland is many patches, not a few blobs', () => {
    expect(areas('basic_farmland').length).toBeGreaterThan(40);
  });
});
