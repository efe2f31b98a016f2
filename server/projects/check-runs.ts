import type { CheckResult } from '../../common/api/check-result.ts';
import type { Verdict } from '../../common/domain/verdict.ts';
import type { Queryable } from '../db/types.ts';
import type { Decision } from './workflow.ts';

/** One stored check of a project: what was checked, against which layer versions, and what it said. */
export interface CheckRun {
  id: number;
  projectId: number;
  /** The project version that was checked (the one submitted). */
  projectVersion: number;
  verdict: Verdict;
  layerVersions: Record<string, number>;
  createdAt: Date;
  createdBy: string | null;
  /** The review decision taken on this check, if any. */
  decision: { decision: Decision; comment: string; reviewer: string; at: string } | null;
  result: CheckResult;
}

export async function insertCheckRun(
  db: Queryable,
  run: { projectId: number; projectVersion: number; userId: number; result: CheckResult },
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO check_runs (project_id, project_version, verdict, layer_versions, result, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [run.projectId, run.projectVersion, run.result.verdict, JSON.stringify(run.result.layerVersions), JSON.stringify(run.result), run.userId],
  );
  return rows[0].id;
}

/** A project's check history, newest first. */
export async function listCheckRuns(db: Queryable, projectId: number): Promise<CheckRun[]> {
  const { rows } = await db.query<CheckRun>(
    `SELECT c.id, c.project_id AS "projectId", c.project_version AS "projectVersion", c.verdict,
            c.layer_versions AS "layerVersions", c.created_at AS "createdAt", u.username AS "createdBy",
            (SELECT json_build_object('decision', d.decision, 'comment', d.comment, 'reviewer', r.username,
                     'at', to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
               FROM decisions d JOIN users r ON r.id = d.reviewer_id
              WHERE d.check_id = c.id ORDER BY d.id DESC LIMIT 1) AS decision,
            c.result
       FROM check_runs c LEFT JOIN users u ON u.id = c.created_by
      WHERE c.project_id = $1
      ORDER BY c.id DESC`,
    [projectId],
  );
  return rows;
}

/** True when the check run exists and belongs to the project. */
export async function checkRunBelongsTo(db: Queryable, checkId: number, projectId: number): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM check_runs WHERE id = $1 AND project_id = $2', [checkId, projectId]);
  return rows.length > 0;
}
