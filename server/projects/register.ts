import { PROJECT_TYPES } from '../../common/domain/development.ts';
import { VERDICTS } from '../../common/domain/verdict.ts';
import type { AuthUser } from '../auth/sessions.ts';
import type { Queryable } from '../db/types.ts';
import { badRequest } from '../http/errors.ts';
import { seesAllProjects } from './access.ts';
import { projectSelect, VERDICT_CHANGED_BY_LAYER_UPDATE, type ProjectView } from './store.ts';
import { STATUSES } from '../../common/domain/review.ts';
import { isStatus } from './workflow.ts';
import { reviewQueues, type QueueRow } from './queues.ts';
import { isOverdue, workingDaysBetween } from '../../common/domain/working-days.ts';
import type { ReviewQueues } from '../../common/api/projects.ts';

/** Filters of the register (项目台账): GET /api/projects?status=&verdict=&type=&q=&township=&limit=&offset= */
export interface RegisterFilter {
  status?: string;
  /** A verdict, or 'none' for projects never checked. */
  verdict?: string;
  type?: string;
  q?: string;
  township?: string;
  /** 'changed': only projects whose verdict a layer update changed (图层更新导致结论变化). */
  layerUpdate?: 'changed';
  /** Archived projects: left out (default), included ('true'), or the only ones shown ('only'). */
  archived: 'exclude' | 'include' | 'only';
  limit: number;
  offset: number;
}

export const MAX_PAGE = 5000;

function single(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest('BAD_FILTER', `参数 ${name} 只能给一次`, `Give ${name} once`, { field: name });
  return value;
}

function oneOf(value: string | undefined, allowed: readonly string[], name: string): string | undefined {
  if (value !== undefined && !allowed.includes(value)) {
    throw badRequest('BAD_FILTER', `${name} 的取值无效：${value}`, `Invalid ${name}: ${value}`, { field: name, allowed });
  }
  return value;
}

function count(value: string | undefined, fallback: number, max: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0 || n > max) {
    throw badRequest('BAD_FILTER', `${name} 应为 0–${max} 的整数`, `${name} must be an integer from 0 to ${max}`, { field: name });
  }
  return n;
}

export function parseRegisterFilter(query: Record<string, unknown>): RegisterFilter {
  const status = oneOf(single(query.status, 'status'), STATUSES, 'status');
  const verdict = oneOf(single(query.verdict, 'verdict'), [...VERDICTS, 'none'], 'verdict');
  const type = oneOf(single(query.type, 'type'), PROJECT_TYPES, 'type');
  const q = single(query.q, 'q')?.trim().slice(0, 200) || undefined;
  const township = single(query.township, 'township');
  const layerUpdate = oneOf(single(query.layerUpdate, 'layerUpdate'), ['changed'], 'layerUpdate') as 'changed' | undefined;
  const archived = oneOf(single(query.archived, 'archived'), ['true', 'false', 'only'], 'archived');
  return {
    layerUpdate,
    archived: archived === 'true' ? 'include' : archived === 'only' ? 'only' : 'exclude',
    status: status && isStatus(status) ? status : undefined,
    verdict,
    type,
    q,
    township,
    limit: count(single(query.limit, 'limit'), 500, MAX_PAGE, 'limit'),
    offset: count(single(query.offset, 'offset'), 0, Number.MAX_SAFE_INTEGER, 'offset'),
  };
}

const REGISTER_WHERE = `
      WHERE ($1::bigint IS NULL OR p.owner_id = $1)
        AND ($2::text IS NULL OR p.status = $2)
        AND ($3::text IS NULL OR ($3 = 'none' AND c.verdict IS NULL) OR c.verdict = $3)
        AND ($4::text IS NULL OR p.attributes->>'type' = $4)
        AND ($5::text IS NULL OR strpos(lower(concat_ws(' ', p.name, p.description, p.applicant, p.builder, p.project_code, p.township, o.username)), lower($5)) > 0)
        AND ($6::text IS NULL OR p.township = $6)
        AND CASE $7::text WHEN 'exclude' THEN p.archived_at IS NULL WHEN 'only' THEN p.archived_at IS NOT NULL ELSE true END
        AND ($8::boolean IS NULL OR ${VERDICT_CHANGED_BY_LAYER_UPDATE})`;

/** The register rows a user may see (applicants: their own), newest first, with the total before paging. */
export async function listProjects(
  db: Queryable,
  viewer: AuthUser,
  filter: RegisterFilter,
  { withGeometry = false } = {},
): Promise<{ items: ProjectView[]; total: number }> {
  const params = [
    seesAllProjects(viewer) ? null : viewer.id,
    filter.status ?? null,
    filter.verdict ?? null,
    filter.type ?? null,
    filter.q ?? null,
    filter.township ?? null,
    filter.archived,
    filter.layerUpdate === 'changed' ? true : null,
  ];
  const { rows } = await db.query<ProjectView & { total: number }>(
    `${projectSelect({ withGeometry, withTotal: true })} ${REGISTER_WHERE}
      ORDER BY p.updated_at DESC, p.id DESC
      LIMIT $9 OFFSET $10`,
    [...params, filter.limit, filter.offset],
  );
  // A page past the end has no row to carry the total: count separately.
  const total =
    rows[0]?.total ??
    (filter.offset > 0
      ? (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM projects p JOIN users o ON o.id = p.owner_id
               LEFT JOIN check_runs c ON c.id = p.last_check_id ${REGISTER_WHERE}`,
            params,
          )
        ).rows[0].n
      : 0);
  return { items: rows.map(({ total: _t, ...p }) => p as ProjectView), total };
}

/** Adds the review clock to a view: working days waited since submission, and whether overdue. */
export function withReviewClock<T extends ProjectView>(p: T, now: Date, deadlineWorkingDays: number): T {
  const waited = p.status === 'submitted' && p.submittedAt ? workingDaysBetween(new Date(p.submittedAt), now) : null;
  return { ...p, waitingWorkingDays: waited, overdue: waited !== null && isOverdue(waited, deadlineWorkingDays) };
}

export interface Dashboard {
  total: number;
  queues: ReviewQueues;
  byStatus: Record<string, number>;
  /** Latest stored verdict per project; `none` = never checked. */
  byVerdict: Record<string, number>;
  byTownship: { township: string | null; count: number }[];
}

/**
 * Counts and queue figures for the dashboard, over the projects the user may see (archived ones
 * left out), at `now` (a parameter so tests can fix the clock).
 */
export async function dashboardCounts(
  db: Queryable,
  viewer: AuthUser,
  { now = new Date(), deadlineWorkingDays }: { now?: Date; deadlineWorkingDays: number },
): Promise<Dashboard> {
  const { rows: projects } = await db.query<QueueRow & { township: string | null }>(
    `SELECT p.status, c.verdict, p.township, ST_Area(p.geom::geography) AS "areaM2",
            p.submitted_at AS "submittedAt", p.decided_at AS "decidedAt",
            (SELECT min(s.created_at) FROM check_runs s WHERE s.project_id = p.id AND s.reason = 'submission') AS "firstSubmittedAt"
       FROM projects p LEFT JOIN check_runs c ON c.id = p.last_check_id
      WHERE ($1::bigint IS NULL OR p.owner_id = $1) AND p.archived_at IS NULL`,
    [seesAllProjects(viewer) ? null : viewer.id],
  );
  const rows = projects.map((p) => ({ ...p, n: 1 }));
  const byStatus: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  const byVerdict: Record<string, number> = Object.fromEntries([...VERDICTS, 'none'].map((v) => [v, 0]));
  const townships = new Map<string | null, number>();
  let total = 0;
  for (const r of rows) {
    total += r.n;
    byStatus[r.status] += r.n;
    byVerdict[r.verdict ?? 'none'] += r.n;
    townships.set(r.township, (townships.get(r.township) ?? 0) + r.n);
  }
  const byTownship = [...townships].map(([township, n]) => ({ township, count: n })).sort((a, b) => b.count - a.count);
  return { total, queues: reviewQueues(projects, now, deadlineWorkingDays), byStatus, byVerdict, byTownship };
}
