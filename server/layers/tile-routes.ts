import { Router, type Request } from 'express';
import type { Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { notFound } from '../http/errors.ts';
import { readerFor } from '../http/read-routing.ts';
import { tileJsonParams, tileParams } from '../../common/api/layers.ts';
import { catalogCacheOf } from './catalog-cache.ts';
import { layerTile, parseTileAddress, tileJson, type TileLayer } from './tiles.ts';
import { LAYER_ID_PATTERN } from './catalog-entry.ts';
import type { Queryable } from '../db/types.ts';
import { cacheBudgetOf } from './version-cache.ts';
import { cachedAnswer, sendCached, type CachedAnswer } from '../http/cached-answer.ts';

/** Layer versions remembered as built (each a few bytes): a bound against URLs inventing versions. */
const MAX_REMEMBERED_VERSIONS = 10_000;

/** A version named in a tile URL (`?v=`): a positive integer, else none. */
function versionParam(req: Request): number | undefined {
  const v = Number(req.query.v);
  return Number.isInteger(v) && v > 0 && v <= 2_147_483_647 ? v : undefined;
}

/**
 * The layer version a tile request names (else the current one) and whether its tile geometry is
 * built, in one query — not the catalog's getLayer, which computes the layer's extent over all its
 * features. An older version (a page opened before a publish) is served as it was: versions are kept.
 */
async function tileLayerVersion(pool: Queryable, layerId: string, version: number | undefined): Promise<TileLayer> {
  const { rows } = LAYER_ID_PATTERN.test(layerId)
    ? await pool.query<{ current: number | null; version: number | null; built: boolean | null }>(
        `SELECT l.current_version AS current, v.version, v.tile_geoms_built AS built
           FROM layers l LEFT JOIN layer_versions v ON v.layer_id = l.id AND v.version = COALESCE($2::int, l.current_version)
          WHERE l.id = $1`,
        [layerId, version ?? null],
      )
    : { rows: [] };
  if (!rows[0]) throw notFound('UNKNOWN_LAYER', `图层不存在：${layerId}`, `Unknown layer: ${layerId}`);
  if (version !== undefined && rows[0].version === null) throw notFound('UNKNOWN_LAYER_VERSION', `图层 ${layerId} 没有版本 ${version}`, `Layer ${layerId} has no version ${version}`);
  return { id: layerId, version: rows[0].version, tileGeometryBuilt: rows[0].built ?? false };
}

const MVT_TYPE = 'application/vnd.mapbox-vector-tile';
// A URL naming its version is immutable (a new version is a new URL); without one, revalidate.
// On a closed map privateMapCaching turns this into `private, …` (no shared proxy keeps it).
const cachingOf = (immutable: boolean) => (immutable ? 'public, max-age=31536000, immutable' : 'no-cache');

/**
 * GET /tiles/:layerId.json (TileJSON) and GET /tiles/:layerId/:z/:x/:y.mvt. Tile URLs carry the
 * layer version (?v=): such a tile never changes, so it is cached by the browser for a year and in
 * this process (the database's CacheBudget): a hot tile is answered from memory without a database query.
 */
export function tilesRouter(db: Database, options: { publicUrl?: string } = {}): Router {
  const router = Router();
  // Tiles as sendCached answers (ETag, 304), sent uncompressed as before (compress: false).
  const cache = cacheBudgetOf(db).cache<CachedAnswer>((tile) => tile.body.length);
  // TileJSON's layer (version, bounds) from the catalog in memory, not getLayer's ST_Extent per request.
  const catalog = catalogCacheOf(db);
  // A version's row never changes once its tile geometry is built: a miss on a ?v= URL skips the lookup.
  const builtVersions = new Map<string, TileLayer>();
  apiRoute(router, { method: 'get', path: '/tiles/:file', tag: 'tiles', access: 'public', summary: { zh: '图层的 TileJSON（:file = <图层>.json）', en: 'TileJSON of a layer (:file = <layerId>.json)' }, params: tileJsonParams, responses: { 200: { mediaType: 'application/json' } } }, async (req, res, { params }, next) => {
    const match = /^([a-z][a-z0-9_]*)\.json$/.exec(params.file);
    if (!match) return next();
    const layer = await catalog.info(readerFor(db, req, res), match[1]);
    res.setHeader('Cache-Control', 'no-cache');
    // Never from the Host header: a forged Host would put another server in cached TileJSON.
    // PUBLIC_URL when set; else root-relative URLs the client resolves against its own origin.
    res.json(tileJson(layer, options.publicUrl ?? ''));
  });
  apiRoute(router, { method: 'get', path: '/tiles/:layerId/:z/:x/:file', tag: 'tiles', access: 'public', summary: { zh: '矢量瓦片（:file = <y>.mvt；?v=<版本> 的地址不变可长期缓存）', en: 'A vector tile (:file = <y>.mvt; with ?v=<version> the URL is immutable)' }, params: tileParams, responses: { 200: { mediaType: 'application/vnd.mapbox-vector-tile' } } }, async (req, res, { params }, next) => {
    const match = /^(\d+)\.mvt$/.exec(params.file);
    if (!match) return next();
    const address = parseTileAddress(params.z, params.x, match[1]);
    const version = versionParam(req);
    const key = (v: number | null) => `${params.layerId}/${v ?? 0}/${address.z}/${address.x}/${address.y}`;
    if (version !== undefined) {
      const hit = cache.get(key(version));
      if (hit) return sendCached(req, res, hit, cachingOf(true));
    }
    const pool = readerFor(db, req, res);
    const known = version === undefined ? undefined : builtVersions.get(`${params.layerId}/${version}`);
    const served = known ?? (await tileLayerVersion(pool, params.layerId, version));
    if (version !== undefined && !known && served.tileGeometryBuilt) {
      if (builtVersions.size >= MAX_REMEMBERED_VERSIONS) builtVersions.clear();
      builtVersions.set(`${params.layerId}/${version}`, served);
    }
    // A tile asked without ?v= is still the current version's tile: kept under that version's key.
    const kept = version === undefined && served.version !== null ? cache.get(key(served.version)) : undefined;
    const tile = kept ?? cachedAnswer(await layerTile(pool, served, address), MVT_TYPE, { compress: false });
    if (served.version !== null && !kept) cache.set(key(served.version), tile);
    await sendCached(req, res, tile, cachingOf(version !== undefined));
  });
  return router;
}
