import type { Queryable } from '../db/types.ts';

/**
 * Actions written so far. Other modules add their own with the same `<subject>.<verb>` shape
 * (e.g. 'layer.loaded', 'import.parsed'); the column is free text so that needs no migration.
 */
type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.locked'
  | 'auth.logout'
  | 'user.bootstrapped'
  | 'user.created'
  | 'user.updated'
  | 'user.password_changed'
  | 'project.created'
  | 'project.updated'
  | 'project.submitted'
  | 'project.approved'
  | 'project.rejected'
  | 'project.revision_requested'
  | 'comment.added'
  | (string & {});

export interface AuditEntry {
  action: AuditAction;
  /** Who did it; null for anonymous events (a failed login, a start-up task). */
  actor?: { id: number; username: string } | null;
  projectId?: number | null;
  detail?: Record<string, unknown>;
  /** Where from: the client address (req.ip). */
  ip?: string | null;
}

/**
 * Appends one row to the audit log. Pass the transaction client of the change being recorded, so
 * that the change and its audit row commit — or vanish — together. The table refuses UPDATE and
 * DELETE (migration 005), so what is written here stays.
 */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO audit_log (actor_id, actor_name, action, project_id, detail, ip)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      entry.actor?.id ?? null,
      entry.actor?.username ?? null,
      entry.action,
      entry.projectId ?? null,
      JSON.stringify(entry.detail ?? {}),
      entry.ip ?? null,
    ],
  );
  return rows[0].id;
}

export interface AuditRecord {
  id: number;
  action: string;
  /** The actor's username as it was when the row was written; null for anonymous events. */
  actor: string | null;
  actorId: number | null;
  at: Date;
  detail: Record<string, unknown>;
  projectId: number | null;
  ip?: string | null;
}

const AUDIT_COLUMNS = `id, action, actor_name AS actor, actor_id AS "actorId", at, detail, project_id AS "projectId"`;

/** A project's trail, oldest first. The client address is included only when asked (reviewers, admins). */
export async function projectAudit(db: Queryable, projectId: number, { withIp = false } = {}): Promise<AuditRecord[]> {
  const { rows } = await db.query<AuditRecord>(
    `SELECT ${AUDIT_COLUMNS}${withIp ? ', ip' : ''} FROM audit_log WHERE project_id = $1 ORDER BY id`,
    [projectId],
  );
  return rows;
}

/** The whole log, newest first, optionally one action or prefix ('auth.'), for administrators. */
export async function listAudit(
  db: Queryable,
  { action, limit = 200, beforeId }: { action?: string; limit?: number; beforeId?: number } = {},
): Promise<AuditRecord[]> {
  const { rows } = await db.query<AuditRecord>(
    `SELECT ${AUDIT_COLUMNS}, ip FROM audit_log
      WHERE ($1::text IS NULL OR action = $1 OR (right($1, 1) = '.' AND starts_with(action, $1)))
        AND ($2::bigint IS NULL OR id < $2)
      ORDER BY id DESC LIMIT $3`,
    [action ?? null, beforeId ?? null, limit],
  );
  return rows;
}
