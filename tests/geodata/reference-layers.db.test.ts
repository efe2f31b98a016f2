import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { valid as isValidGeoJSON } from 'geojson-validation';
import { openTestApp } from '../support/test-app.ts';

/**
 * The reference dataset as loaded into PostGIS (issue 3, Done when): validity, tilings, shares and
 * names, with every area computed on the ellipsoid by PostGIS (ST_Area(geography)).
 */
let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await t.db.pool.query(sql, params)).rows as T[];
const current = `f.version = (SELECT current_version FROM layers WHERE id = f.layer_id)`;
const areaOf = async (where: string) =>
  Number((await q<{ a: number }>(`SELECT COALESCE(ST_Area(ST_Union(geom)::geography), 0) AS a FROM features f WHERE ${current} AND ${where}`))[0].a);
const district = () => areaOf(`layer_id = 'admin_boundary' AND level = 'district'`);

const KINDS = [
  'admin_boundary', 'eco_redline', 'water_source', 'nature_reserve', 'wetland', 'scenic_area', 'basic_farmland',
  'urban_boundary', 'control_unit', 'eco_core', 'eco_screen', 'eco_corridor', 'river', 'reservoir', 'industrial_park',
];

describe('reference layers in PostGIS', () => {
  it('GET /api/layers lists every kind, all illustrative control layers marked as such', async () => {
    const res = await request(t.app).get('/api/layers');
    expect(res.status).toBe(200);
    const kinds = new Set(res.body.map((l: { kind: string }) => l.kind));
    for (const kind of KINDS) expect(kinds, kind).toContain(kind);
    for (const layer of res.body.filter((l: { kind: string }) => !['admin_boundary', 'admin_context'].includes(l.kind))) {
      expect(layer.illustrative, layer.id).toBe(true);
      expect(layer.version, layer.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('serves valid RFC 7946 GeoJSON for every layer, each feature with id and name', async () => {
    const layers = (await request(t.app).get('/api/layers')).body as { id: string; levels: string[]; featureCount: number }[];
    for (const layer of layers) {
      const res = await request(t.app).get(`/api/layers/${layer.id}/features`);
      expect(res.status, layer.id).toBe(200);
      expect(isValidGeoJSON(res.body), layer.id).toBe(true);
      expect(res.body.features.length, layer.id).toBe(layer.featureCount);
      for (const f of res.body.features) {
        expect(f.id, layer.id).toBeTruthy();
        expect(typeof f.properties.name, `${layer.id} ${f.id}`).toBe('string');
        if (layer.levels.length > 0 && layer.id !== 'eco_redline' && layer.id !== 'scenic_area') {
          expect(layer.levels, `${layer.id} ${f.id}`).toContain(f.properties.level);
        }
        // RFC 7946: lon/lat within range.
        const [lon, lat] = JSON.stringify(f.geometry.coordinates).match(/-?\d+\.?\d*/g)!.slice(0, 2).map(Number);
        expect(lon).toBeGreaterThan(100);
        expect(lat).toBeGreaterThan(20);
      }
    }
    const bad = await request(t.app).get('/api/layers/no_such_layer/features');
    expect(bad.status).toBe(404);
    expect(bad.body.error.message.zh).toContain('图层不存在');
  });

  it('stores only valid geometries', async () => {
    const invalid = await q(`SELECT layer_id, feature_key, ST_IsValidReason(geom) r FROM features f WHERE ${current} AND NOT ST_IsValid(geom)`);
    expect(invalid).toEqual([]);
  });

  for (const [what, where] of [
    ['townships', `layer_id = 'admin_boundary' AND level = 'township'`],
    ['control units', `layer_id = 'control_unit'`],
  ] as const) {
    it(`${what} tile the district: union within 0.5 % of the outline, no overlaps`, async () => {
      const outline = await district();
      const union = await areaOf(where);
      expect(Math.abs(union - outline) / outline).toBeLessThan(0.005);
      const sum = Number((await q<{ s: number }>(`SELECT SUM(ST_Area(geom::geography)) s FROM features f WHERE ${current} AND ${where}`))[0].s);
      // Pairwise overlaps add to the sum of areas but not to the union.
      expect((sum - union) / outline).toBeLessThan(0.001);
    });
  }

  it('has 13 townships and the control units in three classes with codes', async () => {
    const towns = await q(`SELECT name FROM features f WHERE ${current} AND layer_id = 'admin_boundary' AND level = 'township'`);
    expect(towns).toHaveLength(13);
    const units = await q<{ level: string; code: string }>(`SELECT level, properties->>'code' code FROM features f WHERE ${current} AND layer_id = 'control_unit'`);
    expect(new Set(units.map((u) => u.level))).toEqual(new Set(['priority', 'key', 'general']));
    for (const u of units) expect(u.code).toMatch(/^ZH\d{11}$/);
  });

  it('covers 15–35 % of the district with the ecological red line', async () => {
    const share = (await areaOf(`layer_id = 'eco_redline'`)) / (await district());
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
  });

  it('keeps water-source zones exclusive: 二级 does not overlap 一级, 准 overlaps neither', async () => {
    const overlap = async (a: string, b: string) =>
      Number((await q<{ a: number }>(
        `SELECT COALESCE(SUM(ST_Area(ST_Intersection(x.geom, y.geom)::geography)), 0) a
           FROM features x JOIN features y ON x.geom && y.geom
          WHERE x.layer_id = 'water_source' AND y.layer_id = 'water_source'
            AND x.version = (SELECT current_version FROM layers WHERE id = 'water_source') AND y.version = x.version
            AND x.level = $1 AND y.level = $2`, [a, b]))[0].a);
    // Layer-wide, also across sources: where zones of two sources meet, the stricter grade governs.
    // Slivers of a few m² come from rounding coordinates to 6 decimals (≈ 0.1 m).
    expect(await overlap('grade2', 'grade1')).toBeLessThan(10);
    expect(await overlap('quasi', 'grade1')).toBeLessThan(10);
    expect(await overlap('quasi', 'grade2')).toBeLessThan(10);
  });

  it('names every drinking-water source, core, screen and corridor of seed 000', async () => {
    const sources = (await q<{ s: string }>(`SELECT DISTINCT properties->>'sourceName' s FROM features f WHERE ${current} AND layer_id = 'water_source'`)).map((r) => r.s);
    for (const name of ['花溪水库', '苦蒿冲', '阴洞河', '燕鲁小燕河', '海爬井', '龙潭', '龙井沟', '麻窝坑', '红岩水库', '九眼井']) {
      expect(sources.some((s) => s.includes(name)), name).toBe(true);
    }
    const names = async (layer: string) => (await q<{ name: string }>(`SELECT name FROM features f WHERE ${current} AND layer_id = $1`, [layer])).map((r) => r.name).sort();
    expect(await names('eco_core')).toEqual(['花溪水库生态绿核', '阿哈湖生态绿核'].sort());
    expect(await names('eco_screen')).toEqual(['凤凰山生态屏', '大成山脉生态屏', '黔灵山脉生态屏'].sort());
    expect(await names('eco_corridor')).toEqual(
      ['大坪水库-阿哈湖生态廊道', '花溪水库-凤凰山生态廊道', '松柏山-杨梅水库生态廊道', '马铃-高坡生态廊道', '久安-天河潭生态廊道', '南岳山生态廊道'].sort(),
    );
  });

  it('keeps permanent basic farmland outside the urban development boundary', async () => {
    const [{ a }] = await q<{ a: number }>(
      `SELECT COALESCE(SUM(ST_Area(ST_Intersection(x.geom, y.geom)::geography)), 0) a
         FROM features x JOIN features y ON x.geom && y.geom
        WHERE x.layer_id = 'basic_farmland' AND y.layer_id = 'urban_boundary'
          AND x.version = (SELECT current_version FROM layers WHERE id = 'basic_farmland')
          AND y.version = (SELECT current_version FROM layers WHERE id = 'urban_boundary')`);
    // Coordinates are rounded to 6 decimals (≈ 0.1 m), so shared edges leave slivers of a few m².
    expect(Number(a)).toBeLessThan(100);
  });
});
