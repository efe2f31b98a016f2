import type { CheckResult } from '../../common/api/check-result.ts';
import type { Queryable } from '../db/types.ts';
import type { CheckRun } from '../../common/api/projects.ts';

export type { CheckRun };

import type { CheckRunReason } from '../../common/api/projects.ts';
export type { CheckRunReason };

export async function insertCheckRun(
  db: Queryable,
  run: { projectId: number; projectVersion: number; /** null: the system (a re-check after a layer update). */
    userId: number | null; result: CheckResult; reason?: CheckRunReason },
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO check_runs (project_id, project_version, verdict, layer_versions, result, created_by, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [run.projectId, run.projectVersion, run.result.verdict, JSON.stringify(run.result.layerVersions), JSON.stringify(run.result), run.userId, run.reason ?? 'submission'],
  );
  return rows[0].id;
}

/** A project's check history, newest first. */
export async function listCheckRuns(db: Queryable, projectId: number): Promise<CheckRun[]> {
  const { rows } = await db.query<CheckRun>(
    `SELECT c.id, c.project_id AS "projectId", c.project_version AS "projectVersion", c.reason, c.verdict,
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
