import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from '../../support/test-app.ts';
import { removeTestLayers } from '../../support/test-layers.ts';
import { login, makeUser, type Session } from '../auth/accounts.ts';
import { blob, fileGdb4545, geoPackage4490, oracleAreas, shapefileGbk4524, writeSource, type SourcePolygon } from './gdal-files.ts';

/**
 * Official data (issue 13) through the API, with files written by GDAL's ogr2ogr: FileGDB in
 * EPSG:4545, GeoPackage in EPSG:4490, a GBK Shapefile without .cpg or language byte in EPSG:4524,
 * GeoJSON. Areas are compared with GDAL + SpatiaLite's geodesic areas, names with the source text.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-official-'));
const LAYERS = ['off_gdb', 'off_gpkg', 'off_shp', 'off_json', 'off_bowtie', 'off_ref'];

// In 花溪区's south-west, away from the demo sites; names with rare characters and full-width punctuation.
const POLYGONS: SourcePolygon[] = [
  { bsm: '5201110001', name: '花溪水库饮用水源涵养核心区（甲）', level: '核心保护区', ring: blob(106.552, 26.318, 0.004) },
  { bsm: '5201110002', name: '龙井坝生态保护红线·喀斯特', level: '一般控制区', ring: blob(106.566, 26.318, 0.003, 60) },
  { bsm: '5201110003', name: '燕楼镇鳯凰山（旧称）', level: '核心保护区', ring: blob(106.559, 26.330, 0.002, 24) },
];
const MAPPING = { id: 'BSM', name: 'HXMC', level: { field: 'GKFQ', values: { 核心保护区: 'core', 一般控制区: null } } };

let app: Awaited<ReturnType<typeof openTestApp>>;
let admin: Session;
let applicant: Session;
let src: string;

beforeAll(async () => {
  app = await openTestApp();
  await removeTestLayers(app.db.pool, LAYERS);
  await makeUser(app.db.pool, 'off_admin', 'admin');
  await makeUser(app.db.pool, 'off_applicant', 'applicant');
  admin = await login(app.app, 'off_admin');
  applicant = await login(app.app, 'off_applicant');
  src = writeSource(dir, 'source.geojson', POLYGONS);
});

afterAll(async () => {
  await removeTestLayers(app.db.pool, LAYERS);
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const upload = (session: Session, file: string) =>
  session.agent.post('/api/admin/uploads').set('X-CSRF-Token', session.csrfToken).attach('file', file);

async function createLayer(id: string, kind = 'eco_redline') {
  const res = await admin.post('/api/admin/layers', { id, kind, nameZh: `官方${id}`, nameEn: `Official ${id}` });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('official data: access', () => {
  it('is for administrators only, and writes need the CSRF token', async () => {
    expect((await request(app.app).post('/api/admin/layers').send({})).status).toBe(401);
    expect((await request(app.app).post('/api/admin/layers/eco_redline/versions').send({})).status).toBe(401);
    expect((await applicant.agent.post('/api/admin/uploads').set('X-CSRF-Token', applicant.csrfToken).attach('file', Buffer.from('{}'), 'a.geojson')).status).toBe(403);
    expect((await applicant.post('/api/admin/layers', { id: 'off_x', kind: 'eco_redline', nameZh: 'x', nameEn: 'x' })).status).toBe(403);
    expect((await admin.agent.post('/api/admin/layers').send({ id: 'off_x', kind: 'eco_redline', nameZh: 'x', nameEn: 'x' })).status).toBe(403);
    expect((await applicant.post('/api/admin/layers/eco_redline/versions', { uploadId: 'aaaaaaaaaaaa', mapping: { name: 'x' } })).status).toBe(403);
  });

  it('creates a layer once (201, then 409) and refuses kinds the rules do not know', async () => {
    const layer = await createLayer('off_ref', 'reference');
    expect(layer).toMatchObject({ checked: false, illustrative: false, levels: [] });
    expect((await admin.post('/api/admin/layers', { id: 'off_ref', kind: 'reference', nameZh: 'x', nameEn: 'x' })).status).toBe(409);
    expect((await admin.post('/api/admin/layers', { id: 'off_zz', kind: 'volcano', nameZh: 'x', nameEn: 'x' })).body.error.code).toBe('UNKNOWN_KIND');
    expect((await admin.post('/api/admin/layers', { id: 'Bad Id', kind: 'eco_redline', nameZh: 'x', nameEn: 'x' })).status).toBe(400);
  });
});

const CASES = [
  { label: 'FileGDB (zipped .gdb) in EPSG:4545', layerId: 'off_gdb', make: () => fileGdb4545(dir, src), epsg: 4545, sourceLayer: 'redline' },
  { label: 'GeoPackage in EPSG:4490', layerId: 'off_gpkg', make: () => geoPackage4490(dir, src), epsg: 4490, sourceLayer: 'redline' },
  { label: 'Shapefile, GBK without .cpg or language byte, EPSG:4524 (zone prefix)', layerId: 'off_shp', make: () => shapefileGbk4524(dir, src), epsg: 4524, sourceLayer: 'redline' },
  { label: 'GeoJSON (CGCS2000 lon/lat)', layerId: 'off_json', make: () => src, epsg: 4490, sourceLayer: 'source' },
];

describe.each(CASES)('official data: $label', ({ layerId, make, epsg, sourceLayer }) => {
  it('is inspected, published with the mapping, and its areas and names match the source', async () => {
    const file = make();
    const up = await upload(admin, file);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(up.body.layers).toHaveLength(1);
    const info = up.body.layers[0];
    expect(info).toMatchObject({ name: sourceLayer, featureCount: 3, crs: { epsg } });
    expect(info.geometryType).toMatch(/Polygon/);
    const fields = Object.fromEntries(info.fields.map((f: { name: string; samples: unknown[] }) => [f.name, f.samples]));
    expect(new Set(fields.HXMC)).toEqual(new Set(POLYGONS.map((p) => p.name)));
    expect(new Set(fields.GKFQ)).toEqual(new Set(['核心保护区', '一般控制区']));
    const [w, s, e, n] = info.extent;
    expect(w).toBeCloseTo(106.548, 2);
    expect(s).toBeCloseTo(26.314, 2);
    expect(e).toBeLessThan(106.57);
    expect(n).toBeGreaterThan(26.33);

    await createLayer(layerId);
    const body = { uploadId: up.body.uploadId, mapping: MAPPING, note: '三区三线成果', approvalDocument: '黔府函〔2026〕12号' };
    const dry = await admin.post(`/api/admin/layers/${layerId}/versions`, { ...body, dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.validation.errors).toEqual([]);
    expect(dry.body.featureCount).toBe(3);
    expect((await app.db.pool.query('SELECT current_version FROM layers WHERE id = $1', [layerId])).rows[0].current_version).toBeNull();

    const pub = await admin.post(`/api/admin/layers/${layerId}/versions`, body);
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    expect(pub.body).toMatchObject({ layerId, version: 1, featureCount: 3 });

    const oracle = oracleAreas(dir, file, sourceLayer === 'source' ? 'source' : 'redline');
    const { rows } = await app.db.pool.query<{ feature_key: string; name: string; level: string | null; area_m2: number }>(
      'SELECT feature_key, name, level, area_m2 FROM features WHERE layer_id = $1 AND version = 1 ORDER BY feature_key',
      [layerId],
    );
    expect(rows.map((r) => r.feature_key)).toEqual(POLYGONS.map((p) => p.bsm));
    for (const [i, r] of rows.entries()) {
      expect(r.name).toBe(POLYGONS[i].name);
      expect(r.level).toBe(POLYGONS[i].level === '核心保护区' ? 'core' : null);
      expect(Math.abs(r.area_m2 / oracle[r.feature_key] - 1)).toBeLessThan(0.001);
    }
    const total = Object.values(oracle).reduce((a, b) => a + b, 0);
    expect(Math.abs(pub.body.areaM2 / total - 1)).toBeLessThan(0.001);
    expect(Math.abs(pub.body.areaByLevel.core / (oracle['5201110001'] + oracle['5201110003']) - 1)).toBeLessThan(0.001);

    const version = await app.db.pool.query(
      'SELECT published_by, source_file, source_sha256, approval_document, note, mapping FROM layer_versions WHERE layer_id = $1 AND version = 1',
      [layerId],
    );
    expect(version.rows[0]).toMatchObject({
      published_by: 'off_admin', source_file: path.basename(file), source_sha256: up.body.sha256, approval_document: '黔府函〔2026〕12号', note: '三区三线成果',
    });
    expect(version.rows[0].mapping.level.field).toBe('GKFQ');
    const audit = await app.db.pool.query(`SELECT detail FROM audit_log WHERE action = 'layer.published' AND detail->>'layerId' = $1`, [layerId]);
    expect(audit.rows).toHaveLength(1);
  });
}, 120_000);

describe('official data: the check uses a published layer at once', () => {
  it('a site inside a core feature of the new layer is prohibited, citing the red-line rule', async () => {
    const site = { type: 'Polygon', coordinates: [[[106.551, 26.317], [106.553, 26.317], [106.553, 26.319], [106.551, 26.319], [106.551, 26.317]]] };
    const res = await request(app.app).post('/api/check').send({ geometry: site, project: { type: 'industrial' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const mine = res.body.results.find((r: { layerId: string }) => r.layerId === 'off_gdb');
    expect(mine).toMatchObject({ verdict: 'prohibited', level: 'core' });
    expect(mine.features[0]).toMatchObject({ id: '5201110001', name: POLYGONS[0].name });
    expect(mine.rules.length).toBeGreaterThan(0);
    expect(res.body.layerVersions.off_gdb).toBe(1);
  });

  it('a published layer shows in the catalog as official, and can be retired from map and check', async () => {
    const catalog = await request(app.app).get('/api/layers');
    const entry = catalog.body.layers?.find?.((l: { id: string }) => l.id === 'off_gpkg') ?? catalog.body.find?.((l: { id: string }) => l.id === 'off_gpkg');
    expect(entry).toMatchObject({ illustrative: false, version: 1, featureCount: 3 });
    const retired = await admin.post('/api/admin/layers/off_gpkg/retire', { retired: true });
    expect(retired.body).toMatchObject({ retired: true, checked: false });
    const after = await request(app.app).get('/api/layers');
    const list = (after.body.layers ?? after.body) as { id: string }[];
    expect(list.some((l) => l.id === 'off_gpkg')).toBe(false);
    const site = { type: 'Polygon', coordinates: [[[106.551, 26.317], [106.553, 26.317], [106.553, 26.319], [106.551, 26.319], [106.551, 26.317]]] };
    const check = await request(app.app).post('/api/check').send({ geometry: site, project: { type: 'industrial' } });
    expect(check.body.layerVersions.off_gpkg).toBeUndefined();
    expect(check.body.layerVersions.off_gdb).toBe(1);
  });
});

describe('official data: invalid geometries', () => {
  it('a bow-tie is listed by the dry run, refused without repair (422), published with repair', async () => {
    const bowtie: SourcePolygon = {
      bsm: 'BT-1', name: '自相交图斑', level: '核心保护区',
      ring: [[106.58, 26.30], [106.59, 26.31], [106.59, 26.30], [106.58, 26.31], [106.58, 26.30]],
    };
    const file = geoPackage4490(dir, writeSource(dir, 'bowtie.geojson', [POLYGONS[0], bowtie]), 'bowtie');
    const up = await upload(admin, file);
    expect(up.status).toBe(201);
    await createLayer('off_bowtie');
    const body = { uploadId: up.body.uploadId, mapping: MAPPING };
    const dry = await admin.post('/api/admin/layers/off_bowtie/versions', { ...body, dryRun: true });
    expect(dry.status).toBe(200);
    const invalid = dry.body.validation.errors.filter((e: { code: string }) => e.code === 'INVALID_GEOMETRY');
    expect(invalid).toHaveLength(1);
    expect(invalid[0].id).toBe('BT-1');
    expect(invalid[0].message.en).toMatch(/self-intersection/i);
    expect(invalid[0].location[0]).toBeCloseTo(106.585, 6);
    expect(invalid[0].location[1]).toBeCloseTo(26.305, 6);

    const refused = await admin.post('/api/admin/layers/off_bowtie/versions', body);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.details.validation.errors[0].id).toBe('BT-1');
    expect((await app.db.pool.query('SELECT count(*)::int AS n FROM layer_versions WHERE layer_id = $1', ['off_bowtie'])).rows[0].n).toBe(0);

    const repaired = await admin.post('/api/admin/layers/off_bowtie/versions', { ...body, repair: true });
    expect(repaired.status, JSON.stringify(repaired.body)).toBe(201);
    expect(repaired.body.validation.repaired).toHaveLength(1);
    expect(repaired.body.validation.repaired[0].id).toBe('BT-1');
    // Repaired: two triangles, each ½ × 0.01° (lat) × 0.005° (lon) around 26.305°N — 0.00005 deg² in all, with
    // 110 752 m per degree of latitude and 99 858 m per degree of longitude there (WGS84 series): ≈ 552 970 m².
    expect(repaired.body.validation.repaired[0].areaAfterM2 / 552_970).toBeCloseTo(1, 2);
    const { rows } = await app.db.pool.query(
      `SELECT ST_IsValid(geom) AS valid, GeometryType(geom) AS type, ST_NumGeometries(geom) AS parts FROM features WHERE layer_id = 'off_bowtie' AND feature_key = 'BT-1'`,
    );
    expect(rows[0]).toMatchObject({ valid: true, type: 'MULTIPOLYGON', parts: 2 });
  });

  it('level values missing from the table are errors; a duplicate geometry and overlaps are warnings', async () => {
    const twin: SourcePolygon = { ...POLYGONS[1], bsm: 'DUP-1' };
    const overlapping: SourcePolygon = { bsm: 'OV-1', name: '重叠图斑', level: '未知分区', ring: blob(106.555, 26.318, 0.003) };
    const file = geoPackage4490(dir, writeSource(dir, 'checks.geojson', [...POLYGONS, twin, overlapping]), 'checks');
    const up = await upload(admin, file);
    const dry = await admin.post('/api/admin/layers/off_bowtie/versions', { uploadId: up.body.uploadId, mapping: MAPPING, dryRun: true });
    expect(dry.status).toBe(200);
    const codes = (list: { code: string }[]) => list.map((x) => x.code);
    expect(codes(dry.body.validation.errors)).toEqual(['UNMAPPED_LEVEL']);
    expect(dry.body.validation.errors[0].message.zh).toContain('未知分区');
    expect(codes(dry.body.validation.warnings)).toContain('DUPLICATE_GEOMETRY');
    const overlaps = dry.body.validation.warnings.filter((w: { code: string }) => w.code === 'OVERLAP');
    expect(overlaps.length).toBeGreaterThan(0);
    expect(overlaps.every((o: { areaM2: number }) => o.areaM2 > 1)).toBe(true);
    const dup = dry.body.validation.warnings.find((w: { code: string }) => w.code === 'DUPLICATE_GEOMETRY');
    expect(dup.ids).toEqual(['5201110002', 'DUP-1']);
  });

  it('a file without a CRS is refused until one is chosen, naming the zone its coordinates imply', async () => {
    const noCrs = path.join(dir, 'nocrs.geojson');
    const projected = JSON.parse(fs.readFileSync(src, 'utf8'));
    // Coordinates as GDAL projects them to EPSG:4524, with the crs member removed.
    const tmp = path.join(dir, 'nocrs-4524.geojson');
    (await import('node:child_process')).execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4524', tmp, src]);
    const doc = JSON.parse(fs.readFileSync(tmp, 'utf8'));
    delete doc.crs;
    fs.writeFileSync(noCrs, JSON.stringify(doc));
    expect(projected.features).toHaveLength(3);
    const up = await upload(admin, noCrs);
    expect(up.status).toBe(201);
    expect(up.body.layers[0].crs).toBeNull();
    expect(up.body.layers[0].suggestedCrs.epsg).toBe(4524);
    const body = { uploadId: up.body.uploadId, mapping: MAPPING, dryRun: true };
    const refused = await admin.post('/api/admin/layers/off_json/versions', body);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('CRS_REQUIRED');
    const ok = await admin.post('/api/admin/layers/off_json/versions', { ...body, crs: 4524 });
    expect(ok.status).toBe(200);
    expect(ok.body.featureCount).toBe(3);
  });
});

describe('coverage: where the data reaches', () => {
  const check = (geometry: GeoJSON.Geometry) => request(app.app).post('/api/check').send({ geometry, project: { type: 'industrial' } });

  it('a site wholly outside gets no verdict from absent zones: outside_coverage, a warning naming 覆盖', async () => {
    const site = { type: 'Polygon' as const, coordinates: [[[110, 30], [110.01, 30], [110.01, 30.01], [110, 30.01], [110, 30]]] };
    const res = await check(site);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.verdict).toBe('outside_coverage');
    expect(['prohibited', 'conditional', 'notice']).not.toContain(res.body.verdict);
    expect(res.body.coverage).toMatchObject({ status: 'outside', insideAreaM2: 0 });
    expect(res.body.coverage.outsideAreaM2).toBeCloseTo(res.body.siteAreaM2, 0);
    expect(res.body.warnings.some((w: { zh: string }) => w.zh.includes('覆盖'))).toBe(true);
    expect(res.body.results.some((r: { kind: string }) => r.kind === 'urban_boundary')).toBe(false);
    // No share of an empty judged area: numbers, not null (NaN in JSON broke the 项目库 XLSX export).
    for (const r of res.body.results) expect(typeof r.overlapPct, r.layerId).toBe('number');
  });

  it('a site half outside the district is judged on its covered part, with the area outside in a warning', async () => {
    const turf = await import('@turf/turf');
    const { rows } = await app.db.pool.query<{ g: string; x: number; y: number }>(
      `SELECT ST_AsGeoJSON(f.geom) AS g, ST_XMin(f.geom) AS x, ST_Y(ST_PointOnSurface(f.geom)) AS y FROM layers l
         JOIN features f ON f.layer_id = l.id AND f.version = l.current_version WHERE l.id = 'admin_boundary' AND f.level = 'district'`,
    );
    const district = JSON.parse(rows[0].g);
    // A 0.01° square across the district's westernmost edge, on the parallel of a point inside it.
    const { x } = rows[0];
    const westEdge = turf.lineIntersect(turf.lineString([[x - 0.1, rows[0].y], [x + 0.3, rows[0].y]]), turf.polygonToLine(district) as GeoJSON.Feature<GeoJSON.LineString>);
    const crossing = Math.min(...westEdge.features.map((p) => p.geometry.coordinates[0]));
    const y = rows[0].y;
    const site: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[crossing - 0.005, y - 0.005], [crossing + 0.005, y - 0.005], [crossing + 0.005, y + 0.005], [crossing - 0.005, y + 0.005], [crossing - 0.005, y - 0.005]]] };
    const res = await check(site);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.coverage.status).toBe('partial');
    expect(['prohibited', 'conditional', 'notice', 'clear']).toContain(res.body.verdict);
    // Oracle: Turf's spherical area of site minus district (independent of PostGIS), within 1 %.
    const outside = turf.area(turf.difference(turf.featureCollection([turf.polygon(site.coordinates), turf.feature(district) as GeoJSON.Feature<GeoJSON.Polygon>]))!);
    expect(outside).toBeGreaterThan(0.2 * res.body.siteAreaM2);
    expect(res.body.coverage.outsideAreaM2 / outside).toBeCloseTo(1, 2);
    expect(res.body.coverage.insideAreaM2 + res.body.coverage.outsideAreaM2).toBeCloseTo(res.body.siteAreaM2, 0);
    const warning = res.body.warnings.find((w: { zh: string }) => w.zh.includes('覆盖范围之外'));
    expect(warning.zh).toContain(`${(res.body.coverage.outsideAreaM2 / 10_000).toFixed(4)} 公顷`);
    // The urban boundary judges the covered part only: what lies outside it is at most the covered area.
    const urban = res.body.results.find((r: { kind: string }) => r.kind === 'urban_boundary');
    if (urban) expect(urban.outsideAreaM2).toBeLessThanOrEqual(res.body.coverage.insideAreaM2 + 1);
  });
});
