import { badRequest, conflict, unprocessable } from '../http/errors.ts';
import { DECISIONS, STATUS_LABELS, STATUSES, type Decision, type ProjectStatus } from '../../common/domain/review.ts';

/**
 * The review workflow (项目选址审查):
 *   draft ──submit──▶ submitted ──approve──▶ approved
 *     ▲                  │ ──reject───▶ rejected
 *     │ edit             └──revise───▶ revision_requested ──edit / submit (re-checks)──▶ …
 * approved and rejected are final. Every transition increments the project's version.
 */

const STATUS_AFTER: Record<Decision, ProjectStatus> = {
  approve: 'approved',
  reject: 'rejected',
  revise: 'revision_requested',
};

/** The applicant may change the site and attributes, and (re)submit, only in these states. */
const OPEN_FOR_APPLICANT: readonly ProjectStatus[] = ['draft', 'revision_requested'];

export const isStatus = (v: unknown): v is ProjectStatus => typeof v === 'string' && (STATUSES as readonly string[]).includes(v);

export const statusAfter = (decision: Decision): ProjectStatus => STATUS_AFTER[decision];

const wrongState = (status: ProjectStatus, zhAction: string, enAction: string, allowed: readonly ProjectStatus[]) =>
  conflict(
    'INVALID_PROJECT_STATE',
    `项目当前状态为「${STATUS_LABELS[status].zh}」，不能${zhAction}`,
    `The project is ${STATUS_LABELS[status].en.toLowerCase()}; it cannot be ${enAction}`,
    { status, allowed },
  );

export function assertEditable(status: ProjectStatus): void {
  if (!OPEN_FOR_APPLICANT.includes(status)) throw wrongState(status, '修改', 'edited', OPEN_FOR_APPLICANT);
}

export function assertSubmittable(status: ProjectStatus): void {
  if (!OPEN_FOR_APPLICANT.includes(status)) throw wrongState(status, '提交', 'submitted', OPEN_FOR_APPLICANT);
}

export function assertDecidable(status: ProjectStatus): void {
  if (status !== 'submitted') throw wrongState(status, '作出审查决定', 'decided on', ['submitted']);
}

/** An archived project is a closed file: restore it (unarchive) before it can change again. */
export function assertNotArchived(project: { archivedAt: Date | null }): void {
  if (project.archivedAt !== null)
    throw conflict('PROJECT_ARCHIVED', '项目已归档，不能修改、提交或审查；如需继续请管理员取消归档', 'The project is archived; an administrator must restore it before it can be edited, submitted or decided');
}

/** Optimistic locking: the version the client last read must still be current. */
export function assertVersion(expected: number, current: number): void {
  if (expected !== current) {
    throw conflict(
      'STALE_VERSION',
      `项目已被他人修改（当前版本 ${current}，您提交的是版本 ${expected}），请刷新后重试`,
      `The project has changed since you loaded it (current version ${current}, yours ${expected}); reload and try again`,
      { currentVersion: current, yourVersion: expected },
    );
  }
}

export function parseVersion(input: unknown, { required }: { required: boolean }): number | undefined {
  if (input === undefined && !required) return undefined;
  if (typeof input !== 'number' || !Number.isSafeInteger(input) || input < 1) {
    throw badRequest(
      input === undefined ? 'VERSION_REQUIRED' : 'INVALID_VERSION',
      'version（您读取时的项目版本号）应为正整数',
      'version (the project version you last read) must be a positive integer',
    );
  }
  return input;
}

export function parseDecision(input: unknown): Decision {
  if (typeof input !== 'string' || !(DECISIONS as readonly string[]).includes(input)) {
    throw badRequest('INVALID_DECISION', `decision 应为 ${DECISIONS.join('、')} 之一`, `decision must be one of ${DECISIONS.join(', ')}`, {
      allowed: DECISIONS,
    });
  }
  return input as Decision;
}

const MAX_COMMENT_LENGTH = 10_000;

/** A review comment or comment body: required, non-blank text (422 when missing or blank). */
export function parseCommentText(input: unknown, field: 'comment' | 'body'): string {
  const text = typeof input === 'string' ? input.trim() : '';
  if (!text) {
    throw unprocessable(
      'COMMENT_REQUIRED',
      field === 'comment' ? '审查决定必须附审查意见（comment）' : '评论内容（body）不能为空',
      field === 'comment' ? 'A decision needs a review comment (comment)' : 'The comment body must not be empty',
      { field },
    );
  }
  if (text.length > MAX_COMMENT_LENGTH) {
    throw unprocessable('COMMENT_TOO_LONG', `意见最多 ${MAX_COMMENT_LENGTH} 字`, `At most ${MAX_COMMENT_LENGTH} characters`, { field });
  }
  return text;
}
