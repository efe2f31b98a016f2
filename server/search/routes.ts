import { Router } from 'express';
import { apiRoute } from '../http/api-route.ts';
import type { Database } from '../db/database.ts';
import { answerBytes, cachedAnswer, sendCached, type CachedAnswer } from '../http/cached-answer.ts';
import { layerStampsOf } from '../layers/layer-stamp.ts';
import { cacheBudgetOf } from '../layers/version-cache.ts';
import { parseLimit, parseQuery, search } from './search.ts';
import { SearchIndex } from './search-index.ts';
import { searchQuery, searchResponse } from '../../common/api/search.ts';

/** GET /api/search?q=<name>[&limit=n] → { query, results: [{ name, layerId, level, bbox, centroid, geometry, … }] }; logged-in users also find their projects. */
export function searchRouter(db: Database): Router {
  const router = Router();
  const index = new SearchIndex(db);
  const stamps = layerStampsOf(db);
  // What an anonymous visitor is answered depends only on the query and the layer set: kept,
  // serialised (and compressed in each coding once it is asked for), under the stamp. A signed-in
  // user's answer also lists projects, which change at any time: computed each time (with an ETag all the same).
  const answers = cacheBudgetOf(db).cache<CachedAnswer>(answerBytes);
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
    const viewer = req.auth?.user;
    if (viewer) return sendCached(req, res, cachedAnswer({ query, results: await search(db.pool, index, query, limit, viewer) }));
    const key = `${await stamps.current(db.pool)}/${limit}/${query}`;
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = cachedAnswer({ query, results: await search(db.pool, index, query, limit) })));
    await sendCached(req, res, answer);
  });
  return router;
}
