import type { CheckResult } from './check-result.ts';
import type { ProjectAttributes } from '../domain/development.ts';
import type { Decision, ProjectStatus } from '../domain/review.ts';
import type { Verdict } from '../domain/verdict.ts';

/**
 * The register's records as the server builds them. Over HTTP their Date fields arrive as ISO
 * strings: the client reads them through `AsJson`.
 */
export type AsJson<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** A project as the API returns it (GET /api/projects/:id adds `geometry`). */
export interface ProjectView {
  id: number;
  name: string;
  description: string | null;
  applicant: string | null;
  owner: { id: number; username: string };
  project: ProjectAttributes;
  status: ProjectStatus;
  version: number;
  township: string | null;
  /** Verdict of the latest stored check (every save of the site and every submission stores one; null for a draft never checked). */
  verdict: Verdict | null;
  lastCheckId: number | null;
  /** True when the site or its attributes changed after the latest stored check (选址已修改，待重新核查). */
  checkStale: boolean;
  /** Ellipsoidal area of the drawn site (0 for points and lines). */
  areaM2: number;
  /** A point on the site surface, [lon, lat]. */
  centroid: [number, number];
  /**
   * Set when the latest check is a re-check after a layer update (reason 'layer_update'): the
   * verdict of the latest check a person saw (save or submission) and whether the re-check changed it.
   */
  layerUpdate: { checkId: number; verdictBefore: Verdict | null; verdict: Verdict; verdictChanged: boolean } | null;
  lastDecision: { decision: Decision; comment: string; reviewer: string; at: string; checkId: number | null } | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  geometry?: GeoJSON.Geometry;
}

/** Why a check run was stored: a save of the site, a submission for review, or a re-check after a layer update. */
export type CheckRunReason = 'save' | 'submission' | 'layer_update';

/** One stored check of a project: what was checked, against which layer versions, and what it said. */
export interface CheckRun {
  id: number;
  projectId: number;
  /** The project version that was checked (the one saved, or the one submitted). */
  projectVersion: number;
  /** Why it ran: a save of the site (drafts, edits), a submission for review, or a re-check after a new layer version. */
  reason: CheckRunReason;
  verdict: Verdict;
  layerVersions: Record<string, number>;
  createdAt: Date;
  createdBy: string | null;
  /** The review decision taken on this check, if any. */
  decision: { decision: Decision; comment: string; reviewer: string; at: string } | null;
  result: CheckResult;
}

export interface ProjectComment {
  id: number;
  parentId: number | null;
  /** The check run the comment refers to (null when the project had no check yet). */
  checkId: number | null;
  /** Set when the comment is a reviewer's decision comment (审查意见). */
  decisionId: number | null;
  body: string;
  author: { id: number; username: string; role: string };
  createdAt: Date;
}
