import { Router, type Request } from 'express';
import { currentUser, requireUser } from '../auth/roles.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
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

export function parseProjectId(raw: unknown): number {
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

  router.post('/api/projects', requireUser('applicant'), async (req, res) => {
    const input = parseNewProject(req.body);
    const project = await createProject(db.pool, currentUser(req), input, req.ip);
    res.status(201).location(`/api/projects/${project.id}`).json(project);
  });

  router.get('/api/projects/:id', anyUser, async (req, res) => {
    res.json(withReviewClock(await visibleProject(db, req, { withGeometry: true }), new Date(), config.reviewDeadlineWorkingDays));
  });

  router.patch('/api/projects/:id', requireUser('applicant'), async (req, res) => {
    const id = parseProjectId(req.params.id);
    const change = parseProjectChange(req.body);
    res.json(await editProject(db.pool, currentUser(req), id, change, req.ip));
  });

  router.post('/api/projects/:id/submit', requireUser('applicant'), async (req, res) => {
    const id = parseProjectId(req.params.id);
    const { version, bufferM } = body(req);
    const result = await submitProject(db.pool, currentUser(req), id, {
      version: parseVersion(version, { required: true })!,
      bufferM,
      ip: req.ip,
    });
    res.json(result);
  });

  router.post('/api/projects/:id/decision', requireUser('reviewer'), async (req, res) => {
    const id = parseProjectId(req.params.id);
    const b = body(req);
    const decision = parseDecision(b.decision);
    const comment = parseCommentText(b.comment, 'comment');
    // Required: optimistic locking a client could skip by leaving it out would guard nothing (issue 11 row 12).
    const version = parseVersion(b.version, { required: true })!;
    res.json(await decideProject(db.pool, currentUser(req), id, { decision, comment, version, ip: req.ip }));
  });

  router.get('/api/projects/:id/checks', anyUser, async (req, res) => {
    const project = await visibleProject(db, req);
    res.json(await listCheckRuns(db.pool, project.id));
  });

  router.get('/api/projects/:id/audit', anyUser, async (req, res) => {
    const project = await visibleProject(db, req);
    res.json(await projectAudit(db.pool, project.id, { withIp: currentUser(req).role !== 'applicant' }));
  });

  router.get('/api/projects/:id/comments', anyUser, async (req, res) => {
    const project = await visibleProject(db, req);
    res.json(await listComments(db.pool, project.id));
  });

  router.post('/api/projects/:id/comments', anyUser, async (req, res) => {
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
