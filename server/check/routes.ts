import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { runCheck } from './engine.ts';

/** POST /api/check — the conflict check of a site (contract: issue 6; result: common/api/check-result.ts). */
export function checkRouter(db: Database): Router {
  const router = Router();
  router.post('/api/check', async (req, res) => {
    res.json(await runCheck(db.pool, req.body ?? {}));
  });
  return router;
}
