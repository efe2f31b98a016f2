import { z } from 'zod';
import { checkRequestBody, projectInputSchema, siteGeometry } from './check.ts';
import { domainChecked } from './domain-checked.ts';
import { DECISIONS, STATUSES } from '../domain/review.ts';
import { VERDICTS } from '../domain/verdict.ts';
import { PROJECT_FLAGS, PROJECT_TYPES, type ProjectFlag } from '../domain/development.ts';
import { checkResultSchema, geoJsonGeometry } from './check-result.ts';

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

/** Why a check run was stored: a save of the site, a submission for review, or a re-check after a layer update. */
const checkRunReason = z.enum(['save', 'submission', 'layer_update']);
export type CheckRunReason = z.infer<typeof checkRunReason>;

/** Dates are Date where the server builds a record and ISO strings on the wire (AsJson): the schemas describe the wire. */
type WithDates<T, K extends keyof T> = Omit<T, K> & { [P in K]: null extends T[P] ? Date | null : Date };

const projectAttributes = z.strictObject({
  type: z.enum(PROJECT_TYPES),
  widthM: z.number().optional(),
  ...(Object.fromEntries(PROJECT_FLAGS.map((flag) => [flag, z.boolean()])) as Record<ProjectFlag, z.ZodBoolean>),
});

/** A project as the API returns it (GET /api/projects/:id adds `geometry`). */
export const projectViewResponse = z
  .strictObject({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    applicant: z.string().nullable(),
    ...(Object.fromEntries(RECORD_TEXT_FIELDS.map((field) => [field, z.string().nullable()])) as Record<RecordTextField, z.ZodNullable<z.ZodString>>),
    investmentWan: z.number().nullable(),
    /** Set when an administrator archived it: out of the default register and dashboard, never deleted. */
    archivedAt: z.string().nullable(),
    /** Working days the project has waited for a decision (submitted ones; null otherwise), and whether past the deadline. */
    waitingWorkingDays: z.number().nullable().optional(),
    overdue: z.boolean().optional(),
    owner: z.strictObject({ id: z.number().int(), username: z.string() }),
    project: projectAttributes,
    status: z.enum(STATUSES),
    version: z.number().int(),
    township: z.string().nullable(),
    /** Verdict of the latest stored check (every save of the site and every submission stores one; null for a draft never checked). */
    verdict: z.enum(VERDICTS).nullable(),
    lastCheckId: z.number().int().nullable(),
    /** True when the site or its attributes changed after the latest stored check (选址已修改，待重新核查). */
    checkStale: z.boolean(),
    /** Ellipsoidal area of the drawn site (0 for points and lines). */
    areaM2: z.number(),
    /** A point on the site surface, [lon, lat]. */
    centroid: z.tuple([z.number(), z.number()]),
    /**
     * Set when the latest check is a re-check after a layer update (reason 'layer_update'): the
     * verdict of the latest check a person saw (save or submission) and whether the re-check changed it.
     */
    layerUpdate: z.strictObject({ checkId: z.number().int(), verdictBefore: z.enum(VERDICTS).nullable(), verdict: z.enum(VERDICTS), verdictChanged: z.boolean() }).nullable(),
    lastDecision: z.strictObject({ decision: z.enum(DECISIONS), comment: z.string(), reviewer: z.string(), at: z.string(), checkId: z.number().int().nullable() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    geometry: geoJsonGeometry.optional(),
  })
  .meta({ description: '项目 / Project' });
export type ProjectView = WithDates<z.infer<typeof projectViewResponse>, 'archivedAt' | 'createdAt' | 'updatedAt' | 'submittedAt' | 'decidedAt'>;

/** One stored check of a project (GET /api/projects/:id/checks): what was checked, against which layer versions, and what it said. */
export const checkRunResponse = z
  .strictObject({
    id: z.number().int(),
    projectId: z.number().int(),
    /** The project version that was checked (the one saved, or the one submitted). */
    projectVersion: z.number().int(),
    /** Why it ran: a save of the site (drafts, edits), a submission for review, or a re-check after a new layer version. */
    reason: checkRunReason,
    verdict: z.enum(VERDICTS),
    layerVersions: z.record(z.string(), z.number().int()),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    /** The review decision taken on this check, if any. */
    decision: z.strictObject({ decision: z.enum(DECISIONS), comment: z.string(), reviewer: z.string(), at: z.string() }).nullable(),
    result: checkResultSchema,
  })
  .meta({ description: '核查记录 / Stored check run' });
export type CheckRun = WithDates<z.infer<typeof checkRunResponse>, 'createdAt'>;

/** A comment on a project (意见; a reviewer's decision comment is one too). */
export const commentResponse = z
  .strictObject({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    /** The check run the comment refers to (null when the project had no check yet). */
    checkId: z.number().int().nullable(),
    /** Set when the comment is a reviewer's decision comment (审查意见). */
    decisionId: z.number().int().nullable(),
    body: z.string(),
    author: z.strictObject({ id: z.number().int(), username: z.string(), role: z.string() }),
    createdAt: z.string(),
  })
  .meta({ description: '意见 / Comment' });
export type ProjectComment = WithDates<z.infer<typeof commentResponse>, 'createdAt'>;

/* ---- Requests and register views, as schemas (validated by the server, typed on the client) ---- */

/** Project ids in paths: digits only; anything else is a 404 like an unknown id. */
export const projectParams = z.object({ id: domainChecked(z.string().regex(/^\d{1,15}$/), '项目编号 / Project id') });

const optionalText = (max: number) => domainChecked(z.string().max(max).nullable()).optional();
const projectFields = {
  name: domainChecked(z.string().min(1).max(200), '项目名称 / Project name'),
  geometry: siteGeometry,
  project: domainChecked(projectInputSchema, '项目信息 / The project'),
  description: optionalText(5000),
  applicant: optionalText(200),
};

/** POST /api/projects: a draft with its site (unknown fields are refused with UNKNOWN_FIELD). */
export const newProjectBody = z.looseObject(projectFields);
export type NewProjectBody = z.infer<typeof newProjectBody>;

const version = domainChecked(z.number().int().min(1), '项目版本（乐观锁） / Project version (optimistic locking)');

/** PATCH /api/projects/:id: `version` required, the rest optional (null clears a text). */
export const projectChangeBody = z.looseObject({
  version,
  name: projectFields.name.optional(),
  geometry: siteGeometry.optional(),
  project: projectFields.project.optional(),
  description: projectFields.description,
  applicant: projectFields.applicant,
});
export type ProjectChangeBody = z.infer<typeof projectChangeBody>;

export const submitBody = z.looseObject({ version, bufferM: checkRequestBody.shape.bufferM.optional() });
export const submitResponse = z.looseObject({ status: z.enum(STATUSES), version: z.number().int(), checkId: z.number().int() });
export type SubmitResponse = z.infer<typeof submitResponse>;

export const decisionBody = z.looseObject({
  decision: domainChecked(z.enum(DECISIONS), '审查决定 / Decision'),
  comment: domainChecked(z.string().max(5000), '审查意见 / Comment'),
  version,
});
export const decisionResponse = z.looseObject({ status: z.enum(STATUSES), version: z.number().int() });
export type DecisionResponse = z.infer<typeof decisionResponse>;

export const commentBody = z.looseObject({
  body: domainChecked(z.string().min(1).max(5000), '意见内容 / Comment text'),
  parentId: domainChecked(z.number().int().min(1)).optional(),
  checkId: domainChecked(z.number().int().min(1)).optional(),
});

/** GET /api/projects, /api/projects.xlsx, /api/projects.geojson: the register's filters and page. */
export const registerQuery = z.looseObject({
  status: domainChecked(z.enum(STATUSES)).optional(),
  verdict: domainChecked(z.enum([...VERDICTS, 'none'])).optional(),
  type: domainChecked(z.enum(PROJECT_TYPES)).optional(),
  township: domainChecked(z.string()).optional(),
  q: domainChecked(z.string().max(200), '名称检索 / Name search').optional(),
  limit: domainChecked(z.string().regex(/^\d+$/), '每页条数（≤ 5000） / Page size (≤ 5000)').optional(),
  offset: domainChecked(z.string().regex(/^\d+$/)).optional(),
  /** 'changed': only projects whose verdict a layer update changed (issue 14). */
  layerUpdate: domainChecked(z.enum(['changed'])).optional(),
  /** Archived projects: left out by default; 'true' includes them, 'only' shows only them (issue 19). */
  archived: domainChecked(z.enum(['true', 'false', 'only'])).optional(),
});

/** GET /api/dashboard: counts over the projects the user may see. */
export const dashboardSchema = z.object({
  total: z.number().int(),
  queues: z.lazy(() => reviewQueuesSchema),
  byStatus: z.record(z.enum(STATUSES), z.number().int()),
  /** Latest stored verdict per project; `none` = never checked. */
  byVerdict: z.record(z.enum([...VERDICTS, 'none']), z.number().int()),
  byTownship: z.array(z.object({ township: z.string().nullable(), count: z.number().int() })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** A row of the audit log (GET /api/audit, GET /api/projects/:id/audit); `ip` only for reviewers and administrators. */
export const auditEntrySchema = z.object({
  id: z.number().int(),
  action: z.string(),
  actor: z.string().nullable(),
  actorId: z.number().int().nullable().optional(),
  at: z.string(),
  detail: z.record(z.string(), z.unknown()),
  projectId: z.number().int().nullable().optional(),
  ip: z.string().nullable().optional(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditQuery = z.looseObject({
  action: z.string().max(100).optional(),
  limit: domainChecked(z.string().regex(/^\d+$/), '1–1000（默认 200）').optional(),
  beforeId: domainChecked(z.string().regex(/^\d+$/)).optional(),
});


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

/** The file picker's filter for the same types (the server still decides by content). */
export const ATTACHMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.doc,.docx,.xls,.xlsx';

export const attachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  size: z.number().int(),
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Attachment = z.infer<typeof attachmentSchema>;

const attachmentListItemSchema = attachmentSchema.extend({
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
const reviewQueuesSchema = z.object({
  /** REVIEW_DEADLINE_WORKING_DAYS: working days a review may take after its (latest) submission. */
  deadlineWorkingDays: z.number().int(),
  /** Projects waiting for a decision (submitted). */
  waiting: z.object({ count: z.number().int(), overdue: z.number().int(), meanWorkingDays: z.number().nullable(), maxWorkingDays: z.number().nullable() }),
  /** Decisions taken on the latest submission: how long they took, and how many past the deadline. */
  decided: z.object({ count: z.number().int(), late: z.number().int(), meanWorkingDays: z.number().nullable() }),
  /** Site area (公顷) by latest verdict; `none` = never checked. */
  areaHaByVerdict: z.record(z.string(), z.number()),
  /** First submissions per month (China time), the last 12 months, oldest first. */
  monthlyIntake: z.array(z.object({ month: z.string(), count: z.number().int() })),
});
export type ReviewQueues = z.infer<typeof reviewQueuesSchema>;
