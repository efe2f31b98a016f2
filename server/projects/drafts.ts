import type pg from 'pg';
import type { AuthUser } from '../auth/sessions.ts';
import { withTransaction } from '../db/database.ts';
import { assertOwner } from './access.ts';
import { recordAudit } from '../audit/audit.ts';
import type { NewProject, ProjectChange } from './project-input.ts';
import { assertStorableGeometry, changedFields, getProject, insertProject, lockProject, updateProjectRow, type ProjectView } from './store.ts';
import { assertEditable, assertVersion } from './workflow.ts';

/** Saves a new draft owned by the applicant (issue 5's "save as a project draft"). */
export async function createProject(pool: pg.Pool, user: AuthUser, input: NewProject, ip?: string): Promise<ProjectView> {
  return withTransaction(pool, async (client) => {
    await assertStorableGeometry(client, input.geometry);
    const id = await insertProject(client, user.id, input);
    const project = await getProject(client, id, { withGeometry: true });
    await recordAudit(client, {
      action: 'project.created',
      actor: user,
      projectId: id,
      detail: { name: project.name, type: project.project.type, township: project.township, areaM2: project.areaM2 },
      ip,
    });
    return project;
  });
}

/**
 * Changes a draft (or a project sent back for revision): owner only, and only from the version the
 * client last read — a stale version is a 409, never a silent overwrite.
 */
export async function editProject(pool: pg.Pool, user: AuthUser, id: number, change: ProjectChange, ip?: string): Promise<ProjectView> {
  return withTransaction(pool, async (client) => {
    const current = await lockProject(client, id);
    assertOwner(user, current);
    assertEditable(current.status);
    assertVersion(change.version, current.version);
    if (change.geometry) await assertStorableGeometry(client, change.geometry);
    const fields = changedFields(current, change);
    await updateProjectRow(client, current, change);
    const project = await getProject(client, id, { withGeometry: true });
    await recordAudit(client, {
      action: 'project.updated',
      actor: user,
      projectId: id,
      detail: { fields, fromVersion: current.version, toVersion: project.version, status: project.status },
      ip,
    });
    return project;
  });
}
