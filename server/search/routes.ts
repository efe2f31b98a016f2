import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { parseLimit, parseQuery, search } from './search.ts';

/** GET /api/search?q=<name>[&limit=n] → { query, results: [{ name, layerId, level, bbox, centroid, geometry, … }] }; logged-in users also find their projects. */
export function searchRouter(db: Database): Router {
  const router = Router();
  router.get('/api/search', async (req, res) => {
    const query = parseQuery(req.query.q);
    const limit = parseLimit(req.query.limit);
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ query, results: await search(db.pool, query, limit, req.auth?.user) });
  });
  return router;
}
