import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, isAppError, serviceUnavailable } from './errors.ts';

/** Unknown /api route → 404 in the standard format (instead of Express's HTML page). */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'NOT_FOUND', { zh: `接口不存在：${req.method} ${req.originalUrl}`, en: `No such endpoint: ${req.method} ${req.originalUrl}` }));
};

/** Errors raised by Express/body-parser/multer themselves, mapped to the standard format. */
function fromFrameworkError(err: unknown): AppError | undefined {
  const e = err as { type?: string; status?: number; statusCode?: number; code?: string; message?: string };
  if (e?.type === 'entity.parse.failed')
    return new AppError(400, 'MALFORMED_JSON', { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' });
  if (e?.type === 'entity.too.large' || e?.code === 'LIMIT_FILE_SIZE')
    return new AppError(413, 'PAYLOAD_TOO_LARGE', { zh: '请求或文件过大', en: 'The request or file is too large' });
  if (typeof e?.code === 'string' && e.code.startsWith('LIMIT_'))
    return new AppError(400, 'BAD_UPLOAD', { zh: `上传不符合要求（${e.code}）`, en: `Upload rejected (${e.code})` });
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return new AppError(415, 'UNSUPPORTED_ENCODING', { zh: '不支持的请求编码', en: 'Unsupported request encoding' });
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new AppError(status, 'BAD_REQUEST', { zh: '请求无效', en: e.message || 'Bad request' });
  return undefined;
}

/**
 * The database went away under a request: its connection dropped (a PostgreSQL restart or
 * failover, or the embedded database's thread being replaced, embedded.ts), or it is shutting down
 * or not yet accepting connections (57P0x, class 08), or PGlite answered with nothing (58000). The
 * request did not fail on its input: a 503 that says when to retry, not a 500.
 */
function fromDatabaseGone(err: unknown): AppError | undefined {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  const gone =
    /^(57P0[123]|08...|58000)$/.test(code) ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(code) ||
    (typeof e?.message === 'string' && /^Connection terminated/.test(e.message));
  if (!gone) return undefined;
  return serviceUnavailable(
    'DATABASE_UNAVAILABLE',
    '数据库连接中断或正在重新打开，请稍后重试',
    'The database connection dropped or the database is reopening: try again shortly',
    5,
  );
}

/**
 * The error's JSON, or the same without its details when they cannot be serialised (a cycle, or
 * a value echoed from the input that nests too deep): the answer stays the bilingual 4xx instead
 * of Express's HTML page with a stack trace.
 */
function serialisedError(e: AppError): string {
  try {
    return JSON.stringify(e.toJSON());
  } catch {
    return JSON.stringify({ error: { code: e.code, message: e.messages } });
  }
}

export function errorMiddleware(log: { error: (o: object, msg: string) => void }): ErrorRequestHandler {
  return (err, req, res, next) => {
    // Headers gone: nothing can be said any more; Express's own handler closes the connection.
    if (res.headersSent) return next(err);
    const gone = isAppError(err) ? undefined : fromDatabaseGone(err);
    if (gone) log.error({ err, requestId: (req as { id?: unknown }).id ?? '-' }, 'database unavailable: answered 503');
    const appError = isAppError(err) ? err : (fromFrameworkError(err) ?? gone);
    if (appError) {
      if (appError.retryAfterS !== undefined) res.set('Retry-After', String(Math.max(1, Math.ceil(appError.retryAfterS))));
      // A 429/503 that knows when to come back says so in the header clients and proxies read.
      const retryAfter = (appError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof retryAfter === 'number' && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(Math.ceil(retryAfter)));
      res.removeHeader('Content-Disposition');
      res.status(appError.status).type('application/json').send(serialisedError(appError));
      return;
    }
    const requestId = (req as { id?: unknown }).id ?? '-';
    log.error({ err, requestId }, 'unhandled error');
    // A download that failed after its headers were set must not send the error as the file.
    res.removeHeader('Content-Disposition');
    res.status(500).type('application/json').json({
      error: {
        code: 'INTERNAL',
        message: { zh: `服务器内部错误（请求编号 ${requestId}）`, en: `Internal server error (request id ${requestId})` },
      },
    });
  };
}
