import { Router } from 'express';
import type { Database } from '../db/database.ts';

/** GET /api/health — liveness plus what the database is (mode, PostgreSQL and PostGIS versions). */
export function healthRouter(db: Database): Router {
  const router = Router();
  router.get('/api/health', async (_req, res) => {
    const { rows } = await db.pool.query<{ postgres: string; postgis: string }>(
      `SELECT current_setting('server_version') AS postgres, postgis_full_version() AS postgis`,
    );
    res.json({ ok: true, db: { mode: db.mode, postgres: rows[0].postgres, postgis: rows[0].postgis } });
  });
  return router;
}
