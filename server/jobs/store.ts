import type { Queryable } from '../db/types.ts';
import type { Bilingual } from '../http/errors.ts';

/** The state of one background job as the jobs table keeps it (080_jobs.sql). */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export const ACTIVE_JOB_STATUSES: readonly JobStatus[] = ['queued', 'running'];

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

/** Takes the oldest queued job of the given kinds and marks it running (SKIP LOCKED: safe with several runners). */
export async function claimNextJob(db: Queryable, kinds: string[]): Promise<JobRow | undefined> {
  const { rows } = await db.query<JobRow>(
    `UPDATE jobs SET status = 'running', started_at = coalesce(started_at, now())
      WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND kind = ANY($1) ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING ${COLUMNS}`,
    [kinds],
  );
  return rows[0];
}

/**
 * Jobs left 'running' by a server that stopped (or died) go back to the queue: their handler
 * resumes from the state it keeps in the database. Call once at start, before the runner claims work.
 */
export async function requeueInterruptedJobs(db: Queryable, kinds: string[]): Promise<number> {
  const { rowCount } = await db.query(`UPDATE jobs SET status = 'queued' WHERE status = 'running' AND kind = ANY($1)`, [kinds]);
  return rowCount ?? 0;
}

/** Ends a running job; a job cancelled meanwhile stays cancelled. */
export async function finishJob(db: Queryable, id: number, outcome: { status: 'done' | 'failed'; error?: { code: string; message: Bilingual } }): Promise<void> {
  await db.query(
    `UPDATE jobs SET status = $2, error = $3, finished_at = now() WHERE id = $1 AND status = 'running'`,
    [id, outcome.status, outcome.error ? JSON.stringify(outcome.error) : null],
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
