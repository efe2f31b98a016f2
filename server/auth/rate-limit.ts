import { rateLimit, type Options } from 'express-rate-limit';
import { AppError } from '../http/errors.ts';

export interface LoginRateLimit {
  windowMs: number;
  limit: number;
}

/**
 * Per client address. Generous on purpose: a bureau's whole office may share one address; the
 * per-username lock-out (lockout.ts) is what stops password guessing against one account.
 */
export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimit = { windowMs: 60_000, limit: 30 };

export function loginRateLimiter({ windowMs, limit }: LoginRateLimit = DEFAULT_LOGIN_RATE_LIMIT) {
  const handler: Options['handler'] = (_req, _res, next, options) => {
    const seconds = Math.ceil(options.windowMs / 1000);
    next(
      new AppError(429, 'TOO_MANY_LOGIN_ATTEMPTS', {
        zh: `登录请求过于频繁，请 ${seconds} 秒后再试`,
        en: `Too many login attempts; try again in ${seconds} seconds`,
      }),
    );
  };
  return rateLimit({ windowMs, limit, standardHeaders: 'draft-8', legacyHeaders: false, handler });
}
