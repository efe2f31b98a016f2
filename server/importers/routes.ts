import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import { apiRoute } from '../http/api-route.ts';
import { AppError, badRequest } from '../http/errors.ts';
import { importFields, importResponse } from '../../common/api/exchange.ts';
import { parseCrsOption } from './crs-option.ts';
import { clientKey } from '../http/client-key.ts';
import type { ImportPool } from './import-pool.ts';
import { parseEncodingOption, parseFormatOption } from './index.ts';
import type { CsvGeometryKind } from './types.ts';

/**
 * POST /api/import — multipart upload of one site file (field `file`; optional `crs`, `format`,
 * `encoding`, and for CSV `geometry` = polygon | line | points) →
 * 200 { features (EPSG:4326), crs: { epsg, name, nameZh, nameEn }, warnings: [{ zh, en, code?, location? }] }.
 * Every malformed input ends as a 4xx in the standard error format; oversize uploads as 413. The
 * file is parsed in the import pool's threads (import-pool.ts): 429 while the client has its share
 * running, 503 when the pool's queue is full, 422 when a parse runs out of time or memory.
 */
export interface ImportRouterOptions {
  uploadLimitBytes: number;
  imports: ImportPool;
}

function parseGeometryOption(value: unknown): CsvGeometryKind | undefined {
  if (value === undefined || value === '') return undefined;
  const v = String(value).trim().toLowerCase();
  if (v === 'polygon' || v === 'line' || v === 'points') return v;
  if (v === 'point') return 'points';
  throw badRequest('UNSUPPORTED_GEOMETRY', `geometry 应为 polygon、line 或 points（收到“${value}”）。`, `geometry must be polygon, line or points (got "${value}").`);
}

/** multer/busboy errors → the standard format: size → 413, anything else about the upload → 400. */
export function uploadSingleFile(uploadLimitBytes: number): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: uploadLimitBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 },
    defParamCharset: 'utf8',
  }).single('file');
  return (req, res, next) => {
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      const e = err as { code?: string; message?: string };
      if (e.code === 'LIMIT_FILE_SIZE')
        return next(new AppError(413, 'PAYLOAD_TOO_LARGE', { zh: `文件超过上传上限（${Math.round(uploadLimitBytes / 1048576)} MB）。`, en: `The file exceeds the upload limit (${Math.round(uploadLimitBytes / 1048576)} MB).` }));
      if (e.code === 'LIMIT_UNEXPECTED_FILE')
        return next(badRequest('BAD_UPLOAD', '文件字段应名为 file，且只能上传一个文件。', 'Send exactly one file, in the field named "file".'));
      next(badRequest('BAD_UPLOAD', `上传内容无效（${e.code ?? e.message ?? 'multipart'}）。`, `Invalid upload (${e.code ?? e.message ?? 'multipart'}).`));
    });
  };
}

export function importRouter({ uploadLimitBytes, imports }: ImportRouterOptions): Router {
  const router = Router();
  // A client's share of the pool is taken before its upload is read, and given back when its parse is
  // over — not merely its connection: a client hanging up mid-parse must not get its slot back while
  // the thread still works for it (hang up, send again, and one address would fill the pool).
  // A refusal leaves the upload unread, so the connection is not reused for the client's next request.
  const takeSlot: RequestHandler = (req, res, next) => {
    try {
      const release = imports.reserve(clientKey(req));
      res.once('close', () => {
        res.locals.importClosed = true;
        const parse = res.locals.importParse as Promise<unknown> | undefined;
        if (parse) void parse.then(release, release);
        else release();
      });
    } catch (e) {
      res.set('Connection', 'close');
      throw e;
    }
    next();
  };
  apiRoute(router, { method: 'post', path: '/api/import', tag: 'exchange', access: 'public', upload: true, summary: { zh: '导入选址文件（识别格式、坐标系与编码）', en: 'Import a site file (format, CRS and encoding identified)' }, body: importFields, responses: { 200: importResponse } }, takeSlot, uploadSingleFile(uploadLimitBytes), async (req, res) => {
    if (!req.file)
      throw badRequest('NO_FILE', '请以 multipart/form-data 上传文件（字段名 file）。', 'Upload the file as multipart/form-data in the field "file".');
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (res.locals.importClosed) return; // the client left while uploading: nothing to parse for
    const parse = imports.run({
      bytes: req.file.buffer,
      filename: req.file.originalname,
      format: parseFormatOption(body.format),
      crs: parseCrsOption(body.crs),
      encoding: parseEncodingOption(body.encoding),
      geometry: parseGeometryOption(body.geometry),
    });
    res.locals.importParse = parse;
    const json = await parse;
    res.type('application/json').send(Buffer.from(json.buffer, json.byteOffset, json.byteLength));
  });
  return router;
}
