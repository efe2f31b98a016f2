import { Router } from 'express';
import { z } from 'zod';
import { apiRoute } from '../http/api-route.ts';
import { rulesCsv, rulesXlsx } from './rules-export.ts';
import { PROJECT_FLAG_LABELS, PROJECT_FLAGS, PROJECT_TYPE_LABELS, PROJECT_TYPES } from './project.ts';
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
  let cached: { day: string; rules: ReturnType<typeof listRules> } | undefined;
  const rulesOn = (day: string) => {
    if (cached?.day !== day) cached = { day, rules: listRules(day) };
    return cached.rules;
  };
  const projectTypes = projectTypesCatalog();
  router.get('/api/rules', (_req, res) => {
    // Whether each instrument is in force is judged on the day asked; the list is cached per day.
    res.json(rulesOn(new Date().toISOString().slice(0, 10)));
  });
  apiRoute(
    router,
    {
      method: 'get',
      path: '/api/rules/export',
      tag: 'rules',
      summary: { zh: '下载规则库（法规、条款、引文、核对来源、是否已核实）', en: 'Download the rule base (law, article, quoted text, source checked, verified)' },
      query: z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), lang: z.enum(['zh', 'en']).default('zh') }),
      responses: {
        200: { mediaType: 'text/csv', description: 'CSV (UTF-8 with BOM) or XLSX' },
      },
      access: 'public',
    },
    async (_req, res, { query }) => {
      // Judged on the day of the download, like the list.
      const current = listRules();
      const name = `${query.lang === 'zh' ? '规则库' : 'rule-base'}-${new Date().toISOString().slice(0, 10)}.${query.format}`;
      res.setHeader('Content-Disposition', `attachment; filename="rules.${query.format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      if (query.format === 'xlsx') {
        res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await rulesXlsx(current, query.lang));
      } else {
        res.type('text/csv; charset=utf-8').send(rulesCsv(current, query.lang));
      }
    },
  );
  router.get('/api/project-types', (_req, res) => {
    res.json(projectTypes);
  });
  return router;
}
