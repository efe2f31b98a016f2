import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';

/**
 * An answer computed once and sent many times (the layer catalog of a layer set, the rule base of
 * a day, a layer version's features): the bytes, their gzip and brotli forms made once (so no
 * request serialises or compresses them again on the event loop), and a strong ETag of the
 * content — the same on every app instance that holds the same data.
 */
export interface CachedAnswer {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  etag: string;
}

/** Below this, compression saves less than its headers cost (compression's own threshold). */
const COMPRESS_FROM_BYTES = 1024;

/**
 * `compress: false` for an answer sent once: the compression middleware then compresses it as it
 * streams. `brotli: false` where making it would cost a cache miss more than it saves (gzip only).
 */
export function cachedAnswer(content: unknown, type = 'application/json; charset=utf-8', { compress = true, brotli = true } = {}): CachedAnswer {
  const body = Buffer.isBuffer(content) ? content : Buffer.from(JSON.stringify(content));
  const etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  if (!compress || body.length < COMPRESS_FROM_BYTES) return { type, body, etag };
  return {
    type,
    body,
    etag,
    gzip: zlib.gzipSync(body),
    br: brotli
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : undefined,
  };
}

/** Bytes an answer keeps in memory (for a byte-bounded cache). */
export const answerBytes = (a: CachedAnswer) => a.body.length + (a.gzip?.length ?? 0) + (a.br?.length ?? 0);

/** True when the request's If-None-Match names this ETag (or is `*`): answer 304. */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/**
 * Sends a cached answer: 304 when the client holds it, else the encoding it accepts, already
 * compressed (the compression middleware leaves a response with a Content-Encoding alone).
 * `cacheControl` passes through res.setHeader, so a closed map's privateMapCaching makes it private.
 */
export function sendCached(req: Request, res: Response, answer: CachedAnswer, cacheControl = 'no-cache'): void {
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', answer.etag);
  res.vary('Accept-Encoding');
  if (notModified(req.get('if-none-match'), answer.etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', answer.type);
  const encoding = answer.gzip ? (answer.br ? req.acceptsEncodings('br', 'gzip', 'identity') : req.acceptsEncodings('gzip', 'identity')) : 'identity';
  const bytes = encoding === 'br' ? answer.br! : encoding === 'gzip' ? answer.gzip! : answer.body;
  if (encoding === 'br' || encoding === 'gzip') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', bytes.length);
  res.status(200).end(bytes);
}
