import { notAuthenticated } from '../auth/roles.ts';
import type { AuthUser } from '../auth/sessions.ts';
import type { CheckResult } from '../../common/api/check-result.ts';
import type { ProjectAttributes } from '../../common/domain/development.ts';
import type { ReportReview } from '../../common/report/review-section.ts';
import type { Queryable } from '../db/types.ts';
import { notFound } from '../http/errors.ts';
import { assertCanView } from '../projects/access.ts';

/**
 * What a report of a stored check run prints from the register rather than from the request: the
 * check result as stored, the project's name and attributes, and the 审查意见 taken on that run.
 * The review must never come from the caller — a report carrying it looks official.
 */
export interface StoredCheckReport {
  result: CheckResult;
  project: ProjectAttributes;
  siteName: string;
  review: ReportReview | null;
}

export const unknownCheck = (checkId: number) =>
  notFound('UNKNOWN_CHECK', `核查记录不存在：${checkId}`, `No such check run: ${checkId}`);

interface StoredRunRow {
  result: CheckResult;
  projectId: number;
  ownerId: number;
  siteName: string;
  project: ProjectAttributes;
  /** The latest decision on this run (as GET /api/projects/:id/checks lists it). */
  decision: Pick<ReportReview, 'decision' | 'comment' | 'reviewer' | 'at'> | null;
}

/**
 * Loads check run `checkId` for a report, as `user` may read it: a login is needed (401), the run
 * must exist (404) and its project must be one the user sees (403, as GET /api/projects/:id).
 * The project's current name and attributes are used, as its page shows them.
 */
export async function loadStoredCheckReport(db: Queryable, user: AuthUser | null, checkId: number): Promise<StoredCheckReport> {
  if (!user) throw notAuthenticated();
  const { rows } = await db.query<StoredRunRow>(
    `SELECT c.result, p.id AS "projectId", p.owner_id AS "ownerId", p.name AS "siteName",
            p.attributes || CASE WHEN p.width_m IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('widthM', p.width_m) END AS project,
            (SELECT json_build_object('decision', d.decision, 'comment', d.comment, 'reviewer', r.username,
                     'at', to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
               FROM decisions d JOIN users r ON r.id = d.reviewer_id
              WHERE d.check_id = c.id ORDER BY d.id DESC LIMIT 1) AS decision
       FROM check_runs c JOIN projects p ON p.id = c.project_id
      WHERE c.id = $1`,
    [checkId],
  );
  const row = rows[0];
  if (!row) throw unknownCheck(checkId);
  assertCanView(user, row);
  return {
    result: row.result,
    project: row.project,
    siteName: row.siteName,
    review: row.decision ? { ...row.decision, projectId: row.projectId, projectName: row.siteName, checkId } : null,
  };
}
