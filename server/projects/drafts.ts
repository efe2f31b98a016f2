import type pg from 'pg';
import type { AuthUser } from '../auth/sessions.ts';
import { runCheck } from '../check/engine.ts';
import { withTransaction } from '../db/database.ts';
import type { Queryable } from '../db/types.ts';
import { assertOwner } from './access.ts';
import { recordAudit } from '../audit/audit.ts';
import { insertCheckRun } from './check-runs.ts';
import type { NewProject, ProjectChange } from './project-input.ts';
import { assertStorableGeometry, changedFields, getProject, insertProject, lockProject, updateProjectRow, type ProjectView } from './store.ts';
import { assertEditable, assertNotArchived, assertVersion } from './workflow.ts';

/**
 * Checks the project's stored site as it is now and makes that check the project's latest, so the
 * register shows the verdict the planner saw when saving (issue 18) — not 未核查, not an older site's.
 */
async function checkSavedSite(db: Queryable, user: AuthUser, projectId: number): Promise<{ checkId: number; verdict: string }> {
  const current = await lockProject(db, projectId);
  const check = await runCheck(db, { geometry: current.geometry, project: current.project });
  const checkId = await insertCheckRun(db, { projectId, projectVersion: current.version, userId: user.id, result: check, reason: 'save' });
  await db.query('UPDATE projects SET last_check_id = $2, site_version = version WHERE id = $1', [projectId, checkId]);
  return { checkId, verdict: check.verdict };
}

/** Saves a new draft owned by the applicant (issue 5's "save as a project draft") with a check of its site. */
export async function createProject(pool: pg.Pool, user: AuthUser, input: NewProject, ip?: string): Promise<ProjectView> {
  return withTransaction(pool, async (client) => {
    await assertStorableGeometry(client, input.geometry);
    const id = await insertProject(client, user.id, input);
    const { checkId, verdict } = await checkSavedSite(client, user, id);
    const project = await getProject(client, id, { withGeometry: true });
    await recordAudit(client, {
      action: 'project.created',
      actor: user,
      projectId: id,
      detail: { name: project.name, type: project.project.type, township: project.township, areaM2: project.areaM2, checkId, verdict },
      ip,
    });
    return project;
  });
}

/**
 * Changes a draft (or a project sent back for revision): owner only, and only from the version the
 * client last read — a stale version is a 409, never a silent overwrite. A change of the site or of
 * the project's attributes stores a fresh check with it.
 */
export async function editProject(pool: pg.Pool, user: AuthUser, id: number, change: ProjectChange, ip?: string): Promise<ProjectView> {
  return withTransaction(pool, async (client) => {
    const current = await lockProject(client, id);
    assertOwner(user, current);
    assertEditable(current.status);
    assertNotArchived(current);
    assertVersion(change.version, current.version);
    if (change.geometry) await assertStorableGeometry(client, change.geometry);
    const fields = changedFields(current, change);
    await updateProjectRow(client, current, change);
    const siteChanged = fields.includes('geometry') || fields.includes('project');
    const checked = siteChanged ? await checkSavedSite(client, user, id) : null;
    const project = await getProject(client, id, { withGeometry: true });
    await recordAudit(client, {
      action: 'project.updated',
      actor: user,
      projectId: id,
      detail: { fields, fromVersion: current.version, toVersion: project.version, status: project.status, ...(checked ?? {}) },
      ip,
    });
    return project;
  });
}
