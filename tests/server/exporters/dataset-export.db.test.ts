import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { area } from '@turf/turf';
import JSZip from 'jszip';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../../server/auth/sessions.ts';
import { createProject } from '../../../server/projects/drafts.ts';
import { parseNewProject } from '../../../server/projects/project-input.ts';
import { openTestApp } from '../../support/test-app.ts';
import { login, makeUser, square, type Session } from '../auth/accounts.ts';

/**
 * Layer and register downloads read back by GDAL (ogrinfo/ogr2ogr): same feature count, Chinese
 * names intact, areas within 0.01 % (turf on GDAL's output against turf on /api/layers' GeoJSON).
 */
const run = promisify(execFile);
let t: Awaited<ReturnType<typeof openTestApp>>;
let tmp: string;
const LAYER = 'eco_redline';
let own: GeoJSON.FeatureCollection;
const P = `dx${Date.now().toString(36)}`;
let applicant: Session;
let ownProject: number;
let othersProject: number;

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function download(url: string, agent = request(t.app)): Promise<{ file: string; res: request.Response }> {
  const res = await (agent as ReturnType<typeof request>).get(url).buffer(true).parse(binary as never);
  expect(res.status, `${url}: ${res.status} ${String(res.body).slice(0, 300)}`).toBe(200);
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}-${/filename="?([^";]+)/.exec(res.headers['content-disposition'] ?? '')?.[1] ?? 'x'}`.replace(/\?/g, '_'));
  fs.writeFileSync(file, res.body as Buffer);
  return { file, res };
}

async function asGeoJson(src: string, extra: string[] = []): Promise<GeoJSON.FeatureCollection> {
  const out = path.join(tmp, `${Math.random().toString(36).slice(2)}.geojson`);
  await run('ogr2ogr', ['-f', 'GeoJSON', ...extra, out, src], { timeout: 60_000 });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

function expectSameFeatures(got: GeoJSON.FeatureCollection) {
  expect(got.features.length).toBe(own.features.length);
  const byId = new Map(own.features.map((f) => [String(f.id), f]));
  for (const f of got.features) {
    const mine = byId.get(String(f.properties!.featureId));
    expect(mine, `feature ${f.properties!.featureId}`).toBeDefined();
    expect(f.properties!.name).toBe(mine!.properties!.name);
    const a = area(f);
    const b = area(mine!);
    expect(Math.abs(a - b) / b).toBeLessThan(1e-4);
  }
}

beforeAll(async () => {
  t = await openTestApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dataset-export-'));
  own = (await request(t.app).get(`/api/layers/${LAYER}/features`).expect(200)).body;
  await makeUser(t.db.pool, `${P}_a`, 'applicant');
  await makeUser(t.db.pool, `${P}_b`, 'applicant');
  applicant = await login(t.app, `${P}_a`);
  const other = await login(t.app, `${P}_b`);
  const draft = (name: string) => parseNewProject({ name, geometry: square(106.6, 26.5, 0.01), project: { type: 'commercial' } });
  ownProject = (await createProject(t.db.pool, applicant.user as AuthUser, draft(`${P} 花溪水厂扩建`))).id;
  othersProject = (await createProject(t.db.pool, other.user as AuthUser, draft(`${P} 别人的项目`))).id;
});

afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('layer downloads', () => {
  it('GeoPackage in EPSG:4490 opens in GDAL: count, Chinese names, areas within 0.01 %, version and 示意 in metadata', async () => {
    const { file, res } = await download(`/api/layers/${LAYER}/export?format=gpkg`);
    expect(res.headers['content-type']).toMatch(/geopackage/);
    const info = (await run('ogrinfo', ['-ro', '-so', file, LAYER])).stdout;
    expect(info).toContain('ID["EPSG",4490]');
    expect(info).toContain('Feature Count: 38');
    expect(info).toMatch(/layerVersion=1/);
    expect(info).toMatch(/illustrative=true/);
    expect(info).toContain('示意数据，非法定成果');
    const got = await asGeoJson(file);
    expectSameFeatures(got);
    expect(got.features.every((f) => f.properties!.layerVersion === 1 && f.properties!.illustrative === true)).toBe(true);
  });

  it('GeoPackage in a Gauss-Krüger zone (36, prefixed → EPSG:4524) round-trips through PROJ within 0.01 %', async () => {
    const { file } = await download(`/api/layers/${LAYER}/export?format=gpkg&zone=36`);
    const info = (await run('ogrinfo', ['-ro', '-so', file, LAYER])).stdout;
    expect(info).toContain('ID["EPSG",4524]');
    expect(info).toMatch(/Extent: \(36\d{6}\.\d+, 2\d{6}\.\d+\)/);
    expectSameFeatures(await asGeoJson(file, ['-t_srs', 'EPSG:4490']));
  });

  it.each(['gbk', 'utf-8'])('Shapefile with a %s .dbf and its .cpg, read back by GDAL with the names intact', async (encoding) => {
    const { file } = await download(`/api/layers/${LAYER}/export?format=shp&encoding=${encoding}`);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const names = Object.keys(zip.files);
    expect(names).toEqual(expect.arrayContaining([`${LAYER}.shp`, `${LAYER}.shx`, `${LAYER}.dbf`, `${LAYER}.prj`, `${LAYER}.cpg`]));
    expect(await zip.file(`${LAYER}.cpg`)!.async('string')).toBe(encoding === 'gbk' ? 'GBK' : 'UTF-8');
    expectSameFeatures(await asGeoJson(`/vsizip/${file}/${LAYER}.shp`));
  });

  it('GeoJSON and CSV: every feature; CSV carries WKT GDAL reads', async () => {
    const { file: gj } = await download(`/api/layers/${LAYER}/export?format=geojson`);
    const body = JSON.parse(fs.readFileSync(gj, 'utf8'));
    expect(body.metadata.layerVersion).toBe('1');
    expectSameFeatures(await asGeoJson(gj));
    const { file: csv } = await download(`/api/layers/${LAYER}/export?format=csv`);
    const csvFile = `${csv}.csv`;
    fs.renameSync(csv, csvFile);
    expectSameFeatures(await asGeoJson(csvFile, ['-oo', 'GEOM_POSSIBLE_NAMES=wkt', '-oo', 'KEEP_GEOM_COLUMNS=NO', '-a_srs', 'EPSG:4326']));
  });

  it('a given version, and bilingual 4xx for a wrong version, format or zone', async () => {
    await download(`/api/layers/${LAYER}/export?format=gpkg&version=1`);
    expect((await request(t.app).get(`/api/layers/${LAYER}/export?format=gpkg&version=99`).expect(404)).body.error.code).toBe('UNKNOWN_LAYER_VERSION');
    // Past PostgreSQL's integer: a 400 before any SQL (it was a 500, "out of range for type integer").
    expect((await request(t.app).get(`/api/layers/${LAYER}/export?format=gpkg&version=999999999999`).expect(400)).body.error.code).toBe('INVALID_INPUT');
    expect((await request(t.app).get(`/api/layers/${LAYER}/export?format=dwg`).expect(400)).body.error.message.zh).toBeTruthy();
    expect((await request(t.app).get(`/api/layers/${LAYER}/export?format=gpkg&zone=50`).expect(400)).body.error.code).toBe('INVALID_INPUT');
    expect((await request(t.app).get(`/api/layers/${LAYER}/export?format=geojson&zone=36`).expect(400)).body.error.code).toBe('GEOJSON_IS_LONLAT');
    await request(t.app).get('/api/layers/nope/export?format=gpkg').expect(404);
  });
});

describe('layer download budget', () => {
  it('a layer download counts against the export rate limit: 429 with Retry-After', async () => {
    const { createApp } = await import('../../../server/app.ts');
    const { createLogger } = await import('../../../server/http/logger.ts');
    const limited = createApp({
      config: { ...t.config, rateLimits: { ...t.config.rateLimits, export: { windowMs: 60_000, limit: 1 } } },
      db: t.db,
      log: createLogger('silent'),
    });
    await request(limited).get('/api/layers/nope/export?format=gpkg').expect(404);
    const res = await request(limited).get(`/api/layers/${LAYER}/export?format=gpkg`).expect(429);
    expect(res.headers['retry-after']).toBeTruthy();
    expect(res.body.error.message.zh).toBeTruthy();
  });
});

describe('register downloads', () => {
  it('needs a login; an applicant gets their own projects only, as GeoPackage and Shapefile', async () => {
    await request(t.app).get('/api/projects.gpkg').expect(401);
    const { file } = await download('/api/projects.gpkg', applicant.agent as never);
    const got = await asGeoJson(file);
    const ids = got.features.map((f) => f.properties!.projectId);
    expect(ids).toContain(ownProject);
    expect(ids).not.toContain(othersProject);
    expect(got.features.find((f) => f.properties!.projectId === ownProject)!.properties!.name).toBe(`${P} 花溪水厂扩建`);
    const { file: shp } = await download('/api/projects.shp?encoding=gbk&zone=36&prefix=0', applicant.agent as never);
    const zip = await JSZip.loadAsync(fs.readFileSync(shp));
    expect(await zip.file('project_register.cpg')!.async('string')).toBe('GBK');
    const back = await asGeoJson(`/vsizip/${shp}/project_register.shp`, ['-t_srs', 'EPSG:4490']);
    const mine = back.features.find((f) => f.properties!.projectId === ownProject)!;
    expect(mine.properties!.name).toBe(`${P} 花溪水厂扩建`);
    const expected = area({ type: 'Feature', properties: {}, geometry: square(106.6, 26.5, 0.01) });
    expect(Math.abs(area(mine) - expected) / expected).toBeLessThan(1e-4);
  });
});
