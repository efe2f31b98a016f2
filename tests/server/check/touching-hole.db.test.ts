import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { polygonSelfIntersections } from '../../../common/geo/self-intersections.ts';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, type Session } from '../auth/accounts.ts';

/**
 * Issue 12: a polygon whose hole touches its shell at exactly one point is valid in OGC's terms
 * (PostGIS ST_IsValid, ST_IsValidDetail), so it imports, saves, exports and checks like any other —
 * no SELF_INTERSECTION anywhere, its area PostGIS geography's, its verdict that of the same
 * polygon with the hole moved off the shell. The oracles are PostGIS and GDAL (ogr2ogr).
 */
const run = promisify(execFile);
const W = 106.64, S = 26.44, E = 106.66, N = 26.46;
const TOUCH: [number, number] = [106.65, S]; // on the shell's south edge, not at one of its vertices
const shell = [[W, S], [E, S], [E, N], [W, N], [W, S]];
const hole = (apex: [number, number]) => [apex, [106.645, 26.45], [106.655, 26.45], apex];
const touching: GeoJSON.Polygon = { type: 'Polygon', coordinates: [shell, hole(TOUCH)] };
const apart: GeoJSON.Polygon = { type: 'Polygon', coordinates: [shell, hole([106.65, S + 0.0005])] };

const kml = (p: GeoJSON.Polygon) => `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>内环相切</name><Polygon>
<outerBoundaryIs><LinearRing><coordinates>${p.coordinates[0].map((c) => c.join(',')).join(' ')}</coordinates></LinearRing></outerBoundaryIs>
<innerBoundaryIs><LinearRing><coordinates>${p.coordinates[1].map((c) => c.join(',')).join(' ')}</coordinates></LinearRing></innerBoundaryIs>
</Polygon></Placemark></Document></kml>`;

let t: Awaited<ReturnType<typeof openTestApp>>;
let applicant: Session;
let tmp: string;
const P = `th${Date.now().toString(36)}`;
const PROJECT = { type: 'industrial' };

async function postgis(g: GeoJSON.Geometry) {
  const { rows } = await t.db.pool.query<{ valid: boolean; detail: string | null; area: number }>(
    `SELECT ST_IsValid(g) AS valid, (ST_IsValidDetail(g)).reason AS detail, ST_Area(g::geography) AS area
       FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) x`,
    [JSON.stringify(g)],
  );
  return rows[0];
}

const rel = (a: number, b: number) => Math.abs(a - b) / b;
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

beforeAll(async () => {
  t = await openTestApp();
  await makeUser(t.db.pool, `${P}_applicant`, 'applicant');
  applicant = await login(t.app, `${P}_applicant`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'touching-hole-'));
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await t.close();
});

describe('a polygon whose hole touches its shell at one point (OGC-valid)', () => {
  it('is valid for PostGIS (the oracle of this test)', async () => {
    const g = await postgis(touching);
    expect(g.valid).toBe(true);
    expect(g.detail).toBeNull();
    // The hole is really there: the touching polygon is smaller than its shell.
    expect(g.area).toBeLessThan((await postgis({ type: 'Polygon', coordinates: [shell] })).area * 0.9);
  });

  it('the shared hint (common/geo/self-intersections.ts) reports nothing exactly where PostGIS says valid', async () => {
    const sq = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const cases: [string, number[][][]][] = [
      ['hole touching the shell on an edge', [sq, [[2, 0], [1, 2], [3, 2], [2, 0]]]],
      ['hole touching the shell at a vertex', [sq, [[0, 0], [2, 1], [1, 2], [0, 0]]]],
      ['two holes touching each other once', [sq, [[1, 1], [2, 1], [1, 2], [1, 1]], [[2, 1], [3, 1], [3, 2], [2, 1]]]],
      ['hole touching the shell twice', [sq, [[2, 0], [3, 2], [2, 4], [1, 2], [2, 0]]]],
      ['hole crossing the shell', [sq, [[2, -1], [3, 2], [1, 2], [2, -1]]]],
      ['hole along a shell edge', [sq, [[1, 0], [3, 0], [2, 2], [1, 0]]]],
      ['ring touching itself', [[[0, 0], [4, 0], [4, 4], [2, 4], [3, 2], [1, 2], [2, 4], [0, 4], [0, 0]]]],
      ['bow tie', [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]],
      ['the test site', touching.coordinates],
    ];
    for (const [name, rings] of cases) {
      const { valid } = await postgis({ type: 'Polygon', coordinates: rings });
      expect(polygonSelfIntersections(rings).length === 0, name).toBe(valid);
    }
  });

  it.each([
    ['GeoJSON', 'site.geojson', () => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '内环相切' }, geometry: touching }] })],
    ['KML', 'site.kml', () => kml(touching)],
  ])('imports from %s without a self-intersection warning, hole kept', async (_format, filename, content) => {
    const res = await request(t.app).post('/api/import').attach('file', Buffer.from(content()), filename);
    expect(res.status).toBe(200);
    const codes = (res.body.warnings as { code?: string }[]).map((w) => w.code);
    expect(codes).not.toContain('SELF_INTERSECTION');
    const g = res.body.features.features[0].geometry as GeoJSON.Polygon;
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(2);
    expect(rel((await postgis(g)).area, (await postgis(touching)).area)).toBeLessThan(1e-6);
  });

  it('imports from a 国土 TXT whose touch is exact in Gauss-Krüger metres: still valid in lon/lat, area 7200 m² (analytic)', async () => {
    // 100 × 80 m minus a triangle (base 40 m, height 40 m) whose apex J5 lies on the north edge J1–J2.
    const txt = [
      '[属性描述]', '坐标系=2000国家大地坐标系', '几度分带=3', '投影类型=高斯克吕格', '计量单位=米', '带号=36', '[地块坐标]', '9,0.7200,1,内环相切地块,面,,建设用地,,@',
      'J1,1,2923000.000,36367300.000', 'J2,1,2923000.000,36367400.000', 'J3,1,2922920.000,36367400.000', 'J4,1,2922920.000,36367300.000', 'J1,1,2923000.000,36367300.000',
      'J5,2,2923000.000,36367350.000', 'J6,2,2922960.000,36367370.000', 'J7,2,2922960.000,36367330.000', 'J5,2,2923000.000,36367350.000',
    ].join('\r\n');
    const res = await request(t.app).post('/api/import').attach('file', iconv.encode(txt, 'gbk'), 'touching.txt');
    expect(res.status).toBe(200);
    // 9 point rows, closing repeats included, as the header declares: nothing to warn about.
    expect((res.body.warnings as { code?: string }[]).map((w) => w.code)).toEqual([]);
    const g = res.body.features.features[0].geometry as GeoJSON.Polygon;
    // J5, a rounding error off J1–J2 in lon/lat, is inserted into the shell (touching-vertices.ts):
    // the shell has one vertex more than drawn, and it is the hole's apex exactly — the rings' one shared point.
    const [shellRing, holeRing] = g.coordinates;
    const apex = holeRing.reduce((top, v) => (v[1] > top[1] ? v : top));
    expect(shellRing).toHaveLength(6);
    const shared = holeRing.slice(1).filter((v) => shellRing.some((s) => s[0] === v[0] && s[1] === v[1]));
    expect(shared).toEqual([apex]);
    const oracle = await postgis(g);
    expect(oracle.detail).toBeNull();
    expect(oracle.valid).toBe(true);
    // The ellipsoid's area is within 0.1 % of the Gauss-Krüger plane's (scale factor at 106.67° E, zone 36).
    expect(rel(oracle.area, 7200)).toBeLessThan(1e-3);
    const check = await request(t.app).post('/api/check').send({ geometry: g, project: PROJECT });
    expect(check.status).toBe(200);
    expect(rel(check.body.siteAreaM2, oracle.area)).toBeLessThan(1e-6);
  });

  it('checks like the same polygon with its hole moved off the shell; site area as PostGIS geography', async () => {
    const res = await request(t.app).post('/api/check').send({ geometry: touching, project: PROJECT });
    expect(res.status).toBe(200);
    const reference = await request(t.app).post('/api/check').send({ geometry: apart, project: PROJECT });
    expect(reference.status).toBe(200);
    expect(res.body.verdict).toBe(reference.body.verdict);
    expect(rel(res.body.siteAreaM2, (await postgis(touching)).area)).toBeLessThan(1e-6);
  });

  it('saves as a project site: 201, area as PostGIS geography, stored geometry still valid with its hole', async () => {
    const res = await applicant.post('/api/projects', { name: `${P} 内环相切`, geometry: touching, project: PROJECT });
    expect(res.status).toBe(201);
    expect(rel(res.body.areaM2, (await postgis(touching)).area)).toBeLessThan(1e-6);
    const stored = await applicant.get(`/api/projects/${res.body.id}`);
    expect(stored.status).toBe(200);
    expect(stored.body.geometry.coordinates).toHaveLength(2);
    expect((await postgis(stored.body.geometry)).valid).toBe(true);
  });

  it.each([
    ['geojson', 'site.geojson'],
    ['shp', 'site.zip'],
  ])('exports as %s; GDAL reads back one valid polygon with its hole and the same area', async (format, filename) => {
    const res = await request(t.app)
      .post(`/api/export?format=${format}`)
      .send({ features: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '内环相切' }, geometry: touching }] } })
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const file = path.join(tmp, filename);
    fs.writeFileSync(file, res.body as Buffer);
    const source = format === 'shp' ? `/vsizip/${file}` : file;
    const out = path.join(tmp, `${format}-back.geojson`);
    await run('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', out, source]);
    const back = JSON.parse(fs.readFileSync(out, 'utf8')) as GeoJSON.FeatureCollection;
    expect(back.features).toHaveLength(1);
    const g = back.features[0].geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    expect(rings).toHaveLength(2);
    const oracle = await postgis(g);
    expect(oracle.valid).toBe(true);
    expect(rel(oracle.area, (await postgis(touching)).area)).toBeLessThan(1e-5);
  });
});
