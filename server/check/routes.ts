import { Router } from 'express';
import { checkRequestBody, checkResultResponse } from '../../common/api/check.ts';
import type { Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { readerFor } from '../http/read-routing.ts';
import { runBoundedCheck } from './bounded-check.ts';

/**
 * POST /api/check — the conflict check of a site (contract: common/api/check.ts; result:
 * common/api/check-result.ts). The site, project and buffer are read by parseSiteGeometry /
 * parseProject, whose codes (BAD_COORDINATE, PROJECTED_COORDINATES …) planners see.
 */

export function checkRouter(db: Database): Router {
  const router = Router();
  apiRoute(
    router,
    {
      method: 'post',
      path: '/api/check',
      tag: 'check',
      summary: { zh: '选址核查', en: 'Check a site against the control layers' },
      body: checkRequestBody,
      responses: { 200: checkResultResponse },
      access: 'public',
    },
    async (req, res, { body }) => {
      res.json(await runBoundedCheck(readerFor(db, req, res), body));
    },
  );
  return router;
}
