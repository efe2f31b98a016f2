import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { VectorTile, VectorTileFeature } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { createApp } from '../../../server/app.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { openTestApp } from '../../support/test-app.ts';

let t: Awaited<ReturnType<typeof openTestApp>>;
/**
 * Against a real PostGIS (test:pg) tiles come from ST_AsMVT; on the embedded PGlite build (no
 * protobuf-c) the same ST_AsMVTGeom geometry is encoded in Node. Both must decode alike.
 */
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

/** The XYZ tile holding a point (Web Mercator, as MapLibre requests them). */
function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

const getTile = (layer: string, z: number | string, x: number | string, y: number | string) =>
  request(t.app).get(`/tiles/${layer}/${z}/${x}/${y}.mvt`).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

const decode = (body: Buffer) => new VectorTile(new PbfReader(new Uint8Array(body)));

describe('vector tiles (/tiles)', () => {
  it('describes a layer as TileJSON 3 with versioned tile URLs and its source-layer', async () => {
    const res = await request(t.app).get('/tiles/water_source.json');
    expect(res.status).toBe(200);
    expect(res.body.tilejson).toBe('3.0.0');
    expect(res.body.tiles[0]).toMatch(/^\/tiles\/water_source\/\{z\}\/\{x\}\/\{y\}\.mvt\?v=\d+$/);
    expect(res.body.vector_layers[0].id).toBe('water_source');
    const [w, s, e, n] = res.body.bounds;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
  });

  it('never builds TileJSON URLs from the Host header (issue 11: a forged Host poisons cached TileJSON)', async () => {
    const forged = await request(t.app).get('/tiles/water_source.json').set('Host', 'evil.example').set('X-Forwarded-Host', 'evil.example');
    expect(forged.status).toBe(200);
    expect(JSON.stringify(forged.body.tiles)).not.toContain('evil.example');
    expect(forged.body.tiles[0]).toMatch(/^\/tiles\/water_source\//);
    // With PUBLIC_URL the URLs are absolute on that origin, whatever the request says.
    const app = createApp({ config: { ...t.config, publicUrl: 'https://redline.bureau.example' }, db: t.db, log: createLogger('silent') });
    const configured = await request(app).get('/tiles/water_source.json').set('Host', 'evil.example');
    expect(configured.body.tiles[0]).toMatch(/^https:\/\/redline\.bureau\.example\/tiles\/water_source\/\{z\}/);
  });

  it('serves a valid MVT over 花溪水库 whose features carry key, name, level and version', async () => {
    const { z, x, y } = tileOf(106.655, 26.445, 12);
    const res = await getTile('water_source', z, x, y);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    // Without ?v= the current version, revalidated by ETag; the versioned URL TileJSON gives is
    // immutable (tile-geometry.db.test.ts).
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    const tile = decode(res.body);
    const layer = tile.layers.water_source;
    expect(layer).toBeDefined();
    expect(layer.extent).toBe(4096);
    expect(layer.length).toBeGreaterThan(0);
    const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
    for (const f of features) {
      expect(VectorTileFeature.types[f.type]).toBe('Polygon');
      expect(f.properties).toMatchObject({ key: expect.any(String), name: expect.any(String), version: expect.any(Number) });
    }
    const grade1 = features.find((f) => f.properties.level === 'grade1' && String(f.properties.name).includes('花溪水库'));
    expect(grade1).toBeDefined();
    // Decoded back to lon/lat, the zone lies in the tile.
    const geo = grade1!.toGeoJSON(x, y, z);
    expect(['Polygon', 'MultiPolygon']).toContain(geo.geometry.type);
    // …and where the features API puts it: the decoded ring's bbox lies within the feature's bbox
    // (clipped to the tile with its buffer), to within a tile pixel (≈ 10 m at z12 / 4096).
    const zone: { geometry: GeoJSON.Polygon } = (await request(t.app).get('/api/layers/water_source/features')).body.features.find((f: { id: string }) => f.id === grade1!.properties.key);
    const lonLats = (JSON.stringify(zone.geometry.coordinates).match(/-?\d+\.\d+/g) ?? []).map(Number);
    const lons = lonLats.filter((_, i) => i % 2 === 0);
    const decoded = (JSON.stringify((geo.geometry as GeoJSON.Polygon).coordinates).match(/-?\d+\.\d+/g) ?? []).map(Number).filter((_, i) => i % 2 === 0);
    expect(Math.min(...decoded)).toBeGreaterThanOrEqual(Math.min(...lons) - 0.001);
    expect(Math.max(...decoded)).toBeLessThanOrEqual(Math.max(...lons) + 0.001);
  });

  it('serves lines as lines (rivers)', async () => {
    const { z, x, y } = tileOf(106.67, 26.42, 11);
    const tile = decode((await getTile('river', z, x, y)).body);
    const layer = tile.layers.river;
    expect(layer.length).toBeGreaterThan(0);
    expect(VectorTileFeature.types[layer.feature(0).type]).toBe('LineString');
  });

  // Simplified for zooms 6–11, the shipped polygons' rings crossed (阴洞河准保护区 at z8, 47
  // vertices); GEOS's clip failed on them and these tiles answered 503 on every request.
  it('serves the zoomed-out tiles whose simplified polygons crossed their own rings', async () => {
    const cases = [
      { layer: 'water_source', z: 8, x: 204, y: 108, key: 'water_source-阴洞河-quasi' },
      { layer: 'control_unit', z: 8, x: 204, y: 108, key: 'control_unit-ZH52011110012' },
      { layer: 'control_unit', z: 9, x: 407, y: 216, key: 'control_unit-ZH52011110008' },
    ];
    for (const c of cases) {
      const res = await getTile(c.layer, c.z, c.x, c.y);
      expect(res.status, `${c.layer}/${c.z}/${c.x}/${c.y}`).toBe(200);
      const layer = decode(res.body).layers[c.layer];
      const keys = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties.key);
      expect(keys).toContain(c.key);
    }
  });

  it('keeps every simplified polygon valid by PostGIS (ST_IsValid)', async () => {
    const { rows } = await t.db.pool.query<{ invalid: string[] }>(
      `SELECT array_agg(layer_id || '/' || zoom || '/' || feature_key) AS invalid FROM feature_tile_geoms
        WHERE ST_Dimension(geom) = 2 AND NOT ST_IsValid(geom)`,
    );
    expect(rows[0].invalid).toBeNull();
  });

  it('repairs band polygons built before they were made valid (migration 150), as a new build would', async () => {
    const migration = fs.readFileSync(new URL('../../../server/db/migrations/150_tile_geometry_valid.sql', import.meta.url), 'utf8');
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      // A bow tie (two triangles of 1 km² meeting at a point) in place of a z8 band polygon.
      const bowTie = `ST_GeomFromText('POLYGON((0 0, 2000 2000, 2000 0, 0 2000, 0 0))', 3857)`;
      const { rowCount } = await client.query(`UPDATE feature_tile_geoms SET geom = ${bowTie} WHERE layer_id = 'water_source' AND zoom = 8 AND feature_key = 'water_source-阴洞河-quasi'`);
      expect(rowCount).toBe(1);
      await client.query(migration);
      const { rows } = await client.query<{ valid: boolean; area: number }>(
        `SELECT ST_IsValid(geom) AS valid, ST_Area(geom) AS area FROM feature_tile_geoms WHERE layer_id = 'water_source' AND zoom = 8 AND feature_key = 'water_source-阴洞河-quasi'`,
      );
      expect(rows).toEqual([{ valid: true, area: 2_000_000 }]);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('answers an area without features with an empty tile (200, no layers)', async () => {
    const newYork = tileOf(-73.98, 40.75, 12);
    for (const [z, x, y] of [[3, 0, 0], [10, 0, 0], [newYork.z, newYork.x, newYork.y]]) {
      const res = await getTile('water_source', z, x, y);
      expect(res.status).toBe(200);
      expect(Object.keys(decode(res.body).layers)).toEqual([]);
    }
  });

  it('refuses bad tile addresses with a bilingual 400 and unknown layers with a 404', async () => {
    for (const [z, x, y] of [[21, 0, 0], [3, 8, 0], [3, 0, 8], [2, -1, 0], ['a', 0, 0], [1.5, 0, 0]]) {
      const res = await getTile('water_source', z, x, y);
      expect(res.status, `${z}/${x}/${y}`).toBe(400);
      expect(JSON.parse(res.body.toString()).error).toMatchObject({ code: 'BAD_TILE', message: { zh: expect.any(String), en: expect.any(String) } });
    }
    const unknown = await getTile('no_such_layer', 3, 0, 0);
    expect(unknown.status).toBe(404);
    expect((await request(t.app).get('/tiles/no_such_layer.json')).status).toBe(404);
  });
});
