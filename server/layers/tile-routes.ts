import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { readerFor } from '../http/read-routing.ts';
import { getLayer } from './catalog.ts';
import { layerTile, parseTileAddress, tileJson } from './tiles.ts';

/**
 * GET /tiles/:layerId.json (TileJSON) and GET /tiles/:layerId/:z/:x/:y.mvt. Tile URLs carry the
 * layer version (?v=), so a tile can be cached for a day: a new version changes the URL.
 */
export function tilesRouter(db: Database, options: { publicUrl?: string } = {}): Router {
  const router = Router();
  router.get('/tiles/:file', async (req, res, next) => {
    const match = /^([a-z][a-z0-9_]*)\.json$/.exec(req.params.file);
    if (!match) return next();
    const layer = await getLayer(readerFor(db, req, res), match[1]);
    res.setHeader('Cache-Control', 'no-cache');
    // Never from the Host header: a forged Host would put another server in cached TileJSON.
    // PUBLIC_URL when set; else root-relative URLs the client resolves against its own origin.
    res.json(tileJson(layer, options.publicUrl ?? ''));
  });
  router.get('/tiles/:layerId/:z/:x/:file', async (req, res, next) => {
    const match = /^(\d+)\.mvt$/.exec(req.params.file);
    if (!match) return next();
    const address = parseTileAddress(req.params.z, req.params.x, match[1]);
    const pool = readerFor(db, req, res);
    const layer = await getLayer(pool, req.params.layerId);
    const tile = await layerTile(pool, layer, address);
    res.setHeader('Content-Type', 'application/vnd.mapbox-vector-tile');
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.status(200).end(tile);
  });
  return router;
}
