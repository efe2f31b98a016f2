import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AppError } from '../http/errors.ts';

/** The header that carries the token the login response handed out. */
const CSRF_HEADER = 'x-csrf-token';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isMutating = (method: string) => MUTATING.has(method.toUpperCase());

export const newCsrfToken = () => randomBytes(24).toString('base64url');

/**
 * Synchroniser token: a cross-site page can make the browser send the cookie but cannot read the
 * token from our login response, so it cannot send the header. Compared in constant time.
 */
export function assertCsrf(req: Request, expected: string): void {
  const sent = req.get(CSRF_HEADER);
  const a = Buffer.from(sent ?? '');
  const b = Buffer.from(expected);
  if (!sent || a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new AppError(403, 'CSRF_TOKEN_INVALID', {
      zh: '缺少或错误的 CSRF 令牌（请求头 X-CSRF-Token），请刷新页面或重新登录',
      en: 'Missing or wrong CSRF token (X-CSRF-Token header); reload the page or log in again',
    });
  }
}
