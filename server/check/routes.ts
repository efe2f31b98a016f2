import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { readerFor } from '../http/read-routing.ts';
import { runBoundedCheck } from './bounded-check.ts';

/**
 * POST /api/check — the conflict check of a site (contract: issue 6; result: common/api/check-result.ts).
 * The body schema only asks for an object: the site, project and buffer are read by
 * parseSiteGeometry / parseProject, whose codes (BAD_COORDINATE, PROJECTED_COORDINATES …) planners see.
 */
export const checkRequestBody = z.looseObject({
  geometry: z.unknown(),
  project: z.unknown(),
  bufferM: z.unknown().optional(),
  repair: z.unknown().optional(),
});

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
      responses: { 200: z.looseObject({ verdict: z.string() }) },
      access: 'public',
    },
    async (req, res, { body }) => {
      res.json(await runBoundedCheck(readerFor(db, req, res), body));
    },
  );
  return router;
}
