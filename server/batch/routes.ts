import { setDownload } from '../http/download.ts';
import { Router, type Request, type Response } from 'express';
import {
  batchCreatedSchema,
  batchIdParamsSchema,
  batchListSchema,
  batchMappingSchema,
  batchProjectsBodySchema,
  batchProjectsResultSchema,
  batchResultsSchema,
  batchStatusSchema,
  batchUploadFieldsSchema,
  type BatchMapping,
} from '../../common/api/batch.ts';
import { validateInput } from '../../common/api/validation.ts';
import { currentUser, requireUser } from '../auth/roles.ts';
import { PROJECT_TYPES } from '../../common/domain/development.ts';
import type { Database } from '../db/database.ts';
import { apiRoute, type ApiRouteSpec } from '../http/api-route.ts';
import { badRequest } from '../http/errors.ts';
import { invalidInput } from '../http/validate.ts';
import { parseCrsOption } from '../importers/crs-option.ts';
import { uploadSingleFile } from '../importers/routes.ts';
import { cancelJob, deleteJob } from '../jobs/store.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { batchGpkg } from './export-gpkg.ts';
import { writeBatchXlsx, type LayerName } from './export-xlsx.ts';
import { readPool } from './read-pool.ts';
import { readProjectType } from './mapping.ts';
import { activeBatchOf, batchActive, batchStatusView, createBatch, listBatches, resultRow, storedRows, visibleBatch } from './store.ts';
import { rowsToDrafts } from './to-projects.ts';

export interface BatchRouterOptions {
  uploadLimitBytes: number;
  batchMaxRows: number;
}

function parseMapping(text: string | undefined): BatchMapping {
  if (text === undefined || text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badRequest('BAD_MAPPING', 'mapping 应为 JSON 对象，如 {"name":"项目名称","type":"类型"}', 'mapping must be a JSON object, e.g. {"name":"项目名称","type":"类型"}');
  }
  const result = validateInput(batchMappingSchema, json);
  if (!result.ok) throw invalidInput(result.issues.map((i) => ({ ...i, path: `mapping${i.path ? `.${i.path}` : ''}` })), 'body');
  return result.value;
}

function parseDefaultType(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const type = readProjectType(text);
  if (typeof type !== 'string' || !(PROJECT_TYPES as readonly string[]).includes(type))
    throw badRequest('UNKNOWN_PROJECT_TYPE', `未知的默认项目类型：${text}`, `Unknown default project type: ${text}`, { allowed: PROJECT_TYPES });
  return type;
}

/** Checked layers' names, in legend order: the column groups of the exports. */
async function layerNames(db: Database): Promise<LayerName[]> {
  const { rows } = await db.pool.query<LayerName>(
    `SELECT id AS "layerId", name_zh AS "nameZh", name_en AS "nameEn" FROM layers WHERE checked AND current_version IS NOT NULL ORDER BY legend_order, id`,
  );
  return rows;
}

const batchId = (params: { id: string }) => Number(params.id);

/**
 * POST/GET/DELETE /api/batch… — a pool of candidate sites (项目库) checked in the background
 * (issue 16). Login required (any role); a user sees only their own batches, administrators all.
 */
export function batchRouter(db: Database, jobs: JobRunner, options: BatchRouterOptions): Router {
  const router = Router();
  const anyUser = requireUser();
  const tag = 'batch';
  /** A route on one batch: the batch is loaded, and the user's right to see it checked (404, then 403), before the handler. */
  const batchRoute = (
    spec: Pick<ApiRouteSpec, 'method' | 'path' | 'summary' | 'responses'>,
    handler: (req: Request, res: Response, job: Awaited<ReturnType<typeof visibleBatch>>) => Promise<void>,
  ) =>
    apiRoute(router, { ...spec, tag, params: batchIdParamsSchema, access: 'user' }, anyUser, async (req, res, { params }) =>
      handler(req, res, await visibleBatch(db.pool, currentUser(req), batchId(params))),
    );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/api/batch',
      tag,
      summary: { zh: '上传项目库并在后台批量核查', en: 'Upload a project pool and check it in the background' },
      body: batchUploadFieldsSchema,
      responses: { 202: batchCreatedSchema },
      access: 'user',
      upload: true,
    },
    anyUser,
    // One batch at a time, refused before the upload is read.
    async (req, _res, next) => {
      try {
        const active = await activeBatchOf(db.pool, currentUser(req).id);
        next(active === undefined ? undefined : batchActive(active));
      } catch (e) {
        next(e);
      }
    },
    uploadSingleFile(options.uploadLimitBytes),
    async (req, res, { body }) => {
      if (!req.file) throw badRequest('NO_FILE', '请以 multipart/form-data 上传项目库文件（字段名 file）。', 'Upload the pool as multipart/form-data in the field "file".');
      const user = currentUser(req);
      const mapping = parseMapping(body.mapping);
      const defaultType = parseDefaultType(body.defaultType);
      const pool = await readPool(db.pool, req.file.buffer, req.file.originalname, {
        mapping,
        defaultType,
        crs: parseCrsOption(body.crs),
        maxRows: options.batchMaxRows,
      });
      const job = await createBatch(db.pool, user, { fileName: req.file.originalname, format: pool.format, bufferM: body.bufferM, defaultType }, pool.rows);
      jobs.kick();
      res.status(202).location(`/api/batch/${job.id}`).json({ id: job.id, total: job.total });
    },
  );

  apiRoute(
    router,
    { method: 'get', path: '/api/batch', tag, summary: { zh: '我的批次', en: 'My batches' }, responses: { 200: batchListSchema }, access: 'user' },
    anyUser,
    async (req, res) => {
      res.json(await listBatches(db.pool, currentUser(req)));
    },
  );

  batchRoute(
    {
      method: 'get',
      path: '/api/batch/:id',
      summary: { zh: '批次进度与汇总', en: 'Progress and summary of a batch' },
      responses: { 200: batchStatusSchema },
    },
    async (req, res, job) => {
      res.json(await batchStatusView(db.pool, job));
    },
  );

  batchRoute(
    {
      method: 'delete',
      path: '/api/batch/:id',
      summary: { zh: '取消进行中的批次，或删除已结束的批次及其结果', en: 'Cancel a batch in progress, or delete a finished one with its results' },
      responses: { 200: batchStatusSchema, 204: { mediaType: 'none', description: 'deleted' } },
    },
    async (req, res, job) => {
      if (await cancelJob(db.pool, job.id)) {
        const cancelled = await visibleBatch(db.pool, currentUser(req), job.id);
        res.json(await batchStatusView(db.pool, cancelled));
        return;
      }
      await deleteJob(db.pool, job.id);
      res.status(204).end();
    },
  );

  batchRoute(
    {
      method: 'get',
      path: '/api/batch/:id/results',
      summary: { zh: '批次逐行结果', en: 'Results of a batch, row by row' },
      responses: { 200: batchResultsSchema },
    },
    async (req, res, job) => {
      res.json((await storedRows(db.pool, job.id)).filter((r) => r.status !== 'pending').map(resultRow));
    },
  );

  batchRoute(
    {
      method: 'get',
      path: '/api/batch/:id/results.geojson',
      summary: { zh: '批次选址（GeoJSON，属性含结论），供地图显示', en: 'The batch\'s sites as GeoJSON with their verdicts, for the map' },
      responses: { 200: { mediaType: 'application/geo+json' } },
    },
    async (req, res, job) => {
      const rows = await storedRows(db.pool, job.id, { withGeometry: true });
      res.type('application/geo+json').json({
        type: 'FeatureCollection',
        features: rows
          .filter((r) => r.geometry)
          .map((r) => ({
            type: 'Feature',
            id: r.idx,
            properties: { index: r.idx, name: r.name, verdict: r.result?.verdict ?? null, status: r.status, project: r.project },
            geometry: r.geometry,
          })),
      });
    },
  );

  batchRoute(
    {
      method: 'get',
      path: '/api/batch/:id/results.xlsx',
      summary: { zh: '批次结果 XLSX（每个选址一行，每个图层一组列）', en: 'Batch results as XLSX (a row per site, a column group per layer)' },
      responses: { 200: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
    },
    async (req, res, job) => {
      const [rows, layers] = await Promise.all([storedRows(db.pool, job.id), layerNames(db)]);
      setDownload(res, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `项目库核查-${job.id}.xlsx`, `batch-${job.id}.xlsx`);
      await writeBatchXlsx(rows, layers, res);
      res.end();
    },
  );

  batchRoute(
    {
      method: 'get',
      path: '/api/batch/:id/results.gpkg',
      summary: { zh: '批次结果 GeoPackage（选址及其结果属性）', en: 'Batch results as a GeoPackage (the sites with their results as attributes)' },
      responses: { 200: { mediaType: 'application/geopackage+sqlite3' } },
    },
    async (req, res, job) => {
      const [rows, layers] = await Promise.all([storedRows(db.pool, job.id, { withGeometry: true }), layerNames(db)]);
      setDownload(res, 'application/geopackage+sqlite3', `项目库核查-${job.id}.gpkg`, `batch-${job.id}.gpkg`);
      res.send(await batchGpkg(rows, layers));
    },
  );

  apiRoute(
    router,
    {
      method: 'post',
      path: '/api/batch/:id/projects',
      tag,
      summary: { zh: '所选行转为项目草稿', en: 'Selected rows become draft projects' },
      params: batchIdParamsSchema,
      body: batchProjectsBodySchema,
      responses: { 201: batchProjectsResultSchema },
      access: 'applicant',
    },
    requireUser('applicant'),
    async (req, res, { params, body }) => {
      const user = currentUser(req);
      const job = await visibleBatch(db.pool, user, batchId(params));
      res.status(201).json(await rowsToDrafts(db.pool, user, job.id, body.indexes, req.ip));
    },
  );
  return router;
}
