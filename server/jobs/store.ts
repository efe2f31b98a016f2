import type { Queryable } from '../db/types.ts';
import type { Bilingual } from '../http/errors.ts';

/** The state of one background job as the jobs table keeps it (080_jobs.sql). */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobRow {
  id: number;
  kind: string;
  ownerId: number | null;
  status: JobStatus;
  params: Record<string, unknown>;
  total: number;
  done: number;
  failed: number;
  error: { code: string; message: Bilingual } | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const COLUMNS = `id, kind, owner_id AS "ownerId", status, params, total, done, failed, error,
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

export async function insertJob(
  db: Queryable,
  job: { kind: string; ownerId: number | null; params?: Record<string, unknown>; total?: number; done?: number; failed?: number },
): Promise<JobRow> {
  const { rows } = await db.query<JobRow>(
    `INSERT INTO jobs (kind, owner_id, params, total, done, failed) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [job.kind, job.ownerId, JSON.stringify(job.params ?? {}), job.total ?? 0, job.done ?? 0, job.failed ?? 0],
  );
  return rows[0];
}

export async function getJob(db: Queryable, id: number): Promise<JobRow | undefined> {
  const { rows } = await db.query<JobRow>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id]);
  return rows[0];
}

/**
 * Takes the oldest claimable job of the given kinds for `owner` and marks it running under a lease
 * of `leaseMs`: a queued job, or a running one whose lease ran out (its instance died or stopped
 * mid-job). FOR UPDATE SKIP LOCKED: two instances claiming at once take different jobs. A lease
 * that ends now is over (`<=`): a job handed back (releaseJob, expireAllLeases set it to now()) is
 * claimable at once — PGlite's clock ticks in milliseconds, and a claim in the same one missed it.
 */
export async function claimNextJob(db: Queryable, kinds: string[], owner: string, leaseMs: number): Promise<JobRow | undefined> {
  const { rows } = await db.query<JobRow>(
    `UPDATE jobs SET status = 'running', started_at = coalesce(started_at, now()),
            lease_owner = $2, lease_until = now() + $3 * interval '1 millisecond'
      WHERE id = (SELECT id FROM jobs
                   WHERE kind = ANY($1)
                     AND (status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until <= now())))
                   ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING ${COLUMNS}`,
    [kinds, owner, leaseMs],
  );
  return rows[0];
}

/**
 * Extends the leases `owner` holds on running jobs (the heartbeat). Returns the ids still held: a
 * job missing from it was taken over (its lease ran out) or ended (cancelled), and must stop here.
 */
export async function renewLeases(db: Queryable, owner: string, ids: number[], leaseMs: number): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: number }>(
    `UPDATE jobs SET lease_until = now() + $3 * interval '1 millisecond'
      WHERE id = ANY($2) AND lease_owner = $1 AND status = 'running' RETURNING id`,
    [owner, ids, leaseMs],
  );
  return new Set(rows.map((r) => Number(r.id)));
}

/**
 * Lets go of a job without finishing it (a graceful stop at a resumable point): the lease ends now,
 * so any instance — this one after a restart, or another — claims and resumes it at once.
 */
export async function releaseJob(db: Queryable, id: number, owner: string): Promise<void> {
  await db.query(`UPDATE jobs SET lease_until = now() WHERE id = $1 AND lease_owner = $2 AND status = 'running'`, [id, owner]);
}

/**
 * Embedded database only (one process by construction: PGlite's data directory has one server):
 * the leases of jobs left 'running' by a crash end now instead of when they run out.
 */
export async function expireAllLeases(db: Queryable, kinds: string[]): Promise<number> {
  const { rowCount } = await db.query(`UPDATE jobs SET lease_until = now() WHERE status = 'running' AND kind = ANY($1)`, [kinds]);
  return rowCount ?? 0;
}

/** Ends a running job held by `owner`; a job cancelled or taken over meanwhile is left as it is. */
export async function finishJob(
  db: Queryable,
  id: number,
  owner: string,
  outcome: { status: 'done' | 'failed'; error?: { code: string; message: Bilingual } },
): Promise<void> {
  await db.query(
    `UPDATE jobs SET status = $2, error = $3, finished_at = now(), lease_until = NULL
      WHERE id = $1 AND status = 'running' AND lease_owner = $4`,
    [id, outcome.status, outcome.error ? JSON.stringify(outcome.error) : null, owner],
  );
}

/** Cancels a queued or running job; true when it was active. */
export async function cancelJob(db: Queryable, id: number): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE jobs SET status = 'cancelled', finished_at = now() WHERE id = $1 AND status IN ('queued', 'running')`,
    [id],
  );
  return (rowCount ?? 0) > 0;
}

/** Deletes a job that is no longer active (its items go with it by ON DELETE CASCADE). */
export async function deleteJob(db: Queryable, id: number): Promise<boolean> {
  const { rowCount } = await db.query(`DELETE FROM jobs WHERE id = $1 AND status NOT IN ('queued', 'running')`, [id]);
  return (rowCount ?? 0) > 0;
}

/** The job's status now: a handler asks between pieces of work whether to go on. */
export async function jobStatus(db: Queryable, id: number): Promise<JobStatus | undefined> {
  const { rows } = await db.query<{ status: JobStatus }>('SELECT status FROM jobs WHERE id = $1', [id]);
  return rows[0]?.status;
}
