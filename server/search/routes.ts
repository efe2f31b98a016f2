import { Router } from 'express';
import { apiRoute } from '../http/api-route.ts';
import type { Database } from '../db/database.ts';
import { parseLimit, parseQuery, search } from './search.ts';
import { searchQuery, searchResponse } from '../../common/api/search.ts';

/** GET /api/search?q=<name>[&limit=n] → { query, results: [{ name, layerId, level, bbox, centroid, geometry, … }] }; logged-in users also find their projects. */
export function searchRouter(db: Database): Router {
  const router = Router();
  apiRoute(router, {
    method: 'get',
    path: '/api/search',
    tag: 'search',
    access: 'public',
    summary: { zh: '查找：名称、拼音（全拼/首字母）、英文名、经纬度或高斯-克吕格坐标', en: 'Search: names, pinyin (full or initials), English names, lon/lat or Gauss-Krüger coordinates' },
    query: searchQuery,
    responses: { 200: searchResponse },
  }, async (req, res) => {
    const query = parseQuery(req.query.q);
    const limit = parseLimit(req.query.limit);
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ query, results: await search(db.pool, query, limit, req.auth?.user) });
  });
  return router;
}
