import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { badRequest } from '../http/errors.ts';
import { getLayer, listLayers } from './catalog.ts';
import { layerFeatures, parseBbox } from './features.ts';

function parseVersion(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw badRequest('BAD_VERSION', 'version 应为正整数', 'version must be a positive integer');
  return n;
}

/** GET /api/layers, GET /api/layers/:id, GET /api/layers/:id/features[?bbox=w,s,e,n&version=n] */
export function layersRouter(db: Database): Router {
  const router = Router();
  router.get('/api/layers', async (_req, res) => {
    res.json(await listLayers(db.pool));
  });
  router.get('/api/layers/:id', async (req, res) => {
    res.json(await getLayer(db.pool, req.params.id));
  });
  router.get('/api/layers/:id/features', async (req, res) => {
    const layer = await getLayer(db.pool, req.params.id);
    const bbox = parseBbox(req.query.bbox);
    const version = parseVersion(req.query.version);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('application/geo+json').send(JSON.stringify(await layerFeatures(db.pool, layer, { bbox, version })));
  });
  return router;
}
