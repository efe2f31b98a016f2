import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { healthResponse } from '../../common/api/health.ts';

/**
 * GET /api/health — liveness: answers only after a round trip to the database. Anonymous callers
 * (load balancers, monitors) get `{ ok: true }` and nothing else: PostgreSQL and PostGIS versions
 * tell an attacker which advisories apply. A signed-in administrator also sees the database mode
 * and versions.
 */
export function healthRouter(db: Database): Router {
  const router = Router();
  apiRoute(router, { method: 'get', path: '/api/health', tag: 'health', access: 'public', summary: { zh: '健康检查（含数据库往返）', en: 'Liveness (with a database round trip)' }, responses: { 200: healthResponse } }, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (req.auth?.user.role !== 'admin') {
      await db.pool.query('SELECT 1');
      res.json({ ok: true });
      return;
    }
    const { rows } = await db.pool.query<{ postgres: string; postgis: string }>(
      `SELECT current_setting('server_version') AS postgres, postgis_full_version() AS postgis`,
    );
    res.json({ ok: true, db: { mode: db.mode, postgres: rows[0].postgres, postgis: rows[0].postgis } });
  });
  return router;
}
