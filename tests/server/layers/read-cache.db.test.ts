import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import request from 'supertest';
import { createApp } from '../../../server/app.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { openTestApp } from '../../support/test-app.ts';
import { loadTestLayer, removeTestLayers } from '../../support/test-layers.ts';
import { login, makeUser } from '../auth/accounts.ts';

/**
 * What the map reads and what does not change between layer versions (issue 17) is answered from
 * memory, keyed by the stamp of the published layer set: an ETag and a 304, a new answer the
 * moment a publish commits, and no wait behind a check holding the embedded database's one connection.
 */
let t: Awaited<ReturnType<typeof openTestApp>>;
const LAYER = 'zz_read_cache';
const NAME = '读缓存测试湖';
beforeAll(async () => {
  t = await openTestApp();
  await removeTestLayers(t.db.pool, [LAYER]);
});
afterAll(async () => {
  await removeTestLayers(t.db.pool, [LAYER]);
  await t.close();
});

const search = (q: string) => request(t.app).get(`/api/search?q=${encodeURIComponent(q)}`);
const lake = (lon: number) => [{ id: 'lake', name: NAME, geometry: { type: 'Polygon' as const, coordinates: [[[lon, 30], [lon + 0.01, 30], [lon + 0.01, 30.01], [lon, 30.01], [lon, 30]]] } }];

describe('map reads from memory', () => {
  for (const path of ['/api/layers', '/api/layers/water_source', `/api/search?q=${encodeURIComponent('花溪')}`, '/api/rules', '/api/project-types', '/api/rules.csv']) {
    it(`${path}: a strong ETag, and 304 when the client holds it`, async () => {
      const first = await request(t.app).get(path);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
      const again = await request(t.app).get(path).set('If-None-Match', first.headers.etag);
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      expect((await request(t.app).get(path).set('If-None-Match', '"something-else"')).status).toBe(200);
    });
  }

  it('sends the catalog compressed from the bytes it keeps, and the same JSON as without compression', async () => {
    const gz = await request(t.app).get('/api/layers').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const br = await request(t.app).get('/api/layers').set('Accept-Encoding', 'br');
    expect(br.headers['content-encoding']).toBe('br');
    const plain = await request(t.app).get('/api/layers').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.body).toEqual(plain.body);
    expect(br.body).toEqual(plain.body);
  });

  it('answers features and TileJSON with the layer the catalog holds: no ST_Extent over the layer per request', async () => {
    expect((await request(t.app).get('/api/layers')).status).toBe(200); // the catalog is in memory
    const spy = vi.spyOn(t.db.pool, 'query');
    try {
      const features = await request(t.app).get('/api/layers/water_source/features');
      expect(features.status).toBe(200);
      expect(features.body.features.length).toBeGreaterThan(0);
      const tileJson = await request(t.app).get('/tiles/water_source.json');
      expect(tileJson.status).toBe(200);
      expect(tileJson.body.bounds).toHaveLength(4);
      const sql = spy.mock.calls.map((c) => String(typeof c[0] === 'string' ? c[0] : (c[0] as { text?: string }).text));
      expect(sql.filter((q) => /ST_Extent/i.test(q))).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('answers anew the moment a layer is published, restored to another version or retired: catalog, one layer and search, with new ETags', async () => {
    const before = await request(t.app).get('/api/layers');
    expect(before.body.map((l: { id: string }) => l.id)).not.toContain(LAYER);
    expect((await search(NAME)).body.results).toEqual([]);

    // Published (version 1): in the catalog and found by name at once, under a new ETag.
    await loadTestLayer(t.db.pool, LAYER, 'reference', lake(100));
    const published = await request(t.app).get('/api/layers').set('If-None-Match', before.headers.etag);
    expect(published.status).toBe(200);
    expect(published.headers.etag).not.toBe(before.headers.etag);
    expect(published.body.find((l: { id: string }) => l.id === LAYER)).toMatchObject({ version: 1, featureCount: 1 });
    const found = await search(NAME);
    expect(found.body.results).toHaveLength(1);
    expect(found.body.results[0]).toMatchObject({ name: NAME, layerId: LAYER, layerVersion: 1 });
    // The bbox comes from PostGIS: the square drawn at 100 E.
    expect(found.body.results[0].bbox).toEqual([100, 30, 100.01, 30.01]);

    // A second version moves the lake: catalog, one layer and search follow.
    await loadTestLayer(t.db.pool, LAYER, 'reference', lake(101));
    expect((await request(t.app).get(`/api/layers/${LAYER}`)).body.version).toBe(2);
    expect((await search(NAME)).body.results[0]).toMatchObject({ layerVersion: 2, bbox: [101, 30, 101.01, 30.01] });
    // Back to version 1 by hand (what a restore does to the catalog): the trigger announces it too.
    await t.db.pool.query('UPDATE layers SET current_version = 1 WHERE id = $1', [LAYER]);
    expect((await search(NAME)).body.results[0]).toMatchObject({ layerVersion: 1, bbox: [100, 30, 100.01, 30.01] });

    // Retired: gone from the catalog.
    const listed = await request(t.app).get('/api/layers');
    await t.db.pool.query('UPDATE layers SET retired = true WHERE id = $1', [LAYER]);
    const retired = await request(t.app).get('/api/layers').set('If-None-Match', listed.headers.etag);
    expect(retired.status).toBe(200);
    expect(retired.body.map((l: { id: string }) => l.id)).not.toContain(LAYER);
  });

  it.runIf(inject('databaseMode') === 'embedded')('answers the catalog, a layer, search and the rules while a check holds the one connection', async () => {
    const q = `/api/search?q=${encodeURIComponent('花溪水库')}`;
    const paths = ['/api/layers', '/api/layers/water_source', q, '/api/rules'];
    for (const path of paths) expect((await request(t.app).get(path)).status).toBe(200); // warm
    const held = await t.db.pool.connect(); // what a long check does to the pool of one
    try {
      const within = (ms: number) => new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), ms));
      for (const path of paths) {
        const res = await Promise.race([request(t.app).get(path).then((r) => r), within(3_000)]);
        expect(res === 'waited' ? `${path}: waited for the connection` : `${path}: ${res.status}`).toBe(`${path}: 200`);
      }
      // Meanwhile anything that needs the database waits for the check.
      expect(await Promise.race([request(t.app).get('/api/health').then((r) => r.status), within(500)])).toBe('waited');
    } finally {
      held.release();
    }
  });

  it('keeps its answers when layers are rewritten with the same values (as every start does)', async () => {
    const stamp = async () => Number((await t.db.pool.query<{ stamp: string }>('SELECT stamp FROM layer_stamp')).rows[0].stamp);
    const etag = (await request(t.app).get('/api/layers')).headers.etag;
    const before = await stamp();
    // The reference-layer upsert at start and the tile-geometry flag rewrite rows without changing what the map shows.
    await t.db.pool.query('UPDATE layers SET name_zh = name_zh, levels = levels');
    await t.db.pool.query('UPDATE layer_versions SET tile_geoms_built = tile_geoms_built');
    expect(await stamp()).toBe(before);
    expect((await request(t.app).get('/api/layers')).headers.etag).toBe(etag);
    // A real change still moves it.
    await t.db.pool.query(`UPDATE layers SET legend_order = legend_order + 1 WHERE id = 'water_source'`);
    await t.db.pool.query(`UPDATE layers SET legend_order = legend_order - 1 WHERE id = 'water_source'`);
    expect(await stamp()).toBe(before + 2);
  });

  it('keeps a closed map’s catalog and search out of shared caches (private, Vary: Cookie)', async () => {
    const closed = createApp({ config: { ...t.config, publicMap: false }, db: t.db, log: createLogger('silent') });
    const user = `rc${Date.now().toString(36)}`;
    await makeUser(t.db.pool, user, 'applicant');
    const session = await login(closed, user);
    for (const path of ['/api/layers', `/api/search?q=${encodeURIComponent('花溪')}`, '/api/rules']) {
      const res = await session.get(path);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toMatch(/^private\b/);
      expect(res.headers.vary).toMatch(/Cookie/);
      expect(res.headers.etag).toBeTruthy();
    }
  });
});
