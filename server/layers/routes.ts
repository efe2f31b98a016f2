import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { badRequest } from '../http/errors.ts';
import { readerFor } from '../http/read-routing.ts';
import { LIMITS } from '../limits.ts';
import { catalogLayer, featuresQuery, layerParams } from '../../common/api/layers.ts';
import { getLayer, listLayers } from './catalog.ts';
import { etagOf, notModified, VersionedCache } from './version-cache.ts';
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
  const cache = new VersionedCache(LIMITS.layerCacheMb * 1024 * 1024);
  apiRoute(router, { method: 'get', path: '/api/layers', tag: 'layers', access: 'public', summary: { zh: '图层目录', en: 'The layer catalog' }, responses: { 200: z.array(catalogLayer) } }, async (req, res) => {
    res.json(await listLayers(readerFor(db, req, res)));
  });
  apiRoute(router, { method: 'get', path: '/api/layers/:id', tag: 'layers', access: 'public', summary: { zh: '一个图层的说明', en: 'One layer of the catalog' }, params: layerParams, responses: { 200: catalogLayer } }, async (req, res, { params }) => {
    res.json(await getLayer(readerFor(db, req, res), params.id));
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
    async (req, res, { params, query }) => {
      const bbox = parseBbox(query.bbox);
      const version = parseVersion(query.version);
      res.type('application/geo+json');
      // A named version never changes: served from memory, immutable for the browser, 304 on a match.
      const key = version === undefined ? undefined : `${params.id}/${version}/${bbox?.join(',') ?? ''}`;
      const send = (body: Buffer, etag: string | undefined) => {
        res.setHeader('Cache-Control', etag ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (etag) res.setHeader('ETag', etag);
        if (etag && notModified(req.get('if-none-match'), etag)) return void res.status(304).end();
        res.send(body);
      };
      const hit = key === undefined ? undefined : cache.get(key);
      if (hit) return send(hit, etagOf(key!));
      const pool = readerFor(db, req, res);
      const layer = await getLayer(pool, params.id);
      const body = Buffer.from(JSON.stringify(await layerFeatures(pool, layer, { bbox, version })));
      if (key !== undefined) cache.set(key, body);
      send(body, key === undefined ? undefined : etagOf(key));
    },
  );
  return router;
}
