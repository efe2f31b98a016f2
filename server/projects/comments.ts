import type pg from 'pg';
import type { AuthUser } from '../auth/sessions.ts';
import { withTransaction } from '../db/database.ts';
import type { Queryable } from '../db/types.ts';
import { badRequest, unprocessable } from '../http/errors.ts';
import { assertCanView } from './access.ts';
import { recordAudit } from '../audit/audit.ts';
import { checkRunBelongsTo } from './check-runs.ts';
import { lockProject } from './store.ts';

export interface ProjectComment {
  id: number;
  parentId: number | null;
  /** The check run the comment refers to (null when the project had no check yet). */
  checkId: number | null;
  /** Set when the comment is a reviewer's decision comment (审查意见). */
  decisionId: number | null;
  body: string;
  author: { id: number; username: string; role: string };
  createdAt: Date;
}

export function parseOptionalId(input: unknown, field: 'parentId' | 'checkId'): number | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input !== 'number' || !Number.isSafeInteger(input) || input < 1) {
    throw badRequest('INVALID_ID', `${field} 应为正整数`, `${field} must be a positive integer`, { field });
  }
  return input;
}

/**
 * Adds a comment to a project's thread. It refers to the given check run, else to its parent's,
 * else to the project's latest check, so a remark always points at the result it is about.
 */
export async function addComment(
  pool: pg.Pool,
  user: AuthUser,
  projectId: number,
  input: { body: string; parentId?: number; checkId?: number; ip?: string },
): Promise<ProjectComment> {
  return withTransaction(pool, async (client) => {
    // FOR UPDATE also serialises comments with a concurrent decision on the same project.
    const project = await lockProject(client, projectId);
    assertCanView(user, project);
    let checkId = input.checkId ?? null;
    if (checkId !== null && !(await checkRunBelongsTo(client, checkId, projectId))) {
      throw unprocessable('UNKNOWN_CHECK', `该项目没有核查记录 ${checkId}`, `The project has no check run ${checkId}`, { checkId });
    }
    if (input.parentId !== undefined) {
      const parent = await client.query<{ checkId: number | null }>(
        'SELECT check_id AS "checkId" FROM comments WHERE id = $1 AND project_id = $2',
        [input.parentId, projectId],
      );
      if (!parent.rows[0]) {
        throw unprocessable('UNKNOWN_PARENT_COMMENT', `该项目没有评论 ${input.parentId}`, `The project has no comment ${input.parentId}`);
      }
      checkId ??= parent.rows[0].checkId;
    }
    checkId ??= project.lastCheckId;
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO comments (project_id, parent_id, check_id, author_id, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [projectId, input.parentId ?? null, checkId, user.id, input.body],
    );
    await recordAudit(client, {
      action: 'comment.added',
      actor: user,
      projectId,
      detail: { commentId: rows[0].id, parentId: input.parentId ?? null, checkId },
      ip: input.ip,
    });
    return (await listComments(client, projectId, rows[0].id))[0];
  });
}

/** The thread, oldest first; each comment names its parent (null for a top-level one). */
export async function listComments(db: Queryable, projectId: number, onlyId?: number): Promise<ProjectComment[]> {
  const { rows } = await db.query<ProjectComment>(
    `SELECT c.id, c.parent_id AS "parentId", c.check_id AS "checkId", c.decision_id AS "decisionId", c.body,
            json_build_object('id', u.id, 'username', u.username, 'role', u.role) AS author, c.created_at AS "createdAt"
       FROM comments c JOIN users u ON u.id = c.author_id
      WHERE c.project_id = $1 AND ($2::bigint IS NULL OR c.id = $2)
      ORDER BY c.id`,
    [projectId, onlyId ?? null],
  );
  return rows;
}
