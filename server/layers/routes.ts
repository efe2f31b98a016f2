import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { badRequest } from '../http/errors.ts';
import { catalogLayer, featuresQuery, layerParams } from '../../common/api/layers.ts';
import { getLayer, listLayers } from './catalog.ts';
import { layerFeatures, parseBbox } from './features.ts';

/** Largest PostgreSQL integer: a version past it was sent to SQL and answered 500 (issue 11 row 11). */
const PG_INT_MAX = 2_147_483_647;

function parseVersion(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > PG_INT_MAX) throw badRequest('BAD_VERSION', 'version 应为正整数', 'version must be a positive integer');
  return n;
}


/** GET /api/layers, GET /api/layers/:id, GET /api/layers/:id/features[?bbox=w,s,e,n&version=n] */
export function layersRouter(db: Database): Router {
  const router = Router();
  apiRoute(router, { method: 'get', path: '/api/layers', tag: 'layers', access: 'public', summary: { zh: '图层目录', en: 'The layer catalog' }, responses: { 200: z.array(catalogLayer) } }, async (_req, res) => {
    res.json(await listLayers(db.pool));
  });
  apiRoute(router, { method: 'get', path: '/api/layers/:id', tag: 'layers', access: 'public', summary: { zh: '一个图层的说明', en: 'One layer of the catalog' }, params: layerParams, responses: { 200: catalogLayer } }, async (_req, res, { params }) => {
    res.json(await getLayer(db.pool, params.id));
  });
  apiRoute(
    router,
    {
      method: 'get',
      path: '/api/layers/:id/features',
      tag: 'layers',
      summary: { zh: '图层要素（GeoJSON）', en: 'Features of a layer (GeoJSON)' },
      params: layerParams,
      query: featuresQuery,
      responses: { 200: { mediaType: 'application/geo+json' } },
      access: 'public',
    },
    async (_req, res, { params, query }) => {
      const bbox = parseBbox(query.bbox);
      const version = parseVersion(query.version);
      const layer = await getLayer(db.pool, params.id);
      res.setHeader('Cache-Control', 'no-cache');
      res.type('application/geo+json').send(JSON.stringify(await layerFeatures(db.pool, layer, { bbox, version })));
    },
  );
  return router;
}
