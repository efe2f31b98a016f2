import type { RecheckJob } from '../../common/api/ledger.ts';
import type { Queryable } from '../db/types.ts';
import { insertJob } from '../jobs/store.ts';

/** Re-checks after a layer publish are jobs of this kind; their projects are recheck_items (090). */
export const RECHECK_JOB = 'layer_recheck';

export interface RecheckParams {
  layerId: string;
  version: number;
  /** Set once the job's projects are listed in recheck_items (the first step, done once). */
  seeded?: boolean;
}

/**
 * Queues the re-check of every project whose latest check used an earlier version of the layer.
 * Call inside the publishing transaction: the version and the job commit together, so no publish
 * is ever left without its re-check, even if the server dies right after.
 */
export async function enqueueRecheck(db: Queryable, params: { layerId: string; version: number; ownerId: number | null }): Promise<number> {
  const job = await insertJob(db, { kind: RECHECK_JOB, ownerId: params.ownerId, params: { layerId: params.layerId, version: params.version } });
  return job.id;
}

/**
 * Lists the job's projects, nearest first: priority 0 when the site meets a feature of the layer
 * that is not the same in the version the project was checked with and the new one.
 */
export async function seedRecheckItems(db: Queryable, jobId: number, { layerId, version }: RecheckParams): Promise<number> {
  await db.query(
    `INSERT INTO recheck_items (job_id, project_id, priority)
     SELECT $1, p.id,
            CASE WHEN EXISTS (
              SELECT 1 FROM features f
               WHERE f.layer_id = $2 AND f.version IN ((c.layer_versions->>$2)::int, $3) AND ST_Intersects(f.geom, p.geom)
                 AND NOT EXISTS (
                   SELECT 1 FROM features g
                    WHERE g.layer_id = $2 AND g.feature_key = f.feature_key AND g.level IS NOT DISTINCT FROM f.level
                      AND g.version = CASE WHEN f.version = $3 THEN (c.layer_versions->>$2)::int ELSE $3 END
                      AND ST_OrderingEquals(g.geom, f.geom))) THEN 0 ELSE 1 END
       FROM projects p JOIN check_runs c ON c.id = p.last_check_id
      WHERE (c.layer_versions->>$2)::int < $3
     ON CONFLICT DO NOTHING`,
    [jobId, layerId, version],
  );
  const { rows } = await db.query<{ n: number }>(
    `UPDATE jobs SET params = params || '{"seeded": true}', total = (SELECT count(*) FROM recheck_items WHERE job_id = $1)
      WHERE id = $1 RETURNING total AS n`,
    [jobId],
  );
  return rows[0]?.n ?? 0;
}

export async function pendingRecheckItems(db: Queryable, jobId: number, limit: number): Promise<number[]> {
  const { rows } = await db.query<{ project_id: number }>(
    `SELECT project_id FROM recheck_items WHERE job_id = $1 AND status = 'pending' ORDER BY priority, project_id LIMIT $2`,
    [jobId, limit],
  );
  return rows.map((r) => Number(r.project_id));
}

/** Marks one item finished and counts it in the job's progress (same transaction as its check run). */
export async function finishRecheckItem(
  db: Queryable,
  jobId: number,
  projectId: number,
  outcome: { status: 'done'; checkId: number; verdictBefore: string | null } | { status: 'skipped' } | { status: 'error'; error: unknown },
): Promise<void> {
  const { rowCount } = await db.query(
    `UPDATE recheck_items SET status = $3, check_id = $4, verdict_before = $5, error = $6
      WHERE job_id = $1 AND project_id = $2 AND status = 'pending'`,
    [jobId, projectId, outcome.status, outcome.status === 'done' ? outcome.checkId : null, outcome.status === 'done' ? outcome.verdictBefore : null,
      outcome.status === 'error' ? JSON.stringify(outcome.error) : null],
  );
  if (rowCount) await db.query(`UPDATE jobs SET done = done + 1, failed = failed + $2 WHERE id = $1`, [jobId, outcome.status === 'error' ? 1 : 0]);
}

/** Re-check jobs for the administrator's progress view, newest first. */
export async function listRecheckJobs(db: Queryable, limit = 50): Promise<RecheckJob[]> {
  const { rows } = await db.query<RecheckJob>(
    `SELECT j.id, j.params->>'layerId' AS "layerId", (j.params->>'version')::int AS version, j.status, j.total, j.done, j.failed,
            (SELECT count(*)::int FROM recheck_items i JOIN check_runs c ON c.id = i.check_id
              WHERE i.job_id = j.id AND c.verdict IS DISTINCT FROM i.verdict_before) AS "verdictChanged",
            to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
            to_char(j.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "finishedAt"
       FROM jobs j WHERE j.kind = $1 ORDER BY j.id DESC LIMIT $2`,
    [RECHECK_JOB, limit],
  );
  return rows;
}
