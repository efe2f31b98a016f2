import path from 'node:path';
import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import {
  adminLayer, coverageSetting, createLayerBody, layerIdSchema, publishBody, publishResponse, publishSummary, uploadResponse,
} from '../../common/api/admin.ts';
import { currentUser, requireUser } from '../auth/roles.ts';
import { setCoverage } from '../check/coverage.ts';
import type { Database } from '../db/database.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { withTransaction } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { AppError, badRequest } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { createLayer, listAdminLayers, setLayerRetired } from './layers.ts';
import { publishLayerVersion } from './publish.ts';
import { getUpload, inspectUpload, storeUpload, type UploadStore } from './uploads.ts';

/** Settings of the official-data module (env vars, see README). */
export interface AdminOptions {
  dataDir: string;
  uploadLimitBytes: number;
  maxFeatures: number;
  maxVertices: number;
  maxUnzippedBytes: number;
}

function uploadOne(limitBytes: number): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: limitBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
    defParamCharset: 'utf8',
  }).single('file');
  return (req, res, next) =>
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      const e = err as { code?: string; message?: string };
      if (e.code === 'LIMIT_FILE_SIZE')
        return next(new AppError(413, 'PAYLOAD_TOO_LARGE', { zh: `文件超过上传上限（${Math.round(limitBytes / 1048576)} MB）。`, en: `The file exceeds the upload limit (${Math.round(limitBytes / 1048576)} MB).` }));
      next(badRequest('BAD_UPLOAD', `上传内容无效（${e.code ?? e.message ?? 'multipart'}）。`, `Invalid upload (${e.code ?? e.message ?? 'multipart'}).`));
    });
}

const idParams = z.object({ id: layerIdSchema });

export function adminRouter(db: Database, jobs: JobRunner, options: AdminOptions): Router {
  const router = Router();
  const admin = requireUser('admin');
  const store: UploadStore = {
    dir: path.join(options.dataDir, 'uploads'),
    limits: { maxFeatures: options.maxFeatures, maxVertices: options.maxVertices, maxUnzippedBytes: options.maxUnzippedBytes },
  };

  apiRoute(router, {
    method: 'get', path: '/api/admin/layers', tag: 'admin', access: 'admin',
    summary: { zh: '图层管理列表（含已停用图层）', en: 'Layers for administration (retired included)' },
    responses: { 200: z.object({ layers: z.array(adminLayer) }) },
  }, admin, async (_req, res) => {
    res.json({ layers: await listAdminLayers(db.pool) });
  });

  apiRoute(router, {
    method: 'post', path: '/api/admin/layers', tag: 'admin', access: 'admin',
    summary: { zh: '新建图层（规则已知的类型，或仅展示的参考图层）', en: 'Create a layer (a kind the rules know, or a reference layer)' },
    body: createLayerBody,
    responses: { 201: adminLayer },
  }, admin, async (req, res, { body }) => {
    const layer = await createLayer(db.pool, body);
    await recordAudit(db.pool, { action: 'layer.created', actor: currentUser(req), detail: { layerId: layer.id, kind: layer.kind }, ip: req.ip ?? null });
    res.status(201).json(layer);
  });

  apiRoute(router, {
    method: 'post', path: '/api/admin/layers/:id/retire', tag: 'admin', access: 'admin',
    summary: { zh: '停用或恢复图层（停用后不显示、不参与核查）', en: 'Retire or restore a layer (retired: not shown, not checked)' },
    params: idParams,
    body: z.object({ retired: z.boolean() }),
    responses: { 200: adminLayer },
  }, admin, async (req, res, { params, body }) => {
    // The change and its audit row commit together.
    const layer = await withTransaction(db.pool, async (client) => {
      const changed = await setLayerRetired(client, params.id, body.retired);
      await recordAudit(client, { action: body.retired ? 'layer.retired' : 'layer.restored', actor: currentUser(req), detail: { layerId: params.id }, ip: req.ip ?? null });
      return changed;
    });
    res.json(layer);
  });

  apiRoute(router, {
    method: 'post', path: '/api/admin/uploads', tag: 'admin', access: 'admin', upload: true,
    summary: { zh: '上传数据文件并查看其内容', en: 'Upload a data file and inspect its content' },
    responses: { 201: uploadResponse },
  }, admin, uploadOne(options.uploadLimitBytes), async (req, res) => {
    if (!req.file) throw badRequest('NO_FILE', '请以 multipart/form-data 上传文件（字段名 file）。', 'Upload the file as multipart/form-data in the field "file".');
    const user = currentUser(req);
    const stored = await storeUpload(db.pool, store, { bytes: req.file.buffer, fileName: req.file.originalname }, user.id);
    res.status(201).json(await inspectUpload(store, stored));
  });

  apiRoute(router, {
    method: 'get', path: '/api/admin/uploads/:uploadId', tag: 'admin', access: 'admin',
    summary: { zh: '再次查看已上传文件的内容', en: 'Inspect an uploaded file again' },
    params: z.object({ uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }),
    responses: { 200: uploadResponse },
  }, admin, async (_req, res, { params }) => {
    res.json(await inspectUpload(store, await getUpload(db.pool, params.uploadId)));
  });

  apiRoute(router, {
    method: 'post', path: '/api/admin/layers/:id/versions', tag: 'admin', access: 'admin',
    summary: { zh: '校验（dryRun）或发布图层新版本', en: 'Validate (dryRun) or publish a new version of a layer' },
    params: idParams,
    body: publishBody,
    responses: { 200: publishSummary, 201: publishResponse },
  }, admin, async (req, res, { params, body }) => {
    const outcome = await publishLayerVersion(db.pool, params.id, body, { store, user: currentUser(req), ip: req.ip });
    // The version committed with its re-check job: run it now, in the background.
    if (outcome.status === 201) jobs.kick();
    res.status(outcome.status).json(outcome.body);
  });

  apiRoute(router, {
    method: 'put', path: '/api/admin/coverage', tag: 'admin', access: 'admin',
    summary: { zh: '设置核查覆盖范围（某图层的要素，可限定级别）', en: 'Set the area the check covers (a layer’s features, optionally of one level)' },
    body: coverageSetting,
    responses: { 200: coverageSetting },
  }, admin, async (req, res, { body }) => {
    const setting = { layerId: body.layerId, level: body.level ?? null };
    await setCoverage(db.pool, setting);
    await recordAudit(db.pool, { action: 'coverage.set', actor: currentUser(req), detail: setting, ip: req.ip ?? null });
    res.json(setting);
  });

  return router;
}
