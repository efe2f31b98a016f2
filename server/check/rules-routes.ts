import { Router } from 'express';
import { apiRoute } from '../http/api-route.ts';
import { cachedAnswer, sendCached } from '../http/cached-answer.ts';
import { projectTypesCatalog as projectTypesSchema, type ProjectTypesCatalog } from '../../common/api/check.ts';
import { PROJECT_FLAG_LABELS, PROJECT_FLAGS, PROJECT_TYPE_LABELS, PROJECT_TYPES } from '../../common/domain/development.ts';
import { PROJECT_CODE } from './project-facts.ts';
import { oncePerDay } from './once-per-day.ts';
import { listRules } from './rules.ts';

/** What the client's project form needs: every type and flag with its labels. */
function projectTypesCatalog(): ProjectTypesCatalog {
  return {
    types: PROJECT_TYPES.map((key) => ({ key, code: PROJECT_CODE[key], ...PROJECT_TYPE_LABELS[key] })),
    flags: [
      ...PROJECT_FLAGS.map((key) => ({ key, valueType: 'boolean' as const, ...PROJECT_FLAG_LABELS[key] })),
      { key: 'widthM' as const, valueType: 'number' as const, ...PROJECT_FLAG_LABELS.widthM },
    ],
  };
}

/**
 * GET /api/rules (the 规则库) and GET /api/project-types. Static data (the rules are code, not layer
 * data): serialised and compressed once (the rules once a day), sent with an ETag, 304 on a match.
 */
export function rulesRouter(): Router {
  const router = Router();
  const rules = oncePerDay(async (day) => cachedAnswer(listRules(day)));
  const projectTypes = cachedAnswer(projectTypesCatalog());
  apiRoute(
    router,
    {
      method: 'get',
      path: '/api/rules',
      tag: 'rules',
      access: 'public',
      summary: { zh: '规则库：每条规则的条件、结论、依据（文号、效力、核对来源）与办理程序', en: 'Rule base: each rule’s condition, verdict, legal basis (identity, currency, source checked) and procedure' },
      responses: { 200: { mediaType: 'application/json' } },
    },
    async (req, res) => {
      await sendCached(req, res, await rules());
    },
  );
  apiRoute(router, { method: 'get', path: '/api/project-types', tag: 'rules', access: 'public', summary: { zh: '项目类型与项目属性（表单用）', en: 'Project types and flags (for the project form)' }, responses: { 200: projectTypesSchema } }, async (req, res) => {
    await sendCached(req, res, projectTypes);
  });
  return router;
}
