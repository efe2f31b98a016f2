import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Attachment, AttachmentListItem } from '../../common/api/projects.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { recordAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/database.ts';
import type { Queryable } from '../db/types.ts';
import { AppError, notFound, unprocessable } from '../http/errors.ts';
import { seesAllProjects } from './access.ts';
import { attachmentMediaType } from './attachment-type.ts';
import { lockProject } from './store.ts';

/**
 * Who may add an attachment: the project's owner (论证材料, scans) and the reviewers (and
 * administrators) who see every project. Everyone who may read the project may read them.
 */
export function assertMayAttach(user: AuthUser, project: { ownerId: number }): void {
  if (project.ownerId !== user.id && !seesAllProjects(user)) {
    throw new AppError(403, 'NOT_PROJECT_OWNER', {
      zh: '只有项目的申请人本人和审查人员可以添加附件',
      en: 'Only the applicant who owns the project and reviewers may add attachments',
    });
  }
}

/** A file name safe to store and to send back: no directories, no control characters, at most 200 characters. */
function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (clean.length <= 200) return clean || 'attachment';
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(clean)?.[0] ?? '';
  return clean.slice(0, 200 - ext.length) + ext;
}

/**
 * Stores an attachment with its SHA-256 in the database, in one transaction with its audit row.
 * The type is checked by content before anything is written.
 */
export async function addAttachment(
  pool: pg.Pool,
  user: AuthUser,
  projectId: number,
  file: { bytes: Buffer; fileName: string; commentId?: number; ip?: string },
): Promise<Attachment> {
  const fileName = cleanFileName(file.fileName);
  const mediaType = await attachmentMediaType(file.bytes, fileName);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return withTransaction(pool, async (client) => {
    const project = await lockProject(client, projectId);
    assertMayAttach(user, project);
    if (file.commentId !== undefined) {
      const { rowCount } = await client.query('SELECT 1 FROM comments WHERE id = $1 AND project_id = $2', [file.commentId, projectId]);
      if (!rowCount) throw unprocessable('UNKNOWN_COMMENT', `该项目没有评论 ${file.commentId}`, `The project has no comment ${file.commentId}`, { commentId: file.commentId });
    }
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO attachments (project_id, comment_id, file_name, media_type, size, sha256, content, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [projectId, file.commentId ?? null, fileName, mediaType, file.bytes.length, sha256, file.bytes, user.id],
    );
    const attachment = { id: Number(rows[0].id), fileName, mediaType, size: file.bytes.length, sha256 };
    await recordAudit(client, {
      action: 'attachment.added',
      actor: user,
      projectId,
      detail: { attachmentId: attachment.id, fileName, mediaType, size: attachment.size, sha256, commentId: file.commentId ?? null },
      ip: file.ip,
    });
    return attachment;
  });
}

const ISO = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A project's attachments, oldest first, without their bytes. */
export async function listAttachments(db: Queryable, projectId: number): Promise<AttachmentListItem[]> {
  const { rows } = await db.query<AttachmentListItem>(
    `SELECT a.id::int AS id, a.file_name AS "fileName", a.media_type AS "mediaType", a.size, a.sha256,
            a.comment_id::int AS "commentId", u.username AS "uploadedBy", ${ISO('a.created_at')} AS "createdAt"
       FROM attachments a JOIN users u ON u.id = a.uploaded_by
      WHERE a.project_id = $1 ORDER BY a.id`,
    [projectId],
  );
  return rows;
}

/** One attachment with its bytes (404 when it is not the project's). */
export async function readAttachment(db: Queryable, projectId: number, attachmentId: number): Promise<Attachment & { content: Buffer }> {
  const { rows } = await db.query<Attachment & { content: Buffer }>(
    `SELECT id::int AS id, file_name AS "fileName", media_type AS "mediaType", size, sha256, content
       FROM attachments WHERE id = $1 AND project_id = $2`,
    [attachmentId, projectId],
  );
  if (!rows[0]) throw notFound('UNKNOWN_ATTACHMENT', `该项目没有附件 ${attachmentId}`, `The project has no attachment ${attachmentId}`);
  return rows[0];
}

