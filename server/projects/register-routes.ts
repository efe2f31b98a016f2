import { Router } from 'express';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/roles.ts';
import type { Database } from '../db/database.ts';
import { setDownload } from '../http/download.ts';
import { apiRoute } from '../http/api-route.ts';
import { badRequest } from '../http/errors.ts';
import { auditEntrySchema, auditQuery, dashboardSchema, projectViewResponse, registerQuery } from '../../common/api/projects.ts';
import { listAudit } from '../audit/audit.ts';
import { dashboardCounts, listProjects, MAX_PAGE, parseRegisterFilter, withReviewClock } from './register.ts';
import { writeRegisterXlsx } from './register-xlsx.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The register (项目台账) and its views: GET /api/projects (JSON, total in X-Total-Count),
 * /api/projects.xlsx, /api/projects.geojson (map, coloured by verdict), /api/dashboard, and the
 * whole audit log for administrators (GET /api/audit).
 */
export function registerRouter(db: Database, { reviewDeadlineWorkingDays }: { reviewDeadlineWorkingDays: number }): Router {
  const router = Router();
  const anyUser = requireUser();

  apiRoute(router, { method: 'get', path: '/api/projects', tag: 'projects', access: 'user', summary: { zh: '项目台账（总数见 X-Total-Count）', en: 'The project register (total in X-Total-Count)' }, query: registerQuery, responses: { 200: z.array(projectViewResponse) } }, anyUser, async (req, res) => {
    const { items, total } = await listProjects(db.pool, currentUser(req), parseRegisterFilter(req.query));
    res.setHeader('X-Total-Count', String(total));
    const now = new Date();
    res.json(items.map((p) => withReviewClock(p, now, reviewDeadlineWorkingDays)));
  });

  apiRoute(router, { method: 'get', path: '/api/projects.xlsx', tag: 'projects', access: 'user', summary: { zh: '项目台账 Excel', en: 'The register as Excel' }, query: registerQuery, responses: { 200: { mediaType: XLSX_TYPE } } }, anyUser, async (req, res) => {
    const filter = { ...parseRegisterFilter(req.query), limit: MAX_PAGE, offset: 0 };
    const { items } = await listProjects(db.pool, currentUser(req), filter);
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    setDownload(res, XLSX_TYPE, `项目台账-${day}.xlsx`, `redline-projects-${day}.xlsx`);
    await writeRegisterXlsx(items, res);
    res.end();
  });

  apiRoute(router, { method: 'get', path: '/api/projects.geojson', tag: 'projects', access: 'user', summary: { zh: '项目选址图（按结论着色）', en: 'Project sites as GeoJSON (map coloured by verdict)' }, query: registerQuery, responses: { 200: { mediaType: 'application/geo+json' } } }, anyUser, async (req, res) => {
    const { items } = await listProjects(db.pool, currentUser(req), parseRegisterFilter(req.query), { withGeometry: true });
    res.type('application/geo+json').json({
      type: 'FeatureCollection',
      features: items.map(({ geometry, ...p }) => ({
        type: 'Feature',
        id: p.id,
        geometry,
        properties: { id: p.id, name: p.name, status: p.status, verdict: p.verdict, type: p.project.type, township: p.township, version: p.version },
      })),
    });
  });

  apiRoute(router, { method: 'get', path: '/api/dashboard', tag: 'projects', access: 'user', summary: { zh: '统计：按状态、结论、乡镇；审查时限、超期、按结论的面积、每月受理', en: 'Counts by status, verdict and township; review deadline, overdue, area by verdict, monthly intake' }, responses: { 200: dashboardSchema } }, anyUser, async (req, res) => {
    res.json(await dashboardCounts(db.pool, currentUser(req), { deadlineWorkingDays: reviewDeadlineWorkingDays }));
  });

  apiRoute(router, { method: 'get', path: '/api/audit', tag: 'projects', access: 'admin', summary: { zh: '全部操作记录（管理员）', en: 'The whole audit log (administrators)' }, query: auditQuery, responses: { 200: z.array(auditEntrySchema) } }, requireUser('admin'), async (req, res) => {
    const { action, limit, beforeId } = req.query as Record<string, string | undefined>;
    const n = limit === undefined ? 200 : Number(limit);
    const before = beforeId === undefined ? undefined : Number(beforeId);
    if (!Number.isSafeInteger(n) || n < 1 || n > 1000 || (before !== undefined && !Number.isSafeInteger(before))) {
      throw badRequest('BAD_FILTER', 'limit 应为 1–1000，beforeId 应为整数', 'limit must be 1–1000 and beforeId an integer');
    }
    res.json(await listAudit(db.pool, { action: typeof action === 'string' ? action : undefined, limit: n, beforeId: before }));
  });
  return router;
}
