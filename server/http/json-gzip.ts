import zlib from 'node:zlib';
import type { RequestHandler } from 'express';

/** Below this, gzip saves less than its headers cost (compression's own threshold). */
const FROM_BYTES = 1024;

/**
 * A JSON answer made for one request and handed over whole (res.json: a check, a project) is
 * gzipped in one call at zlib's fastest level, on the event loop, when it is at most `maxBytes`:
 * ≈ 0.1–0.4 ms for a check's 7–40 KB, where compression's stream took two trips through zlib's
 * thread pool and ≈ 1 ms before the last byte left. Larger answers, and everything not sent
 * whole, stay with the streaming compression middleware (it skips what is already encoded).
 */
export function gzipWholeJson({ maxBytes }: { maxBytes: number }): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (
        typeof body === 'string' &&
        body.length >= FROM_BYTES &&
        body.length <= maxBytes &&
        req.method !== 'HEAD' &&
        res.statusCode >= 200 &&
        res.statusCode < 300 &&
        res.statusCode !== 204 &&
        !res.getHeader('Content-Encoding') &&
        /^application\/json/.test(String(res.getHeader('Content-Type') ?? '')) &&
        req.acceptsEncodings('gzip', 'identity') === 'gzip'
      ) {
        res.vary('Accept-Encoding');
        res.setHeader('Content-Encoding', 'gzip');
        return send(zlib.gzipSync(body, { level: zlib.constants.Z_BEST_SPEED }));
      }
      return send(body);
    };
    next();
  };
}
