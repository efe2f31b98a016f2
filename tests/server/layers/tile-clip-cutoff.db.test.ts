import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import request from 'supertest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { openTestApp } from '../../support/test-app.ts';
import { loadTestLayer, removeTestLayers } from '../../support/test-layers.ts';

/**
 * Issue 17: the embedded tiles bench at province scale stopped on red-line tile 10/819/438. Its
 * feature 12 (tests/fixtures/tiles/clip-cutoff.json: the bench polygon, lon/lat as loaded) reaches
 * into the tile's buffer, and GEOS's rectangle clip (ST_ClipByBox2D) fails on its z10 geometry:
 * PGlite (GEOS 3.14, WASM) loses the error and cuts the statement off (no rows, a PortalSuspended
 * that put `pg` out of step); PostgreSQL (PostGIS 3.3.2, GEOS 3.11.1) returns NULL, and the
 * feature was silently missing from the tile. The tile must come out with the feature on either
 * database; and the embedded database's answer to the failing call is an error of its own (58000),
 * after which the connection is still in step.
 */
const LAYER = 'test_clip_cutoff';
const TILE = { z: 10, x: 819, y: 438 };
const polygon = JSON.parse(fs.readFileSync(new URL('../../fixtures/tiles/clip-cutoff.json', import.meta.url), 'utf8')) as GeoJSON.Polygon;

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
  await removeTestLayers(t.db.pool, [LAYER]);
  await loadTestLayer(t.db.pool, LAYER, 'eco_redline', [{ id: 'f12', name: 'feature 12', level: 'core', geometry: polygon }], ['core']);
});
afterAll(async () => {
  await removeTestLayers(t.db.pool, [LAYER]);
  await t.close();
});

describe('a polygon whose rectangle clip PGlite cuts off', () => {
  it('is in its tile (the tile is served, not an error)', async () => {
    const res = await request(t.app).get(`/tiles/${LAYER}/${TILE.z}/${TILE.x}/${TILE.y}.mvt`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const layer = new VectorTile(new PbfReader(new Uint8Array(res.body as Buffer))).layers[LAYER];
    expect(layer?.length).toBe(1);
    expect(layer.feature(0).properties.key).toBe('f12');
    // Clipped, not shipped whole: the polygon only reaches into the tile's 64-unit buffer (its
    // source spans ~14 km south of the tile), and so must every vertex.
    const points = layer.feature(0).loadGeometry().flat();
    expect(points.length).toBeGreaterThan(3);
    expect(points.every((p) => p.x >= -65 && p.x <= 4161 && p.y >= -65 && p.y <= 4161)).toBe(true);
  });

  it.skipIf(inject('databaseMode') !== 'embedded')('fails as a statement of its own on the embedded database, and the connection stays in step', async () => {
    const clip = `SELECT ST_NPoints(ST_ClipByBox2D(t.geom, ST_Expand(e, (ST_XMax(e) - ST_XMin(e)) * 64 / 4096)))
                    FROM feature_tile_geoms t, ST_TileEnvelope($2, $3, $4) e WHERE t.layer_id = $1 AND t.zoom = 10`;
    for (let i = 0; i < 2; i++) {
      await expect(t.db.pool.query(clip, [LAYER, TILE.z, TILE.x, TILE.y])).rejects.toMatchObject({ code: '58000' });
      expect((await t.db.pool.query('SELECT $1::int + 1 AS n', [41])).rows).toEqual([{ n: 42 }]);
    }
  });
});
