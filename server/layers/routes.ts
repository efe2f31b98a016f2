import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { badRequest } from '../http/errors.ts';
import { readerFor } from '../http/read-routing.ts';
import { LIMITS } from '../limits.ts';
import { catalogLayer, featuresQuery, layerParams } from '../../common/api/layers.ts';
import { getLayer } from './catalog.ts';
import { CatalogCache } from './catalog-cache.ts';
import { cachedAnswer, answerBytes, sendCached, type CachedAnswer } from '../http/cached-answer.ts';
import { VersionedCache } from './version-cache.ts';
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
  const cache = new VersionedCache<CachedAnswer>(LIMITS.layerCacheMb * 1024 * 1024, answerBytes);
  const catalog = new CatalogCache(db);
  // The catalog changes with a publish: revalidated on every load (no-cache), a 304 while its ETag holds.
  apiRoute(router, { method: 'get', path: '/api/layers', tag: 'layers', access: 'public', summary: { zh: '图层目录', en: 'The layer catalog' }, responses: { 200: z.array(catalogLayer) } }, async (req, res) => {
    sendCached(req, res, (await catalog.catalog(readerFor(db, req, res))).answer);
  });
  apiRoute(router, { method: 'get', path: '/api/layers/:id', tag: 'layers', access: 'public', summary: { zh: '一个图层的说明', en: 'One layer of the catalog' }, params: layerParams, responses: { 200: catalogLayer } }, async (req, res, { params }) => {
    sendCached(req, res, await catalog.layer(readerFor(db, req, res), params.id));
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
      // A named version never changes: served from memory (compressed once), immutable for the
      // browser, 304 on a match. Without a version: the current one, revalidated every time.
      const key = version === undefined ? undefined : `${params.id}/${version}/${bbox?.join(',') ?? ''}`;
      const cacheControl = key === undefined ? 'no-cache' : 'public, max-age=31536000, immutable';
      const hit = key === undefined ? undefined : cache.get(key);
      if (hit) return sendCached(req, res, hit, cacheControl);
      const pool = readerFor(db, req, res);
      const layer = await getLayer(pool, params.id);
      const answer = cachedAnswer(Buffer.from(JSON.stringify(await layerFeatures(pool, layer, { bbox, version }))), 'application/geo+json', { compress: key !== undefined });
      if (key !== undefined) cache.set(key, answer);
      sendCached(req, res, answer, cacheControl);
    },
  );
  return router;
}
