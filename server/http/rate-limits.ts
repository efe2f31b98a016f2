import type { Express, Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import type { RateLimit, RateLimits } from '../config.ts';
import { AppError } from './errors.ts';

/**
 * One bucket per signed-in user, else per client address (IPv6 by /56, so one host cannot rotate
 * through its own subnet). The address is `req.ip`: without TRUST_PROXY the socket's peer, which a
 * client cannot choose by sending X-Forwarded-For.
 */
function clientKey(req: Request): string {
  return req.auth ? `user:${req.auth.user.id}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}

/**
 * A per-client limit answering a bilingual 429 with Retry-After (seconds until the window frees a
 * slot) and the draft-8 RateLimit headers. `what` names the action in both languages. limit 0 = off.
 */
export function rateLimiter({ windowMs, limit }: RateLimit, code: string, what: { zh: string; en: string }): RequestHandler {
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
  return rateLimit({ windowMs, limit, standardHeaders: 'draft-8', legacyHeaders: false, keyGenerator: clientKey, handler });
}

/**
 * The endpoints an anonymous visitor can make expensive (a PostGIS check, parsing an upload, writing
 * a file, rendering a PDF), each with its own budget. Mounted before the routers, for POST only.
 */
export function mountExpensiveEndpointLimits(app: Express, limits: RateLimits): void {
  app.post('/api/check', rateLimiter(limits.check, 'TOO_MANY_CHECKS', { zh: '核查', en: 'check' }));
  app.post('/api/import', rateLimiter(limits.import, 'TOO_MANY_IMPORTS', { zh: '导入', en: 'import' }));
  app.post('/api/export', rateLimiter(limits.export, 'TOO_MANY_EXPORTS', { zh: '导出', en: 'export' }));
  app.post('/api/report/:format', rateLimiter(limits.report, 'TOO_MANY_REPORTS', { zh: '报告', en: 'report' }));
}
