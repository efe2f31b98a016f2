import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { openTestApp } from '../../support/test-app.ts';
import { loadTestLayer, removeTestLayers } from '../../support/test-layers.ts';
import { meridianArcM, parallelArcM, quadrangleAreaM2, rectangle } from '../../support/ellipsoid.ts';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let t: TestApp;
const LAYERS = ['zz_water', 'zz_corridor', 'zz_river', 'zz_far'];

// A 一级 zone 0.01° × 0.01° and a 二级 ring around it (grade2 excludes grade1), near 100 E, 30 N.
const G1 = rectangle(100.0, 30.0, 100.01, 30.01);
const G2: GeoJSON.Polygon = {
  type: 'Polygon',
  coordinates: [rectangle(99.99, 29.99, 100.02, 30.02).coordinates[0], [...rectangle(100.0, 30.0, 100.01, 30.01).coordinates[0]].reverse()],
};
const check = (body: object) => request(t.app).post('/api/check').send(body);
const industrial = { type: 'industrial', dischargesPollutants: true };

beforeAll(async () => {
  t = await openTestApp();
  await removeTestLayers(t.db.pool, LAYERS);
  await loadTestLayer(t.db.pool, 'zz_water', 'water_source', [
    { id: 'g1', name: '测试水源一级', level: 'grade1', geometry: G1 },
    { id: 'g2', name: '测试水源二级', level: 'grade2', geometry: G2 },
  ], ['grade1', 'grade2', 'quasi']);
  await loadTestLayer(t.db.pool, 'zz_corridor', 'eco_corridor', [
    // A corridor 0.004° (≈ 440 m) wide running north-south at 100.100–100.104 E.
    { id: 'c1', name: '测试廊道', geometry: rectangle(100.1, 29.95, 100.104, 30.05), properties: { widthM: 400 } },
  ]);
  // Zones near the far ends of long line sites (the engine clips long sites and prefilters with a
  // buffer of the site; both must keep the exact nearest distance).
  await loadTestLayer(t.db.pool, 'zz_far', 'wetland_park', [
    { id: 'w1', name: '测试湿地北端', geometry: rectangle(100.304, 30.08, 100.31, 30.09), properties: { nameEn: 'Test wetland, north end' } },
    { id: 'w2', name: '测试湿地西段', geometry: rectangle(100.5, 30.5042, 100.51, 30.51) },
  ]);
  await loadTestLayer(t.db.pool, 'zz_river', 'river', [
    { id: 'r1', name: '测试河', geometry: { type: 'LineString', coordinates: [[100.2, 29.9], [100.2, 30.1]] } },
  ]);
});
afterAll(async () => {
  await removeTestLayers(t.db.pool, LAYERS);
  await t.close();
});

describe('POST /api/check — geometry against analytically computed values', () => {
  it('measures site area, overlap area and % on the ellipsoid within 0.1 %', async () => {
    // The site straddles the east edge of the 一级 zone: half in grade1, half in grade2.
    const res = await check({ geometry: rectangle(100.005, 30.002, 100.015, 30.008), project: industrial });
    expect(res.status).toBe(200);
    const expectedSite = quadrangleAreaM2(100.005, 30.002, 100.015, 30.008);
    const expectedOverlap = quadrangleAreaM2(100.005, 30.002, 100.01, 30.008);
    expect(Math.abs(res.body.siteAreaM2 - expectedSite) / expectedSite).toBeLessThan(0.001);
    expect(res.body.siteLengthM).toBeUndefined(); // a polygon: no line length, no footprint
    expect(res.body.footprint).toBeUndefined();
    const water = res.body.results.find((r: { layerId: string }) => r.layerId === 'zz_water');
    // The layer's overlap is the site ∩ union(grade1, grade2) = the whole site, counted once.
    expect(Math.abs(water.overlapAreaM2 - expectedSite) / expectedSite).toBeLessThan(0.001);
    expect(water.overlapPct).toBeCloseTo(100, 1);
    const g1 = water.features.find((f: { id: string }) => f.id === 'g1');
    expect(Math.abs(g1.overlapAreaM2 - expectedOverlap) / expectedOverlap).toBeLessThan(0.001);
    expect(water.minDistanceM).toBe(0);
    expect(water.level).toBe('grade1');
    expect(water.verdict).toBe('prohibited');
    expect(res.body.verdict).toBe('prohibited');
    expect(water.rules.map((r: { basis: { article: string } }) => r.basis.article)).toContain('第六十五条');
    expect(res.body.layerVersions.zz_water).toBe(1);
    expect(res.body.clearLayers).toContain('zz_corridor');
  });

  it('reports the geodesic distance to a zone within the screening buffer within 1 %', async () => {
    // 0.003° east of the outer edge of grade2 (100.02 E), between 30.004 and 30.006 N.
    const res = await check({ geometry: rectangle(100.023, 30.004, 100.024, 30.006), project: { type: 'public_service' } });
    expect(res.status).toBe(200);
    const water = res.body.results.find((r: { layerId: string }) => r.layerId === 'zz_water');
    const expected = parallelArcM(30.006, 0.003); // nearest at the northern (shorter) parallel
    expect(Math.abs(water.minDistanceM - expected) / expected).toBeLessThan(0.01);
    expect(water.overlapAreaM2).toBe(0);
    expect(water.relation).toBe('near');
    expect(['notice', 'clear']).toContain(water.verdict);
  });

  it('leaves a zone beyond bufferM among the clear layers', async () => {
    const res = await check({ geometry: rectangle(100.023, 30.004, 100.024, 30.006), project: { type: 'public_service' }, bufferM: 100 });
    expect(res.body.results.map((r: { layerId: string }) => r.layerId)).not.toContain('zz_water');
    expect(res.body.clearLayers).toContain('zz_water');
  });

  it('treats touching as not overlapping: area 0, distance 0, at most a notice', async () => {
    const res = await check({ geometry: rectangle(100.02, 30.0, 100.021, 30.005), project: industrial });
    const water = res.body.results.find((r: { layerId: string }) => r.layerId === 'zz_water');
    expect(water.overlapAreaM2).toBeLessThan(1);
    expect(water.minDistanceM).toBeLessThan(0.01);
    expect(water.relation).toBe('touches');
    expect(['notice', 'clear']).toContain(water.verdict);
  });

  it('buffers a line by its impact width (flat ends): area = length × width within 1 %', async () => {
    const line = { type: 'LineString', coordinates: [[100.05, 30.0], [100.05, 30.01]] };
    const res = await check({ geometry: line, project: { type: 'linear_infrastructure', widthM: 20 } });
    expect(res.status).toBe(200);
    const expected = meridianArcM(30.0, 30.01) * 20;
    expect(Math.abs(res.body.siteAreaM2 - expected) / expected).toBeLessThan(0.01);
    expect(res.body.warnings.map((w: { zh: string }) => w.zh)).toContain('线状选址按影响宽度 20 米（两侧各 10 米）缓冲后核查');
    // The line's own length (geodesic, as drawn) and the width it was buffered with.
    expect(Math.abs(res.body.siteLengthM - meridianArcM(30.0, 30.01)) / meridianArcM(30.0, 30.01)).toBeLessThan(0.001);
    expect(res.body.footprint).toEqual({ lineWidthM: 20 });
  });

  it('finds the nearest zone at the far end of a 44 km line, at the geodesic distance within 1 %', async () => {
    // A north–south line at 100.3 E, 10 m wide (5 m each side); w1 starts 0.004° east of it.
    const line = { type: 'LineString', coordinates: Array.from({ length: 41 }, (_, i) => [100.3, 29.7 + i * 0.01]) };
    const res = await check({ geometry: line, project: { type: 'linear_infrastructure', widthM: 10 } });
    expect(res.status).toBe(200);
    const far = res.body.results.find((r: { layerId: string }) => r.layerId === 'zz_far');
    const expected = parallelArcM(30.09, 0.004) - 5;
    expect(Math.abs(far.minDistanceM - expected) / expected).toBeLessThan(0.01);
    expect(far.features.map((f: { id: string }) => f.id)).toEqual(['w1']);
    // The English name travels with the feature (from its properties), for the English UI and report.
    expect(far.features[0]).toMatchObject({ name: '测试湿地北端', nameEn: 'Test wetland, north end' });
  });

  it('keeps the exact distance for a site wider than 6° (no buffer prefilter: PostGIS would buffer it in a distorting projection)', async () => {
    // A line along 30.5 N from 94 E to 100.6 E; w2 begins 0.0042° (≈ 465 m) north of it. A buffer
    // made in World Mercator (scale 1.16 at 30.5 N) would reach only ≈ 435 m and miss it.
    const line = { type: 'LineString', coordinates: Array.from({ length: 67 }, (_, i) => [94 + i * 0.1, 30.5]) };
    const res = await check({ geometry: line, project: { type: 'linear_infrastructure', widthM: 10 } });
    expect(res.status).toBe(200);
    const far = res.body.results.find((r: { layerId: string }) => r.layerId === 'zz_far');
    expect(far).toBeDefined();
    expect(far.features.map((f: { id: string }) => f.id)).toEqual(['w2']);
    // The line runs along the parallel, a curve: the site's edge bulges towards w2 by < 1 m here.
    const expected = meridianArcM(30.5, 30.5042) - 5;
    expect(Math.abs(far.minDistanceM - expected) / expected).toBeLessThan(0.01);
  });

  it('buffers a point by the default 20 m width (radius 10 m)', async () => {
    const res = await check({ geometry: { type: 'Point', coordinates: [100.05, 30.05] }, project: { type: 'other' } });
    expect(Math.abs(res.body.siteAreaM2 - Math.PI * 100) / (Math.PI * 100)).toBeLessThan(0.02);
    // A point becomes a disc: say so in terms of its radius, not "each side".
    expect(res.body.warnings.map((w: { zh: string }) => w.zh)).toContain('点状选址按直径 20 米（半径 10 米）的圆后核查');
    expect(res.body.warnings.map((w: { en: string }) => w.en)).toContain('Checked point sites as a disc 20 m across (radius 10 m)');
  });

  it('flags a site that severs a corridor, and one that crosses a river', async () => {
    const road = rectangle(100.09, 30.0, 100.2005, 30.0002); // a 22 m-wide strip across corridor and river
    const res = await check({ geometry: road, project: { type: 'linear_infrastructure' } });
    const corridor = res.body.results.find((r: { layerId: string }) => r.layerId === 'zz_corridor');
    expect(corridor.severedFeatureIds).toEqual(['c1']);
    expect(corridor.verdict).toBe('notice');
    expect(corridor.rules.length).toBeGreaterThanOrEqual(2);
    const river = res.body.results.find((r: { layerId: string }) => r.layerId === 'zz_river');
    expect(river.relation).toBe('overlaps');
    // A small footprint inside the corridor does not sever it.
    const hut = await check({ geometry: rectangle(100.1015, 30.0, 100.1016, 30.0001), project: { type: 'tourism_facility' } });
    const c2 = hut.body.results.find((r: { layerId: string }) => r.layerId === 'zz_corridor');
    expect(c2.severedFeatureIds).toEqual([]);
  });

  it('suggests clipping out prohibited zones and reports what remains', async () => {
    const res = await check({ geometry: rectangle(100.005, 30.002, 100.015, 30.008), project: industrial });
    const av = res.body.avoidance;
    // Both grade1 and grade2 prohibit a discharging plant, so nothing of this site remains.
    expect(av.layerIds).toEqual(['zz_water']);
    expect(av.remainingAreaM2).toBeLessThan(1);
    const partly = await check({ geometry: rectangle(100.015, 30.002, 100.03, 30.008), project: industrial });
    const expectedRest = quadrangleAreaM2(100.02, 30.002, 100.03, 30.008);
    expect(Math.abs(partly.body.avoidance.remainingAreaM2 - expectedRest) / expectedRest).toBeLessThan(0.001);
  });

  // Issue 18: a site all but a spike inside a 一级 zone must not get the spike as its "revised site".
  const commercial = { type: 'commercial' };
  it('gives no suggestion but 须另行选址 when only a sliver would remain (the spike case)', async () => {
    // 600 × 220 m inside grade1 with a spike ≈ 2 m wide and ≈ 10 m long poking east into grade2,
    // where a commercial project is conditional: clipping grade1 leaves only the spike.
    const spiky: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [[[100.004, 30.004], [100.01, 30.004], [100.01, 30.00499], [100.0101, 30.005], [100.01, 30.00501], [100.01, 30.006], [100.004, 30.006], [100.004, 30.004]]],
    };
    const res = await check({ geometry: spiky, project: commercial });
    expect(res.status).toBe(200);
    expect(res.body.verdict).toBe('prohibited');
    const av = res.body.avoidance;
    expect(av.geometry).toBeNull();
    expect(av.suggestion).toBe('relocate');
    expect(av.message.zh).toContain('须另行选址');
    expect(av.message.en).toContain('relocated');
    // The spike lies outside grade1 but is no parcel: nothing usable remains.
    // The spike itself (~1 m²) is what remains: under the minimum parcel, so no suggestion.
    expect(av.remainingAreaM2).toBeLessThan(200);
  });

  it('still suggests the real remainder of a site half outside the zone', async () => {
    // Half in grade1, half in grade2, with a 2 m wide spike poking 10 m further east.
    const site: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [[[100.008, 30.004], [100.012, 30.004], [100.012, 30.00499], [100.0121, 30.005], [100.012, 30.00501], [100.012, 30.006], [100.008, 30.006], [100.008, 30.004]]],
    };
    const res = await check({ geometry: site, project: commercial });
    const av = res.body.avoidance;
    expect(av.suggestion).toBe('revise');
    expect(av.geometry?.type).toMatch(/Polygon/);
    // The spike is no part of the suggestion; the rectangle's corners stay where they were.
    const lons = JSON.stringify(av.geometry.coordinates).match(/-?\d+\.\d+/g)!.map(Number).filter((n: number) => n > 99);
    expect(Math.max(...lons)).toBeLessThan(100.01201);
    expect(Math.min(...lons)).toBeGreaterThan(100.00999);
    expect(av.parts).toBe(1);
    const expected = quadrangleAreaM2(100.01, 30.004, 100.012, 30.006);
    expect(Math.abs(av.remainingAreaM2 - expected) / expected).toBeLessThan(0.001);
    expect(av.remainingPct).toBeCloseTo(50, 0);
    expect(av.message.zh).not.toContain('须另行选址');
  });

  it('removes exactly the prohibited overlap the check reports, for a buffered line site too (not the site rounded as GeoJSON)', async () => {
    // A 30 m-wide pipeline zigzagging across the grade1 zone's east edge (lon 100.01): its buffered
    // outline has vertices off any 1e-7° grid, so a site parsed back from the result's GeoJSON is
    // another polygon by up to ~1 cm, all along the cut.
    const pipeline: GeoJSON.LineString = { type: 'LineString', coordinates: Array.from({ length: 41 }, (_, i) => [i % 2 ? 100.0121 : 100.0079, 30.001 + i * 0.0002]) };
    const res = await check({ geometry: pipeline, project: { ...commercial, widthM: 30 } });
    const water = res.body.results.find((r: { layerId: string }) => r.layerId === 'zz_water');
    expect(water.verdict).toBe('prohibited');
    expect(res.body.avoidance.layerIds).toEqual(['zz_water']);
    const grade1 = water.features.find((f: { level: string }) => f.level === 'grade1');
    expect(grade1.overlapAreaM2).toBeGreaterThan(10_000);
    // Before issue 17's change the avoidance query re-read the rounded site: 15.5 m² off here.
    expect(Math.abs(res.body.avoidance.removedAreaM2 - grade1.overlapAreaM2)).toBeLessThan(0.1);
  });

  it('says so when the suggestion splits the site', async () => {
    const res = await check({ geometry: rectangle(99.998, 30.004, 100.012, 30.006), project: commercial });
    const av = res.body.avoidance;
    expect(av.suggestion).toBe('revise');
    expect(av.parts).toBe(2);
    expect(av.message.zh).toContain('分为 2 块');
    const expected = 2 * quadrangleAreaM2(100.01, 30.004, 100.012, 30.006);
    expect(Math.abs(av.remainingAreaM2 - expected) / expected).toBeLessThan(0.002);
  });
});

describe('POST /api/check — one plan per connection', () => {
  it('plans the overlap statement once and keeps answering the analytic overlap with the reused plan', async () => {
    const site = rectangle(100.005, 30.002, 100.015, 30.008);
    const expected = quadrangleAreaM2(100.005, 30.002, 100.01, 30.008); // the part in grade1
    for (let i = 0; i < 8; i++) {
      const res = await check({ geometry: site, project: industrial });
      expect(res.status).toBe(200);
      const g1 = res.body.results.find((r: { layerId: string }) => r.layerId === 'zz_water').features.find((f: { id: string }) => f.id === 'g1');
      expect(Math.abs(g1.overlapAreaM2 - expected) / expected).toBeLessThan(0.001);
    }
    // Prepared once on the connection, executed eight times (the connection is the test's too: one).
    const { rows } = await t.db.pool.query(`SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'check-site-facts'`);
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].generic_plans) + Number(rows[0].custom_plans)).toBeGreaterThanOrEqual(8);
    // After five custom plans PostgreSQL keeps the generic one when it is no dearer: the embedded
    // database (PostgreSQL 18) then binds and executes without planning; PostgreSQL 15 keeps
    // choosing custom plans for this statement, so there only the parsing is saved.
    if (t.db.mode === 'embedded') expect(Number(rows[0].generic_plans)).toBeGreaterThan(0);
  });
});

describe('POST /api/check — bad input is a 4xx in Chinese and English', () => {
  const cases: [string, object, number, string][] = [
    ['missing geometry', { project: industrial }, 400, 'MISSING_GEOMETRY'],
    ['unknown type', { geometry: rectangle(100, 30, 100.001, 30.001), project: { type: 'spaceport' } }, 400, ''],
    ['flag of the wrong type', { geometry: rectangle(100, 30, 100.001, 30.001), project: { type: 'industrial', outfall: 'yes' } }, 400, ''],
    ['projected metres', { geometry: rectangle(36367300, 2922944, 36367400, 2923000), project: industrial }, 422, 'PROJECTED_COORDINATES'],
    ['open ring', { geometry: { type: 'Polygon', coordinates: [[[100, 30], [100.001, 30], [100.001, 30.001], [100, 30.001]]] }, project: industrial }, 422, 'RING_NOT_CLOSED'],
    ['too few points', { geometry: { type: 'LineString', coordinates: [[100, 30]] }, project: industrial }, 422, 'TOO_FEW_POINTS'],
    ['bad buffer', { geometry: rectangle(100, 30, 100.001, 30.001), project: industrial, bufferM: -5 }, 400, 'BAD_BUFFER'],
    ['not a geometry', { geometry: 'POLYGON((1 2))', project: industrial }, 400, 'BAD_GEOMETRY'],
  ];
  it.each(cases)('%s', async (_name, body, status, code) => {
    const res = await check(body);
    expect(res.status).toBe(status);
    if (code) expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.error.message.en.length).toBeGreaterThan(5);
  });

  it('refuses a self-intersecting polygon with its location, or repairs it on request with a warning', async () => {
    const bowtie = { type: 'Polygon', coordinates: [[[100.05, 30.0], [100.06, 30.01], [100.06, 30.0], [100.05, 30.01], [100.05, 30.0]]] };
    const refused = await check({ geometry: bowtie, project: industrial });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('SELF_INTERSECTION');
    const [lon, lat] = refused.body.error.details.location;
    expect(lon).toBeCloseTo(100.055, 6);
    expect(lat).toBeCloseTo(30.005, 6);
    const repaired = await check({ geometry: bowtie, project: industrial, repair: true });
    expect(repaired.status).toBe(200);
    expect(repaired.body.warnings.some((w: { zh: string }) => w.zh.includes('自动修复'))).toBe(true);
    expect(repaired.body.siteAreaM2).toBeGreaterThan(0);
  });
});
