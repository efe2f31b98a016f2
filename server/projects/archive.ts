import type pg from 'pg';
import type { ArchiveResult } from '../../common/api/projects.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { recordAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/database.ts';
import { lockProject } from './store.ts';

/**
 * Archives (or restores) a project: an administrator's way to clear junk and test projects out of
 * the register and the dashboard. Nothing is deleted: the project, its checks, decisions and audit
 * trail stay, and `?archived=true` lists it again. Archiving an archived project changes nothing
 * (no second audit row).
 */
export async function setArchived(pool: pg.Pool, admin: AuthUser, id: number, archived: boolean, ip?: string): Promise<ArchiveResult> {
  return withTransaction(pool, async (client) => {
    const project = await lockProject(client, id);
    if ((project.archivedAt !== null) === archived) return { id, archivedAt: project.archivedAt ? new Date(project.archivedAt).toISOString() : null };
    const { rows } = await client.query<{ archivedAt: Date | null }>(
      `UPDATE projects SET archived_at = CASE WHEN $2 THEN now() ELSE NULL END WHERE id = $1 RETURNING archived_at AS "archivedAt"`,
      [id, archived],
    );
    await recordAudit(client, {
      action: archived ? 'project.archived' : 'project.unarchived',
      actor: admin,
      projectId: id,
      detail: { name: project.name, status: project.status },
      ip,
    });
    return { id, archivedAt: rows[0].archivedAt ? rows[0].archivedAt.toISOString() : null };
  });
}
