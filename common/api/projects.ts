import { z } from 'zod';
import type { CheckResult } from './check-result.ts';
import type { ProjectAttributes } from '../domain/development.ts';
import type { Decision, ProjectStatus } from '../domain/review.ts';
import type { Verdict } from '../domain/verdict.ts';

/**
 * The register's records as the server builds them. Over HTTP their Date fields arrive as ISO
 * strings: the client reads them through `AsJson`.
 */
export type AsJson<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/**
 * The record a bureau keeps of a project besides its name, 申请单位 (applicant) and description
 * (issue 19). Text fields are free text as the applicant writes them; investment in 万元.
 */
export const RECORD_TEXT_FIELDS = ['builder', 'projectCode', 'contactName', 'contactPhone', 'landUse'] as const;
export type RecordTextField = (typeof RECORD_TEXT_FIELDS)[number];
export const RECORD_TEXT_MAX: Record<RecordTextField, number> = { builder: 200, projectCode: 100, contactName: 100, contactPhone: 50, landUse: 100 };
/** 总投资 (万元): up to 10^12 万元 — far above any project, below numeric(16,2)'s range. */
export const MAX_INVESTMENT_WAN = 1e12;

export type ProjectRecord = Record<RecordTextField, string | null> & { investmentWan: number | null };

/** A project as the API returns it (GET /api/projects/:id adds `geometry`). */
export interface ProjectView extends ProjectRecord {
  id: number;
  name: string;
  description: string | null;
  applicant: string | null;
  /** Set when an administrator archived it: out of the default register and dashboard, never deleted. */
  archivedAt: Date | null;
  /** Working days the project has waited for a decision (submitted ones; null otherwise), and whether past the deadline. */
  waitingWorkingDays?: number | null;
  overdue?: boolean;
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
  lastDecision: { decision: Decision; comment: string; reviewer: string; at: string; checkId: number | null } | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  geometry?: GeoJSON.Geometry;
}

/** Why a check run was stored: a save of the site, or a submission for review. */
export type CheckRunReason = 'save' | 'submission';

/** One stored check of a project: what was checked, against which layer versions, and what it said. */
export interface CheckRun {
  id: number;
  projectId: number;
  /** The project version that was checked (the one saved, or the one submitted). */
  projectVersion: number;
  /** Why it ran: a save of the site (drafts, edits) or a submission for review. */
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

const idParam = z.string().regex(/^\d{1,15}$/, { error: '编号应为正整数 / The id must be a positive integer' });
export const projectIdParamsSchema = z.strictObject({ id: idParam });
export const attachmentParamsSchema = z.strictObject({ id: idParam, attachmentId: idParam });

/** Form fields of POST /api/projects/:id/attachments besides the file: the comment it belongs to, if any. */
export const attachmentUploadFieldsSchema = z.strictObject({ commentId: idParam.optional() });

/** Media types an attachment may have, as detected from its content (论证材料, scans, Office files). */
export const ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword',
  'application/vnd.ms-excel',
] as const;

export const attachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  size: z.number().int(),
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentListItemSchema = attachmentSchema.extend({
  commentId: z.number().int().nullable(),
  uploadedBy: z.string(),
  createdAt: z.string(),
});
export type AttachmentListItem = z.infer<typeof attachmentListItemSchema>;
export const attachmentListSchema = z.array(attachmentListItemSchema);

/** POST /api/projects/:id/archive and /unarchive answer with the project's archive state. */
export const archiveResultSchema = z.object({ id: z.number().int(), archivedAt: z.string().nullable() });
export type ArchiveResult = z.infer<typeof archiveResultSchema>;

/** The dashboard's oversight figures (issue 19): all in working days against the review deadline. */
export interface ReviewQueues {
  /** REVIEW_DEADLINE_WORKING_DAYS: working days a review may take after its (latest) submission. */
  deadlineWorkingDays: number;
  /** Projects waiting for a decision (submitted). */
  waiting: { count: number; overdue: number; meanWorkingDays: number | null; maxWorkingDays: number | null };
  /** Decisions taken on the latest submission: how long they took, and how many past the deadline. */
  decided: { count: number; late: number; meanWorkingDays: number | null };
  /** Site area (公顷) by latest verdict; `none` = never checked. */
  areaHaByVerdict: Record<string, number>;
  /** First submissions per month (China time), the last 12 months, oldest first. */
  monthlyIntake: { month: string; count: number }[];
}
