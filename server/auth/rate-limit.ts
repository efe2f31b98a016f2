import type { RateLimit } from '../config.ts';
import type { Store } from 'express-rate-limit';
import { rateLimiter } from '../http/rate-limits.ts';

export type LoginRateLimit = RateLimit;

/**
 * Per client address (RATE_LIMIT_LOGIN a minute). Generous on purpose: a bureau's whole office may
 * share one address; the per-username-and-address lock-out (lockout.ts) is what stops guessing.
 */
export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimit = { windowMs: 60_000, limit: 30 };

export function loginRateLimiter(limit: LoginRateLimit = DEFAULT_LOGIN_RATE_LIMIT, store?: Store) {
  return rateLimiter(limit, 'TOO_MANY_LOGIN_ATTEMPTS', { zh: '登录', en: 'login' }, store);
}
