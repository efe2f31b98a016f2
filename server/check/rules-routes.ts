import { Router } from 'express';
import { PROJECT_FLAG_LABELS, PROJECT_FLAGS, PROJECT_TYPE_LABELS, PROJECT_TYPES } from '../../common/domain/development.ts';
import { PROJECT_CODE } from './project-facts.ts';
import { listRules } from './rules.ts';

/** What the client's project form needs: every type and flag with its labels. */
export function projectTypesCatalog() {
  return {
    types: PROJECT_TYPES.map((key) => ({ key, code: PROJECT_CODE[key], ...PROJECT_TYPE_LABELS[key] })),
    flags: [
      ...PROJECT_FLAGS.map((key) => ({ key, valueType: 'boolean' as const, ...PROJECT_FLAG_LABELS[key] })),
      { key: 'widthM' as const, valueType: 'number' as const, ...PROJECT_FLAG_LABELS.widthM },
    ],
  };
}

/** GET /api/rules (the 规则库) and GET /api/project-types. Static data: computed once. */
export function rulesRouter(): Router {
  const router = Router();
  const rules = listRules();
  const projectTypes = projectTypesCatalog();
  router.get('/api/rules', (_req, res) => {
    res.json(rules);
  });
  router.get('/api/project-types', (_req, res) => {
    res.json(projectTypes);
  });
  return router;
}
