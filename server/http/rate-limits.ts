import type { Express, RequestHandler } from 'express';
import { rateLimit, type Options } from 'express-rate-limit';
import type { RateLimit, RateLimits } from '../config.ts';
import { clientKey } from './client-key.ts';
import { AppError } from './errors.ts';
import type { RateLimitStoreFactory } from './rate-limit-store.ts';

/**
 * A per-client limit (one bucket per signed-in user, else per address: client-key.ts) answering a bilingual 429 with Retry-After (seconds until the window frees a
 * slot) and the draft-8 RateLimit headers. `what` names the action in both languages. limit 0 = off.
 */
export function rateLimiter(
  { windowMs, limit }: RateLimit,
  code: string,
  what: { zh: string; en: string },
  store?: Options['store'],
): RequestHandler {
  if (limit === 0) return (_req, _res, next) => next();
  const handler: Options['handler'] = (_req, res, next) => {
    const seconds = Number(res.getHeader('Retry-After')) || Math.ceil(windowMs / 1000);
    next(
      new AppError(
        429,
        code,
        { zh: `${what.zh}请求过于频繁，请 ${seconds} 秒后再试`, en: `Too many ${what.en} requests; try again in ${seconds} seconds` },
        { retryAfterSeconds: seconds, limit, windowSeconds: Math.ceil(windowMs / 1000) },
      ),
    );
  };
  return rateLimit({ windowMs, limit, standardHeaders: 'draft-8', legacyHeaders: false, keyGenerator: clientKey, handler, ...(store ? { store } : {}) });
}

/**
 * The endpoints an anonymous visitor can make expensive (a PostGIS check, parsing an upload, writing
 * a file, rendering a PDF), each with its own budget. Mounted before the routers (POST, and the GET of a layer download).
 */
export function mountExpensiveEndpointLimits(app: Express, limits: RateLimits, stores: RateLimitStoreFactory = () => undefined): void {
  // app.use, not app.post: a middleware, not a second route beside the documented one (OpenAPI coverage).
  const on = (method: string, limiter: RequestHandler): RequestHandler => (req, res, next) => (req.method === method ? limiter(req, res, next) : next());
  app.use('/api/check', on('POST', rateLimiter(limits.check, 'TOO_MANY_CHECKS', { zh: '核查', en: 'check' }, stores('check'))));
  app.use('/api/import', on('POST', rateLimiter(limits.import, 'TOO_MANY_IMPORTS', { zh: '导入', en: 'import' }, stores('import'))));
  app.use('/api/export', on('POST', rateLimiter(limits.export, 'TOO_MANY_EXPORTS', { zh: '导出', en: 'export' }, stores('export'))));
  // A whole layer as GeoPackage/Shapefile is written on request: the same budget as a site export.
  app.use('/api/layers/:id/export', on('GET', rateLimiter(limits.export, 'TOO_MANY_EXPORTS', { zh: '导出', en: 'export' }, stores('layer-export'))));
  app.use('/api/report', on('POST', rateLimiter(limits.report, 'TOO_MANY_REPORTS', { zh: '报告', en: 'report' }, stores('report'))));
}
