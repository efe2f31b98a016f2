import { Router, type Request } from 'express';
import { z } from 'zod';
import { currentUser, requireUser } from '../auth/roles.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import {
  auditEntrySchema, checkRunResponse, commentBody, commentResponse, decisionBody, decisionResponse, newProjectBody, projectChangeBody,
  projectParams, projectViewResponse, submitBody, submitResponse,
} from '../../common/api/projects.ts';
import { assertCanView } from './access.ts';
import { projectAudit } from '../audit/audit.ts';
import { listCheckRuns } from './check-runs.ts';
import { addComment, listComments, parseOptionalId } from './comments.ts';
import { decideProject } from './decisions.ts';
import { createProject, editProject } from './drafts.ts';
import { parseNewProject, parseProjectChange } from './project-input.ts';
import { registerRouter } from './register-routes.ts';
import { attachmentRouter } from './attachment-routes.ts';
import { withReviewClock } from './register.ts';
import { getProject, projectNotFound } from './store.ts';
import { submitProject } from './submission.ts';
import { parseCommentText, parseDecision, parseVersion } from './workflow.ts';

function parseProjectId(raw: unknown): number {
  const id = Number(raw);
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(id) || id < 1) throw projectNotFound(String(raw));
  return id;
}

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;

/** Loads the project and checks the user may see it (404, then 403). */
async function visibleProject(db: Database, req: Request, opts: { withGeometry?: boolean } = {}) {
  const project = await getProject(db.pool, parseProjectId(req.params.id), opts);
  assertCanView(currentUser(req), project);
  return project;
}

/**
 * The project register and review workflow (issue 7). Every route needs a login; writes also need
 * the CSRF token (requireUser). Applicants act on their own projects, reviewers decide.
 */
export function projectsRouter(db: Database, config: Pick<Config, 'publicMap' | 'attachmentMaxBytes' | 'reviewDeadlineWorkingDays'>): Router {
  const router = Router();
  const anyUser = requireUser();
  router.use(registerRouter(db, config));
  router.use(attachmentRouter(db, config));

  apiRoute(router, { method: 'post', path: '/api/projects', tag: 'projects', access: 'applicant', summary: { zh: '新建项目草稿（含选址）', en: 'Create a project draft with its site' }, body: newProjectBody, responses: { 201: projectViewResponse } }, requireUser('applicant'), async (req, res) => {
    const input = parseNewProject(req.body);
    const project = await createProject(db.pool, currentUser(req), input, req.ip);
    res.status(201).location(`/api/projects/${project.id}`).json(project);
  });

  apiRoute(router, { method: 'get', path: '/api/projects/:id', tag: 'projects', access: 'user', summary: { zh: '项目详情（含选址几何、审查时限）', en: 'A project with its site geometry and review clock' }, params: projectParams, responses: { 200: projectViewResponse } }, anyUser, async (req, res) => {
    res.json(withReviewClock(await visibleProject(db, req, { withGeometry: true }), new Date(), config.reviewDeadlineWorkingDays));
  });

  apiRoute(router, { method: 'patch', path: '/api/projects/:id', tag: 'projects', access: 'applicant', summary: { zh: '修改项目（需版本号）', en: 'Edit a project (version required)' }, params: projectParams, body: projectChangeBody, responses: { 200: projectViewResponse } }, requireUser('applicant'), async (req, res) => {
    const id = parseProjectId(req.params.id);
    const change = parseProjectChange(req.body);
    res.json(await editProject(db.pool, currentUser(req), id, change, req.ip));
  });

  apiRoute(router, { method: 'post', path: '/api/projects/:id/submit', tag: 'projects', access: 'applicant', summary: { zh: '提交审查（重新核查并保存）', en: 'Submit for review (checked and stored anew)' }, params: projectParams, body: submitBody, responses: { 200: submitResponse } }, requireUser('applicant'), async (req, res) => {
    const id = parseProjectId(req.params.id);
    const { version, bufferM } = body(req);
    const result = await submitProject(db.pool, currentUser(req), id, {
      version: parseVersion(version, { required: true })!,
      bufferM,
      ip: req.ip,
    });
    res.json(result);
  });

  apiRoute(router, { method: 'post', path: '/api/projects/:id/decision', tag: 'projects', access: 'reviewer', summary: { zh: '审查决定：通过、不予通过或退回修改', en: 'Review decision: approve, reject or return for revision' }, params: projectParams, body: decisionBody, responses: { 200: decisionResponse } }, requireUser('reviewer'), async (req, res) => {
    const id = parseProjectId(req.params.id);
    const b = body(req);
    const decision = parseDecision(b.decision);
    const comment = parseCommentText(b.comment, 'comment');
    // Required: optimistic locking a client could skip by leaving it out would guard nothing (issue 11 row 12).
    const version = parseVersion(b.version, { required: true })!;
    res.json(await decideProject(db.pool, currentUser(req), id, { decision, comment, version, ip: req.ip }));
  });

  apiRoute(router, { method: 'get', path: '/api/projects/:id/checks', tag: 'projects', access: 'user', summary: { zh: '项目的核查记录（新在前）', en: 'Stored check runs of a project (newest first)' }, params: projectParams, responses: { 200: z.array(checkRunResponse) } }, anyUser, async (req, res) => {
    const project = await visibleProject(db, req);
    res.json(await listCheckRuns(db.pool, project.id));
  });

  apiRoute(router, { method: 'get', path: '/api/projects/:id/audit', tag: 'projects', access: 'user', summary: { zh: '项目的操作记录', en: 'Audit trail of a project' }, params: projectParams, responses: { 200: z.array(auditEntrySchema) } }, anyUser, async (req, res) => {
    const project = await visibleProject(db, req);
    res.json(await projectAudit(db.pool, project.id, { withIp: currentUser(req).role !== 'applicant' }));
  });

  apiRoute(router, { method: 'get', path: '/api/projects/:id/comments', tag: 'projects', access: 'user', summary: { zh: '项目的意见', en: 'Comments on a project' }, params: projectParams, responses: { 200: z.array(commentResponse) } }, anyUser, async (req, res) => {
    const project = await visibleProject(db, req);
    res.json(await listComments(db.pool, project.id));
  });

  apiRoute(router, { method: 'post', path: '/api/projects/:id/comments', tag: 'projects', access: 'user', summary: { zh: '发表意见（可回复）', en: 'Add a comment (or a reply)' }, params: projectParams, body: commentBody, responses: { 201: commentResponse } }, anyUser, async (req, res) => {
    const id = parseProjectId(req.params.id);
    const b = body(req);
    const text = parseCommentText(b.body, 'body');
    const comment = await addComment(db.pool, currentUser(req), id, {
      body: text,
      parentId: parseOptionalId(b.parentId, 'parentId'),
      checkId: parseOptionalId(b.checkId, 'checkId'),
      ip: req.ip,
    });
    res.status(201).json(comment);
  });
  return router;
}
