import type pg from 'pg';
import type { AuthUser } from '../auth/sessions.ts';
import { withTransaction } from '../db/database.ts';
import { recordAudit } from '../audit/audit.ts';
import { lockProject } from './store.ts';
import type { Decision, ProjectStatus } from '../../common/domain/review.ts';
import { assertNotArchived, assertDecidable, assertVersion, statusAfter } from './workflow.ts';

export interface DecisionResult {
  id: number;
  status: ProjectStatus;
  version: number;
  decisionId: number;
  checkId: number | null;
}

const AUDIT_ACTION: Record<Decision, string> = {
  approve: 'project.approved',
  reject: 'project.rejected',
  revise: 'project.revision_requested',
};

/**
 * A reviewer's decision on a submitted project, tied to the check it was based on. The row lock
 * (lockProject) makes two reviewers deciding at once queue: the second sees the project no longer
 * submitted and gets a 409. The comment also opens a thread on that check.
 */
export async function decideProject(
  pool: pg.Pool,
  reviewer: AuthUser,
  id: number,
  input: { decision: Decision; comment: string; version: number; ip?: string },
): Promise<DecisionResult> {
  return withTransaction(pool, async (client) => {
    const project = await lockProject(client, id);
    assertDecidable(project.status);
    assertNotArchived(project);
    assertVersion(input.version, project.version);
    const status = statusAfter(input.decision);
    const { rows } = await client.query<{ version: number }>(
      `UPDATE projects SET status = $2, version = version + 1, decided_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'submitted' RETURNING version`,
      [id, status],
    );
    const decisionRow = await client.query<{ id: number }>(
      `INSERT INTO decisions (project_id, check_id, reviewer_id, decision, comment) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [id, project.lastCheckId, reviewer.id, input.decision, input.comment],
    );
    const decisionId = decisionRow.rows[0].id;
    await client.query(
      `INSERT INTO comments (project_id, check_id, decision_id, author_id, body) VALUES ($1, $2, $3, $4, $5)`,
      [id, project.lastCheckId, decisionId, reviewer.id, input.comment],
    );
    await recordAudit(client, {
      action: AUDIT_ACTION[input.decision],
      actor: reviewer,
      projectId: id,
      detail: { decision: input.decision, comment: input.comment, checkId: project.lastCheckId, decisionId, status },
      ip: input.ip,
    });
    return { id, status, version: rows[0].version, decisionId, checkId: project.lastCheckId };
  });
}
