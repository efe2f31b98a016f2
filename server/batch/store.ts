import type pg from 'pg';
import type { BatchResultRow, BatchStatusView, BatchSummary, RowError } from '../../common/api/batch.ts';
import { VERDICTS } from '../../common/domain/verdict.ts';
import type { AuthUser } from '../auth/sessions.ts';
import type { CheckResult } from '../../common/api/check-result.ts';
import { withTransaction } from '../db/database.ts';
import type { Queryable } from '../db/types.ts';
import { conflict, notFound } from '../http/errors.ts';
import { getJob, insertJob, type JobRow, type JobStatus } from '../jobs/store.ts';
import type { PoolRow } from './read-pool.ts';

/** Batches are jobs of this kind; their sites are batch_rows (081_batch.sql). */
export const BATCH_JOB = 'batch';

export interface BatchParams {
  fileName: string;
  format: string;
  bufferM?: number;
  defaultType?: string;
}

const batchNotFound = (id: number | string) => notFound('BATCH_NOT_FOUND', `批次 ${id} 不存在`, `Batch ${id} does not exist`);

export const batchActive = (id?: number) =>
  conflict('BATCH_ACTIVE', '您已有一个正在核查的项目库批次：请等待完成或取消后再上传', 'You already have a batch being checked: wait for it to finish or cancel it before uploading another', id === undefined ? undefined : { id });

/** The user's queued or running batch, if any (one at a time per user). */
export async function activeBatchOf(db: Queryable, userId: number): Promise<number | undefined> {
  const { rows } = await db.query<{ id: number }>(`SELECT id FROM jobs WHERE kind = $1 AND owner_id = $2 AND status IN ('queued', 'running')`, [BATCH_JOB, userId]);
  return rows[0]?.id;
}

const INSERT_CHUNK = 500;

/** Stores a read pool as a queued batch: rows that could not be read count as done and failed from the start. */
export async function createBatch(pool: pg.Pool, owner: AuthUser, params: BatchParams, rows: PoolRow[]): Promise<JobRow> {
  try {
    return await withTransaction(pool, async (client) => {
      const unreadable = rows.filter((r) => r.error).length;
      const job = await insertJob(client, { kind: BATCH_JOB, ownerId: owner.id, params: { ...params }, total: rows.length, done: unreadable, failed: unreadable });
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
        const chunk = rows.slice(start, start + INSERT_CHUNK).map((r, i) => ({
          idx: start + i,
          name: r.name,
          project: r.project,
          geometry: r.geometry,
          status: r.error ? 'error' : 'pending',
          error: r.error,
        }));
        await client.query(
          `INSERT INTO batch_rows (job_id, idx, name, project, geometry, status, error)
           SELECT $1, idx, name, project, geometry, status, error
             FROM jsonb_to_recordset($2::jsonb) AS x(idx int, name text, project jsonb, geometry jsonb, status text, error jsonb)`,
          [job.id, JSON.stringify(chunk)],
        );
      }
      return job;
    });
  } catch (e) {
    // The unique index jobs_one_active_batch settles two uploads racing each other.
    if ((e as { code?: string }).code === '23505') throw batchActive();
    throw e;
  }
}

/** The batch, for a user who may see it: its owner, or an administrator (anyone else: 404, as if absent). */
export async function visibleBatch(db: Queryable, user: AuthUser, id: number): Promise<JobRow> {
  const job = await getJob(db, id);
  if (!job || job.kind !== BATCH_JOB || (job.ownerId !== user.id && user.role !== 'admin')) throw batchNotFound(id);
  return job;
}

export interface PendingRow {
  idx: number;
  name: string;
  project: Record<string, unknown>;
  geometry: GeoJSON.Geometry;
}

export async function pendingRows(db: Queryable, jobId: number, limit: number): Promise<PendingRow[]> {
  const { rows } = await db.query<PendingRow>(
    `SELECT idx, name, project, geometry FROM batch_rows WHERE job_id = $1 AND status = 'pending' ORDER BY idx LIMIT $2`,
    [jobId, limit],
  );
  return rows;
}

export type RowOutcome = { idx: number; result: CheckResult; error?: undefined } | { idx: number; result?: undefined; error: RowError };

/**
 * Records checked rows and advances the job's counters in one statement (they cannot disagree),
 * and returns the job's status: anything but 'running' tells the handler to stop.
 */
export async function saveRowOutcomes(db: Queryable, jobId: number, outcomes: RowOutcome[]): Promise<JobStatus | undefined> {
  const payload = outcomes.map((o) => ({
    idx: o.idx,
    status: o.error ? 'error' : 'done',
    verdict: o.result?.verdict ?? null,
    result: o.result ?? null,
    error: o.error ?? null,
  }));
  const { rows } = await db.query<{ status: JobStatus }>(
    `WITH saved AS (
       UPDATE batch_rows b SET status = x.status, verdict = x.verdict, result = x.result, error = x.error
         FROM jsonb_to_recordset($2::jsonb) AS x(idx int, status text, verdict text, result jsonb, error jsonb)
        WHERE b.job_id = $1 AND b.idx = x.idx AND b.status = 'pending'
        RETURNING b.status)
     UPDATE jobs SET done = done + (SELECT count(*) FROM saved), failed = failed + (SELECT count(*) FROM saved WHERE status = 'error')
      WHERE id = $1 RETURNING status`,
    [jobId, JSON.stringify(payload)],
  );
  return rows[0]?.status;
}

const VERDICT_KEYS = VERDICTS;

/**
 * Counts per verdict (and rows in error) and, per layer, the sites it gives a verdict on. The layer
 * counts read every stored result: while the batch runs (polled each second) they are left out, so
 * that progress polling does not compete with the checks for the database.
 */
async function batchSummary(db: Queryable, jobId: number, { withLayers = true } = {}): Promise<BatchSummary> {
  const verdictRows = await db.query<{ verdict: string | null; status: string; n: number }>(
    `SELECT verdict, status, count(*)::int AS n FROM batch_rows WHERE job_id = $1 AND status <> 'pending' GROUP BY verdict, status`,
    [jobId],
  );
  const verdicts = { prohibited: 0, conditional: 0, notice: 0, clear: 0, outside_coverage: 0, error: 0 };
  for (const r of verdictRows.rows) {
    if (r.status === 'error') verdicts.error += r.n;
    else if ((VERDICT_KEYS as readonly string[]).includes(r.verdict ?? '')) verdicts[r.verdict as (typeof VERDICT_KEYS)[number]] += r.n;
  }
  if (!withLayers) return { verdicts, layers: [] };
  const layerRows = await db.query<{ layerId: string; nameZh: string | null; nameEn: string | null; verdict: string; sites: number; overlapping: number }>(
    `SELECT l->>'layerId' AS "layerId", ly.name_zh AS "nameZh", ly.name_en AS "nameEn", l->>'verdict' AS verdict,
            count(*)::int AS sites, count(*) FILTER (WHERE (l->>'overlapAreaM2')::float8 > 0)::int AS overlapping
       FROM batch_rows b CROSS JOIN LATERAL jsonb_array_elements(b.result->'results') AS l
       LEFT JOIN layers ly ON ly.id = l->>'layerId'
      WHERE b.job_id = $1 AND b.status = 'done'
      GROUP BY 1, 2, 3, 4 ORDER BY 1`,
    [jobId],
  );
  const layers = new Map<string, BatchSummary['layers'][number]>();
  for (const r of layerRows.rows) {
    const layer = layers.get(r.layerId) ?? { layerId: r.layerId, nameZh: r.nameZh ?? r.layerId, nameEn: r.nameEn ?? r.layerId, sites: 0, overlapping: 0, verdicts: {} };
    layer.sites += r.sites;
    layer.overlapping += r.overlapping;
    layer.verdicts[r.verdict] = (layer.verdicts[r.verdict] ?? 0) + r.sites;
    layers.set(r.layerId, layer);
  }
  return { verdicts, layers: [...layers.values()] };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A batch as the API lists it (GET /api/batch); its status view adds the summary. */
function batchListing(job: JobRow): Omit<BatchStatusView, 'summary'> {
  return {
    id: job.id,
    status: job.status,
    total: job.total,
    done: job.done,
    failed: job.failed,
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    fileName: typeof job.params.fileName === 'string' ? job.params.fileName : null,
    ownerId: job.ownerId,
  };
}

export async function batchStatusView(db: Queryable, job: JobRow): Promise<BatchStatusView> {
  return {
    ...batchListing(job),
    summary: await batchSummary(db, job.id, { withLayers: job.status !== 'queued' && job.status !== 'running' }),
  };
}

export async function listBatches(db: Queryable, user: AuthUser): Promise<Omit<BatchStatusView, 'summary'>[]> {
  const { rows } = await db.query<JobRow>(
    `SELECT id, kind, owner_id AS "ownerId", status, params, total, done, failed, error,
            created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"
       FROM jobs WHERE kind = $1 AND ($2::bigint IS NULL OR owner_id = $2) ORDER BY id DESC LIMIT 100`,
    [BATCH_JOB, user.role === 'admin' ? null : user.id],
  );
  return rows.map(batchListing);
}

export interface StoredRow {
  idx: number;
  name: string | null;
  project: Record<string, unknown> | null;
  geometry: GeoJSON.Geometry | null;
  status: 'pending' | 'done' | 'error';
  result: CheckResult | null;
  error: RowError | null;
}

export async function storedRows(db: Queryable, jobId: number, opts: { indexes?: number[]; withGeometry?: boolean } = {}): Promise<StoredRow[]> {
  const { rows } = await db.query<StoredRow>(
    `SELECT idx, name, project, ${opts.withGeometry ? 'geometry' : 'NULL::jsonb AS geometry'}, status, result, error
       FROM batch_rows WHERE job_id = $1 AND ($2::int[] IS NULL OR idx = ANY($2)) ORDER BY idx`,
    [jobId, opts.indexes ?? null],
  );
  return rows;
}

/** The contract's row: the check's verdict and per-layer figures, or the row's error. */
export function resultRow(row: StoredRow): BatchResultRow {
  const r = row.result;
  return {
    index: row.idx,
    name: row.name,
    project: row.project,
    verdict: r?.verdict ?? null,
    siteAreaM2: r?.siteAreaM2 ?? null,
    results: (r?.results ?? []).map((l) => ({
      layerId: l.layerId,
      verdict: l.verdict,
      overlapAreaM2: l.overlapAreaM2,
      overlapPct: l.overlapPct,
      minDistanceM: l.minDistanceM,
      ruleIds: l.rules.map((rule) => rule.id),
    })),
    centroid: r?.centroid ?? null,
    error: row.error,
  };
}
