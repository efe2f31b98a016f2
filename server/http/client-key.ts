import type { Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';

/**
 * Who a request counts against: a signed-in user, else the client address (IPv6 by /56, so one host
 * cannot rotate through its own subnet). The address is `req.ip`: without TRUST_PROXY the socket's
 * peer, which a client cannot choose by sending X-Forwarded-For.
 */
export function clientKey(req: Request): string {
  return req.auth ? `user:${req.auth.user.id}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}
