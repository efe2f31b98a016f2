import type { Verdict } from '../check/api-types.ts';
import type { ProjectComment as StoredComment } from '../../server/projects/comments.ts';
import type { CheckRun as StoredCheckRun } from '../../server/projects/check-runs.ts';
import type { ProjectView } from '../../server/projects/store.ts';
import type { ProjectStatus } from '../../server/projects/workflow.ts';

export type { Decision, ProjectStatus } from '../../server/projects/workflow.ts';

/** A server type as JSON delivers it: its Date fields arrive as ISO strings. */
type AsJson<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

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
}

export const EMPTY_FILTER: RegisterFilter = { status: '', verdict: '', type: '', township: '', q: '' };
