import type { Verdict } from '../check/api-types.ts';
import type { AsJson, CheckRun as StoredCheckRun, ProjectComment as StoredComment, ProjectView, ReviewQueues } from '../../common/api/projects.ts';
import type { ProjectStatus } from '../../common/domain/review.ts';

export type { Decision, ProjectStatus } from '../../common/domain/review.ts';

/** Register order of the statuses (the server's list is in workflow order). */
export const STATUSES: ProjectStatus[] = ['draft', 'submitted', 'revision_requested', 'approved', 'rejected'];
export const VERDICT_ORDER: Verdict[] = ['prohibited', 'conditional', 'notice', 'clear'];

export type LastDecision = NonNullable<ProjectView['lastDecision']>;

/** GET /api/projects (rows) and /api/projects/:id (with geometry). */
export type Project = AsJson<ProjectView>;

/** GET /api/projects/:id/checks (newest first). */
export type CheckRun = AsJson<StoredCheckRun>;

export type ProjectComment = AsJson<StoredComment>;

export interface AuditEntry {
  id: number;
  action: string;
  actor: string | null;
  at: string;
  detail: Record<string, unknown>;
  ip?: string | null;
}

/** GET /api/dashboard */
export interface Dashboard {
  total: number;
  queues: ReviewQueues;
  byStatus: Record<ProjectStatus, number>;
  byVerdict: Record<Verdict | 'none', number>;
  byTownship: { township: string | null; count: number }[];
}

/** Register filters (GET /api/projects query). */
export interface RegisterFilter {
  status: string;
  verdict: string;
  type: string;
  township: string;
  q: string;
  /** '' = archived projects left out; 'true' = included; 'only' = only them. */
  archived: string;
}

export const EMPTY_FILTER: RegisterFilter = { status: '', verdict: '', type: '', township: '', q: '', archived: '' };
