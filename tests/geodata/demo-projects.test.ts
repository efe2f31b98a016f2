import * as turf from '@turf/turf';
import { describe, expect, it, vi } from 'vitest';
import { isArea, readDemoProjects, readLayer, type AnyFeature } from './read-geodata.ts';

vi.setConfig({ testTimeout: 120_000 });

/**
 * The demo sites sit where their intended verdict needs them (rules.md §12), checked by plain
 * intersection tests against the layer files.
 */

const sites = readDemoProjects();
const site = (name: string) => {
  const s = sites.find((x) => x.properties.name === name);
  if (!s) throw new Error(`no demo site ${name}`);
  return s;
};
const layer = (id: string, level?: string | null) => readLayer(id).filter((f) => level === undefined || f.properties.level === level);
const hits = (s: AnyFeature, zones: AnyFeature[]) => zones.filter((z) => isArea(z) && turf.booleanIntersects(s as never, z as never));
const overlapShare = (s: AnyFeature, zones: AnyFeature[]) =>
  hits(s, zones).reduce((sum, z) => sum + turf.area(turf.intersect(turf.featureCollection([s as never, z as never])) ?? turf.featureCollection([])), 0) / turf.area(s as never);

const PROJECT_TYPES = [
  'linear_infrastructure', 'water_supply', 'flood_control', 'ecological_restoration', 'tourism_facility', 'tourism_resort', 'resident_livelihood',
  'research_monitoring', 'archaeology', 'defense', 'geological_survey', 'mining', 'industrial', 'industrial_park', 'residential', 'commercial',
  'public_service', 'agriculture', 'livestock', 'energy_solar', 'energy_wind', 'sewage_treatment', 'other',
];
const CONTROL_LAYERS = ['eco_redline', 'water_source', 'nature_reserve', 'wetland', 'scenic_area', 'basic_farmland', 'eco_corridor', 'eco_core', 'eco_screen'];

describe('demo project sites', () => {
  it('carry a project type and flags from rules.md §0, an applicant and a description', () => {
    expect(sites.length).toBeGreaterThanOrEqual(6);
    for (const s of sites) {
      const p = s.properties.project as Record<string, unknown>;
      expect(PROJECT_TYPES, s.id).toContain(p.type);
      for (const [flag, v] of Object.entries(p)) if (flag !== 'type' && flag !== 'widthM') expect(typeof v, `${s.id} ${flag}`).toBe('boolean');
      expect(String(s.properties.applicant)).toMatch(/\p{Script=Han}/u);
      expect(String(s.properties.description).length).toBeGreaterThan(10);
    }
    expect(new Set(sites.map((s) => s.properties.expectedVerdict))).toEqual(new Set(['prohibited', 'conditional', 'notice', 'clear']));
    expect(new Set(sites.map((s) => s.geometry.type))).toEqual(new Set(['Polygon', 'LineString', 'Point']));
  });

  it('pig farm (discharges) straddles a grade2 zone and stays out of grade1', () => {
    const farm = site('新建现代标准化生猪养殖场');
    expect((farm.properties.project as { dischargesPollutants: boolean }).dischargesPollutants).toBe(true);
    const share = overlapShare(farm, layer('water_source', 'grade2'));
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.8);
    expect(hits(farm, layer('water_source', 'grade1'))).toEqual([]);
  });

  it('water main runs through the 花溪水库 grade1 zone and the red line', () => {
    const main = site('花溪水库-南郊水厂输水工程');
    expect(hits(main, layer('water_source', 'grade1')).map((z) => z.properties.sourceName)).toContain('花溪水库');
    expect(hits(main, layer('eco_redline')).length).toBeGreaterThan(0);
  });

  it('sewer main crosses the urban wetland park', () => {
    const sewer = site('南明河截污主管（花溪医院-中曹司段）整改工程');
    expect(sewer.geometry.type).toBe('LineString');
    expect(hits(sewer, layer('wetland')).map((z) => z.properties.name)).toContain('花溪国家城市湿地公园');
  });

  it('science museum is a point in the reserve experimental zone', () => {
    const museum = site('青岩油杉自然保护区植物科普馆');
    expect(museum.geometry.type).toBe('Point');
    expect(hits(museum, layer('nature_reserve')).map((z) => z.properties.level)).toEqual(['experimental']);
  });

  it('solar farm lies mostly in a corridor and in no statutory zone', () => {
    const solar = site('高坡乡农光互补光伏发电项目');
    expect(overlapShare(solar, layer('eco_corridor'))).toBeGreaterThan(0.6);
    for (const id of ['eco_redline', 'water_source', 'nature_reserve', 'wetland', 'scenic_area', 'basic_farmland']) expect(hits(solar, layer(id)), id).toEqual([]);
  });

  it('quarry extension lies inside the red line, resort hotel inside a core scenic zone', () => {
    expect(overlapShare(site('高坡乡某采石场扩界项目'), layer('eco_redline'))).toBeGreaterThan(0.99);
    expect(overlapShare(site('青岩古镇精品度假酒店'), layer('scenic_area', 'core'))).toBeGreaterThan(0.99);
  });

  it('clear sites are inside the development boundary and touch no control zone', () => {
    const clear = sites.filter((s) => s.properties.expectedVerdict === 'clear');
    expect(clear.length).toBeGreaterThanOrEqual(1);
    for (const s of clear) {
      expect(overlapShare(s, layer('urban_boundary')), s.id).toBeGreaterThan(0.999);
      for (const id of CONTROL_LAYERS) expect(hits(s, layer(id)), `${s.id} ${id}`).toEqual([]);
    }
    expect(clear.map((s) => (s.properties.project as { type: string }).type)).toContain('public_service');
  });
});
