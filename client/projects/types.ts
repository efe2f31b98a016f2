import type { CheckResult, ProjectInput, Verdict } from '../check/api-types.ts';

/** The project API as JSON (server/projects/*: dates arrive as ISO strings). */
export type ProjectStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'revision_requested';
export type Decision = 'approve' | 'reject' | 'revise';

export const STATUSES: ProjectStatus[] = ['draft', 'submitted', 'revision_requested', 'approved', 'rejected'];
export const VERDICT_ORDER: Verdict[] = ['prohibited', 'conditional', 'notice', 'clear'];

export interface LastDecision {
  decision: Decision;
  comment: string;
  reviewer: string;
  at: string;
  checkId?: number | null;
}

/** GET /api/projects (rows) and /api/projects/:id (with geometry). */
export interface Project {
  id: number;
  name: string;
  description: string | null;
  applicant: string | null;
  owner: { id: number; username: string };
  project: ProjectInput;
  status: ProjectStatus;
  version: number;
  township: string | null;
  verdict: Verdict | null;
  lastCheckId: number | null;
  areaM2: number;
  centroid: [number, number];
  lastDecision: LastDecision | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  geometry?: GeoJSON.Geometry;
}

/** GET /api/projects/:id/checks (newest first). */
export interface CheckRun {
  id: number;
  projectId: number;
  projectVersion: number;
  verdict: Verdict;
  layerVersions: Record<string, number>;
  createdAt: string;
  createdBy: string | null;
  decision: LastDecision | null;
  result: CheckResult;
}

export interface ProjectComment {
  id: number;
  parentId: number | null;
  checkId: number | null;
  decisionId: number | null;
  body: string;
  author: { id: number; username: string; role: string };
  createdAt: string;
}

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
