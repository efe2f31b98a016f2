import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';

type Coding = 'gzip' | 'br';

/**
 * An answer computed once and sent many times (the layer catalog of a layer set, the rule base of
 * a day, a layer version's features): the bytes and a strong ETag of the content — the same on
 * every app instance that holds the same data (each coding sends its own, see etagIn). Its gzip and brotli forms are made lazily, each at
 * most once (on the first request that asks for that coding), on zlib's thread pool: no request
 * waits for a coding it did not ask for, and none compresses on the event loop.
 */
export interface CachedAnswer {
  type: string;
  body: Buffer;
  etag: string;
  /** False when compressing does not pay: too small, or already compressed (XLSX). */
  compressible: boolean;
  /** The compressed forms asked for so far, shared by the requests that ask while one is made. */
  coded: Partial<Record<Coding, Promise<Buffer>>>;
}

/** Below this, compression saves less than its headers cost (compression's own threshold). */
const COMPRESS_FROM_BYTES = 1024;

/** `compress: false` for bytes that are compressed already (an XLSX is a zip). */
export function cachedAnswer(content: unknown, type = 'application/json; charset=utf-8', { compress = true } = {}): CachedAnswer {
  const body = Buffer.isBuffer(content) ? content : Buffer.from(JSON.stringify(content));
  const etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  return { type, body, etag, compressible: compress && body.length >= COMPRESS_FROM_BYTES, coded: {} };
}

/**
 * Bytes an answer may keep in memory (for a byte-bounded cache): its body, and as much again for
 * the compressed forms it may make later (JSON compresses to well under half in gzip and brotli together).
 */
export const answerBytes = (a: CachedAnswer) => a.body.length * (a.compressible ? 2 : 1);

function compress(body: Buffer, coding: Coding): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (e: Error | null, out: Buffer) => (e ? reject(e) : resolve(out));
    if (coding === 'gzip') zlib.gzip(body, done);
    else zlib.brotliCompress(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }, done);
  });
}

/** The answer in `coding`, compressed on the first ask and kept on the answer (a failure is not kept). */
function codedForm(answer: CachedAnswer, coding: Coding): Promise<Buffer> {
  return (answer.coded[coding] ??= compress(answer.body, coding).catch((e: unknown) => {
    delete answer.coded[coding];
    throw e;
  }));
}

/** True when the request's If-None-Match names this ETag (or is `*`): answer 304. */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/**
 * The ETag of the answer in `coding`: the content's tag for the bytes as they are, suffixed per
 * content-coding — a strong ETag names one representation, byte for byte (RFC 9110 §8.8.1), and
 * the gzip and brotli forms are other bytes.
 */
const etagIn = (etag: string, coding: Coding | undefined) => (coding ? `${etag.slice(0, -1)}-${coding}"` : etag);

/**
 * Sends a cached answer: the coding the client accepts, under that representation's ETag, and a
 * 304 when If-None-Match names it — a client revalidates what it holds with the same Accept-Encoding
 * (hence Vary). The compression middleware leaves a response with a Content-Encoding alone.
 * `cacheControl` passes through res.setHeader, so a closed map's privateMapCaching makes it private.
 */
export async function sendCached(req: Request, res: Response, answer: CachedAnswer, cacheControl = 'no-cache'): Promise<void> {
  const accepted = answer.compressible ? req.acceptsEncodings('br', 'gzip', 'identity') : 'identity';
  const coding = accepted === 'br' || accepted === 'gzip' ? accepted : undefined;
  const etag = etagIn(answer.etag, coding);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', etag);
  res.vary('Accept-Encoding');
  if (notModified(req.get('if-none-match'), etag)) {
    res.status(304).end();
    return;
  }
  const bytes = coding ? await codedForm(answer, coding) : answer.body;
  res.setHeader('Content-Type', answer.type);
  if (coding) res.setHeader('Content-Encoding', coding);
  res.setHeader('Content-Length', bytes.length);
  res.status(200).end(bytes);
}
