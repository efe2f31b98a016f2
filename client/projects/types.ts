import type { Verdict } from '../../common/domain/verdict.ts';
import type { AsJson, CheckRun as StoredCheckRun, ProjectComment as StoredComment, ProjectView } from '../../common/api/projects.ts';
import type { ProjectStatus } from '../../common/domain/review.ts';

/** Register order of the statuses (the server's list is in workflow order). */
export const STATUSES: ProjectStatus[] = ['draft', 'submitted', 'revision_requested', 'approved', 'rejected'];
export const VERDICT_ORDER: Verdict[] = ['prohibited', 'conditional', 'notice', 'clear'];

/** GET /api/projects (rows) and /api/projects/:id (with geometry). */
export type Project = AsJson<ProjectView>;

/** GET /api/projects/:id/checks (newest first). */
export type CheckRun = AsJson<StoredCheckRun>;

export type ProjectComment = AsJson<StoredComment>;

/** Register filters (GET /api/projects query). */
export interface RegisterFilter {
  status: string;
  verdict: string;
  type: string;
  township: string;
  q: string;
  /** 'changed': only projects whose verdict a layer update changed. */
  layerUpdate: string;
  /** '' = archived projects left out; 'true' = included; 'only' = only them. */
  archived: string;
}

export const EMPTY_FILTER: RegisterFilter = { status: '', verdict: '', type: '', township: '', q: '', layerUpdate: '', archived: '' };
