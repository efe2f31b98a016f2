import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { tileJsonParams, tileParams } from '../../common/api/layers.ts';
import { getLayer } from './catalog.ts';
import { layerTile, parseTileAddress, tileJson } from './tiles.ts';

/**
 * GET /tiles/:layerId.json (TileJSON) and GET /tiles/:layerId/:z/:x/:y.mvt. Tile URLs carry the
 * layer version (?v=), so a tile can be cached for a day: a new version changes the URL.
 */
export function tilesRouter(db: Database, options: { publicUrl?: string } = {}): Router {
  const router = Router();
  apiRoute(router, { method: 'get', path: '/tiles/:file', tag: 'tiles', access: 'public', summary: { zh: '图层的 TileJSON（:file = <图层>.json）', en: 'TileJSON of a layer (:file = <layerId>.json)' }, params: tileJsonParams, responses: { 200: { mediaType: 'application/json' } } }, async (_req, res, { params }, next) => {
    const match = /^([a-z][a-z0-9_]*)\.json$/.exec(params.file);
    if (!match) return next();
    const layer = await getLayer(db.pool, match[1]);
    res.setHeader('Cache-Control', 'no-cache');
    // Never from the Host header: a forged Host would put another server in cached TileJSON.
    // PUBLIC_URL when set; else root-relative URLs the client resolves against its own origin.
    res.json(tileJson(layer, options.publicUrl ?? ''));
  });
  apiRoute(router, { method: 'get', path: '/tiles/:layerId/:z/:x/:file', tag: 'tiles', access: 'public', summary: { zh: '矢量瓦片（:file = <y>.mvt）', en: 'A vector tile (:file = <y>.mvt)' }, params: tileParams, responses: { 200: { mediaType: 'application/vnd.mapbox-vector-tile' } } }, async (_req, res, { params }, next) => {
    const match = /^(\d+)\.mvt$/.exec(params.file);
    if (!match) return next();
    const address = parseTileAddress(params.z, params.x, match[1]);
    const layer = await getLayer(db.pool, params.layerId);
    const tile = await layerTile(db.pool, layer, address);
    res.setHeader('Content-Type', 'application/vnd.mapbox-vector-tile');
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.status(200).end(tile);
  });
  return router;
}
