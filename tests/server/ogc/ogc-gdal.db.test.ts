import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from '../../support/test-app.ts';

/**
 * The OGC API – Features service read the way QGIS reads it: through GDAL's OAPIF driver (ogrinfo,
 * ogr2ogr), against the real app on a port. Oracles come from outside the code under test: the
 * layer's own GeoJSON from /api/layers/:id/features filtered by ogr2ogr -spat (GDAL + GEOS), and
 * PROJ's cs2cs for the Gauss-Krüger coordinates.
 */
const run = promisify(execFile);
let t: Awaited<ReturnType<typeof openTestApp>>;
let server: http.Server;
let base: string;
let tmp: string;
const itemRequests: string[] = [];

const LAYER = 'eco_redline';
// Over 花溪区: holds 6 red-line polygons by envelope but only 5 by geometry (GDAL's answer).
const BBOX: [number, number, number, number] = [106.55, 26.45, 106.63, 26.53];

const idOf = (f: GeoJSON.Feature) => String(f.id ?? f.properties?.id);
const ids = (fc: GeoJSON.FeatureCollection) => fc.features.map(idOf).sort();

async function ogr2ogrJson(args: string[]): Promise<GeoJSON.FeatureCollection> {
  const out = path.join(tmp, `out-${Math.random().toString(36).slice(2)}.geojson`);
  await run('ogr2ogr', ['-f', 'GeoJSON', out, ...args], { timeout: 120_000 });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

beforeAll(async () => {
  t = await openTestApp();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ogc-gdal-'));
  // An outer app records the item requests GDAL makes (proof of paging), then hands over.
  const outer = express();
  outer.use((req, _res, next) => {
    if (req.path.endsWith('/items')) itemRequests.push(req.originalUrl);
    next();
  });
  outer.use(t.app);
  server = outer.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('GDAL OAPIF reads the service', () => {
  it('ogrinfo lists every layer of the catalog', async () => {
    const catalog = (await request(t.app).get('/api/layers').expect(200)).body as { id: string }[];
    const { stdout } = await run('ogrinfo', ['-ro', '-q', `OAPIF:${base}/ogc`], { timeout: 120_000 });
    const listed = [...stdout.matchAll(/^\d+: (\S+)/gm)].map((m) => m[1]).sort();
    expect(catalog.length).toBeGreaterThan(10);
    expect(listed).toEqual(catalog.map((l) => l.id).sort());
  });

  it('ogr2ogr pages through a layer (PAGE_SIZE=7) and gets every feature with the same geometry', async () => {
    const own = (await request(t.app).get(`/api/layers/${LAYER}/features`).expect(200)).body as GeoJSON.FeatureCollection;
    itemRequests.length = 0;
    const got = await ogr2ogrJson([`OAPIF:${base}/ogc`, LAYER, '-oo', 'PAGE_SIZE=7']);
    expect(own.features.length).toBeGreaterThan(30);
    expect(ids(got)).toEqual(ids(own));
    // 38 features in pages of 7: at least 6 item requests, each asking for 7.
    const paged = itemRequests.filter((u) => /limit=7\b/.test(u));
    expect(paged.length).toBeGreaterThanOrEqual(Math.ceil(own.features.length / 7));
    const byId = new Map(own.features.map((f) => [idOf(f), f]));
    for (const f of got.features) {
      const mine = byId.get(idOf(f))!;
      expect(f.properties?.name).toBe(mine.properties?.name);
      const a = JSON.stringify(f.geometry).match(/-?\d+\.\d+/g)!.map(Number);
      const b = JSON.stringify(mine.geometry).match(/-?\d+\.\d+/g)!.map(Number);
      expect(a.length).toBe(b.length);
      expect(Math.max(...a.map((v, i) => Math.abs(v - b[i])))).toBeLessThan(1e-9);
    }
  });

  it('a -spat bbox returns exactly the features whose geometry meets it (oracle: ogr2ogr -spat on the layer GeoJSON)', async () => {
    const own = (await request(t.app).get(`/api/layers/${LAYER}/features`).expect(200)).body;
    const ownFile = path.join(tmp, 'own.geojson');
    fs.writeFileSync(ownFile, JSON.stringify(own));
    const oracle = ids(await ogr2ogrJson([ownFile, '-spat', ...BBOX.map(String)]));
    expect(oracle.length).toBeGreaterThanOrEqual(3);
    expect(oracle.length).toBeLessThan(own.features.length);

    const viaGdal = await ogr2ogrJson([`OAPIF:${base}/ogc`, LAYER, '-spat', ...BBOX.map(String)]);
    expect(ids(viaGdal)).toEqual(oracle);
    // The server's own answer, without GDAL's client-side filter: exact too, not by envelope.
    const direct = await request(t.app).get(`/ogc/collections/${LAYER}/items?bbox=${BBOX.join(',')}&limit=1000`).expect(200);
    expect(ids(direct.body)).toEqual(oracle);
    expect(direct.body.numberMatched).toBe(oracle.length);
    // The same box given in EPSG:4490 is latitude first.
    const latFirst = [BBOX[1], BBOX[0], BBOX[3], BBOX[2]].join(',');
    const in4490 = await request(t.app)
      .get(`/ogc/collections/${LAYER}/items?bbox=${latFirst}&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4490&limit=1000`)
      .expect(200);
    expect(ids(in4490.body)).toEqual(oracle);
  });

  it('bbox-crs EPSG:4545 takes the box northing first and filters in that CRS (oracle: GDAL on the layer reprojected)', async () => {
    const own = (await request(t.app).get(`/api/layers/${LAYER}/features`).expect(200)).body;
    const ownFile = path.join(tmp, 'own4326.geojson');
    fs.writeFileSync(ownFile, JSON.stringify(own));
    const projected = path.join(tmp, 'own4545.geojson');
    await run('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4545', projected, ownFile]);
    const [minE, minN, maxE, maxN] = [355_000, 2_928_000, 368_000, 2_938_000];
    const oracle = ids(await ogr2ogrJson([projected, '-spat', String(minE), String(minN), String(maxE), String(maxN)]));
    expect(oracle.length).toBeGreaterThan(0);
    const res = await request(t.app)
      .get(`/ogc/collections/${LAYER}/items?bbox=${[minN, minE, maxN, maxE].join(',')}&bbox-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4545')}&limit=1000`)
      .expect(200);
    expect(ids(res.body)).toEqual(oracle);
  });
});

describe('CRS by reference (Part 2)', () => {
  /** [lon, lat] pairs → cs2cs EPSG:4490 → target, in EPSG axis order of both (lat lon in, target's order out). */
  async function cs2cs(target: number, lonLat: number[][]): Promise<number[][]> {
    const child = execFile('cs2cs', ['-f', '%.4f', 'EPSG:4490', `EPSG:${target}`]);
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stdin!.end(lonLat.map(([lon, lat]) => `${lat} ${lon}`).join('\n') + '\n');
    await new Promise((r) => child.once('close', r));
    return out.trim().split('\n').map((l) => l.split(/\s+/).slice(0, 2).map(Number));
  }

  const positions = (g: GeoJSON.Geometry): number[][] => JSON.stringify(g).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g)!.map((p) => p.split(',').map(Number));

  it.each([
    [4545, 2_900_000, 300_000],
    [4524, 2_900_000, 36_300_000],
  ])('crs=EPSG:%i: northing first, within 0.05 m of PROJ, Content-Crs', async (epsg, minNorthing, minEasting) => {
    const uri = `http://www.opengis.net/def/crs/EPSG/0/${epsg}`;
    const lonLat = (await request(t.app).get(`/ogc/collections/${LAYER}/items?limit=3`).expect(200)).body as GeoJSON.FeatureCollection;
    const res = await request(t.app).get(`/ogc/collections/${LAYER}/items?limit=3&crs=${encodeURIComponent(uri)}`).expect(200);
    expect(res.headers['content-crs']).toBe(`<${uri}>`);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    for (let i = 0; i < 3; i++) {
      const src = positions(lonLat.features[i].geometry);
      const got = positions(res.body.features[i].geometry);
      const expected = await cs2cs(epsg, src);
      expect(got.length).toBe(expected.length);
      for (let k = 0; k < got.length; k++) {
        expect(got[k][0]).toBeGreaterThan(minNorthing); // northing first
        expect(got[k][1]).toBeGreaterThan(minEasting);
        expect(Math.hypot(got[k][0] - expected[k][0], got[k][1] - expected[k][1])).toBeLessThan(0.05);
      }
    }
  });

  it('crs=EPSG:4490 is latitude, longitude; a single item honours crs too', async () => {
    const plain = (await request(t.app).get(`/ogc/collections/${LAYER}/items?limit=1`).expect(200)).body.features[0];
    expect(plain.id).toBeTruthy();
    const uri = 'http://www.opengis.net/def/crs/EPSG/0/4490';
    const one = await request(t.app).get(`/ogc/collections/${LAYER}/items/${encodeURIComponent(plain.id)}?crs=${encodeURIComponent(uri)}`).expect(200);
    expect(one.headers['content-crs']).toBe(`<${uri}>`);
    const [lat, lon] = positions(one.body.geometry)[0];
    const [lon0, lat0] = positions(plain.geometry)[0];
    expect(lat).toBeCloseTo(lat0, 7);
    expect(lon).toBeCloseTo(lon0, 7);
    expect(lat).toBeLessThan(30);
    expect(lon).toBeGreaterThan(100);
  });

  it('each collection lists CRS84, EPSG:4490 and the GK zones over its extent', async () => {
    const c = (await request(t.app).get(`/ogc/collections/${LAYER}`).expect(200)).body;
    // 花溪区 (≈106.46–106.88 E) straddles 3° zones 35 (CM 105) and 36 (CM 108): 4544/4523 and 4545/4524.
    expect(c.crs).toEqual([
      'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
      'http://www.opengis.net/def/crs/EPSG/0/4490',
      'http://www.opengis.net/def/crs/EPSG/0/4544',
      'http://www.opengis.net/def/crs/EPSG/0/4523',
      'http://www.opengis.net/def/crs/EPSG/0/4545',
      'http://www.opengis.net/def/crs/EPSG/0/4524',
    ]);
    const conf = (await request(t.app).get('/ogc/conformance').expect(200)).body.conformsTo;
    expect(conf).toContain('http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs');
  });
});

describe('paging and limits', () => {
  it('next links walk every feature; numberMatched/numberReturned agree', async () => {
    const seen: string[] = [];
    let url: string | undefined = `/ogc/collections/${LAYER}/items?limit=10`;
    let pages = 0;
    while (url && pages < 20) {
      const res: request.Response = await request(t.app).get(url).expect(200);
      expect(res.body.numberReturned).toBe(res.body.features.length);
      seen.push(...ids(res.body));
      const next: { href: string } | undefined = (res.body.links as { rel: string; href: string }[]).find((l) => l.rel === 'next');
      url = next ? new URL(next.href).pathname + new URL(next.href).search : undefined;
      pages++;
    }
    const own = (await request(t.app).get(`/api/layers/${LAYER}/features`).expect(200)).body;
    expect(seen.sort()).toEqual(ids(own));
    expect(pages).toBe(Math.ceil(own.features.length / 10));
  });

  it.each([
    ['limit=10001', 'INVALID_INPUT'],
    ['limit=0', 'INVALID_INPUT'],
    ['offset=-1', 'INVALID_INPUT'],
    ['bbox=1,2,3', 'BAD_BBOX'],
    ['bbox=106.6,26.5,106.5,26.6', 'BAD_BBOX'],
    ['bbox=26.4,106.5,26.5,106.6', 'BAD_BBOX'], // lat/lon swapped for CRS84: latitude out of range
    ['crs=http://www.opengis.net/def/crs/EPSG/0/3857', 'UNSUPPORTED_CRS'],
    ['crs=http://www.opengis.net/def/crs/EPSG/0/4549', 'UNSUPPORTED_CRS'], // a GK zone (CM 120) far from the layer
    ['bbox-crs=nonsense&bbox=1,2,3,4', 'UNSUPPORTED_CRS'],
  ])('%s → 400 %s', async (query, code) => {
    const res = await request(t.app).get(`/ogc/collections/${LAYER}/items?${query}`).expect(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.zh).toBeTruthy();
    expect(res.body.error.message.en).toBeTruthy();
  });

  it('unknown collection and feature are 404s', async () => {
    expect((await request(t.app).get('/ogc/collections/nope/items').expect(404)).body.error.code).toBe('UNKNOWN_COLLECTION');
    expect((await request(t.app).get(`/ogc/collections/${LAYER}/items/nope`).expect(404)).body.error.code).toBe('UNKNOWN_FEATURE');
  });
});
