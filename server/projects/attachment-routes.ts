import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import {
  archiveResultSchema,
  attachmentListSchema,
  attachmentParamsSchema,
  attachmentSchema,
  attachmentUploadFieldsSchema,
  projectIdParamsSchema,
} from '../../common/api/projects.ts';
import { currentUser, requireUser } from '../auth/roles.ts';
import type { Database } from '../db/database.ts';
import { downloadDisposition } from '../http/download.ts';
import { apiRoute } from '../http/api-route.ts';
import { AppError, badRequest } from '../http/errors.ts';
import { assertCanView } from './access.ts';
import { setArchived } from './archive.ts';
import { addAttachment, assertMayAttach, listAttachments, readAttachment } from './attachments.ts';
import { getProject, projectNotFound, projectOwner } from './store.ts';

const sizeText = (bytes: number) =>
  bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1).replace(/\.0$/, '')} MB` : bytes >= 1024 ? `${Math.floor(bytes / 1024)} KB` : `${bytes} B`;

/** multer into memory, one `file` part, refused with a bilingual 413 past `maxBytes` (ATTACHMENT_MAX_BYTES). */
function uploadAttachment(maxBytes: number): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    defParamCharset: 'utf8',
  }).single('file');
  return (req, res, next) =>
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE')
        return next(new AppError(413, 'ATTACHMENT_TOO_LARGE', { zh: `附件超过大小上限（${sizeText(maxBytes)}）`, en: `The attachment exceeds the size limit (${sizeText(maxBytes)})` }, { maxBytes }));
      next(badRequest('BAD_UPLOAD', `上传内容无效（${code ?? 'multipart'}），请以字段名 file 上传一个文件`, `Invalid upload (${code ?? 'multipart'}); send one file in the field "file"`));
    });
}

/**
 * Attachments of a project (论证材料, 红线图 scans, 不可避让论证) and archiving (issue 19).
 * Reading follows the project (401 anonymous, 403 another applicant's); the owner and reviewers add.
 */
export function attachmentRouter(db: Database, { attachmentMaxBytes }: { attachmentMaxBytes: number }): Router {
  const router = Router();
  const anyUser = requireUser();
  const tag = 'projects';

  // Who may add is known before the upload is read: a stranger's bytes are not buffered.
  const mayAttach: RequestHandler = async (req, _res, next) => {
    // A malformed id is refused here too, before multer would buffer the upload for nothing.
    if (!/^\d{1,15}$/.test(String(req.params.id))) return next(projectNotFound(String(req.params.id)));
    try {
      assertMayAttach(currentUser(req), await projectOwner(db.pool, Number(req.params.id)));
      next();
    } catch (e) {
      next(e);
    }
  };

  apiRoute(
    router,
    {
      method: 'post',
      path: '/api/projects/:id/attachments',
      tag,
      summary: { zh: '为项目或评论添加附件（PDF、图片、Word/Excel，按内容校验类型）', en: 'Attach a file to a project or comment (PDF, images, Word/Excel; type checked by content)' },
      params: projectIdParamsSchema,
      body: attachmentUploadFieldsSchema,
      responses: { 201: attachmentSchema },
      access: 'user',
      upload: true,
    },
    anyUser,
    mayAttach,
    uploadAttachment(attachmentMaxBytes),
    async (req, res, { params, body }) => {
      if (!req.file || req.file.size === 0)
        throw badRequest('NO_FILE', '请以 multipart/form-data 上传附件（字段名 file，不能为空）', 'Upload the attachment as multipart/form-data in the field "file" (not empty)');
      const attachment = await addAttachment(db.pool, currentUser(req), Number(params.id), {
        bytes: req.file.buffer,
        fileName: req.file.originalname,
        commentId: body.commentId === undefined ? undefined : Number(body.commentId),
        ip: req.ip,
      });
      res.status(201).location(`/api/projects/${params.id}/attachments/${attachment.id}`).json(attachment);
    },
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/api/projects/:id/attachments',
      tag,
      summary: { zh: '项目的附件列表', en: 'Attachments of a project' },
      params: projectIdParamsSchema,
      responses: { 200: attachmentListSchema },
      access: 'user',
    },
    anyUser,
    async (req, res, { params }) => {
      const project = await getProject(db.pool, Number(params.id));
      assertCanView(currentUser(req), project);
      res.json(await listAttachments(db.pool, project.id));
    },
  );

  apiRoute(
    router,
    {
      method: 'get',
      path: '/api/projects/:id/attachments/:attachmentId',
      tag,
      summary: { zh: '下载附件', en: 'Download an attachment' },
      params: attachmentParamsSchema,
      responses: { 200: { mediaType: 'application/octet-stream', description: 'The file, with its detected media type and Content-Disposition: attachment' } },
      access: 'user',
    },
    anyUser,
    async (req, res, { params }) => {
      const project = await getProject(db.pool, Number(params.id));
      assertCanView(currentUser(req), project);
      const file = await readAttachment(db.pool, project.id, Number(params.attachmentId));
      res.setHeader('Content-Type', file.mediaType);
      res.setHeader('Content-Disposition', downloadDisposition(file.fileName, file.fileName));
      res.setHeader('Content-Length', String(file.content.length));
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`);
      res.end(file.content);
    },
  );

  for (const archived of [true, false]) {
    apiRoute(
      router,
      {
        method: 'post',
        path: `/api/projects/:id/${archived ? 'archive' : 'unarchive'}`,
        tag,
        summary: archived
          ? { zh: '归档项目（移出默认台账，不删除，留有审计记录）', en: 'Archive a project (out of the default register, never deleted, audited)' }
          : { zh: '取消归档', en: 'Restore an archived project' },
        params: projectIdParamsSchema,
        responses: { 200: archiveResultSchema },
        access: 'admin',
      },
      requireUser('admin'),
      async (req, res, { params }) => {
        res.json(await setArchived(db.pool, currentUser(req), Number(params.id), archived, req.ip));
      },
    );
  }
  return router;
}
