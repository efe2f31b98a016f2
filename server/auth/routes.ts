import { Router, type Request } from 'express';
import type { Config } from '../config.ts';
import { withTransaction, type Database } from '../db/database.ts';
import { apiRoute } from '../http/api-route.ts';
import { AppError, badRequest } from '../http/errors.ts';
import { loginBody, loginResponse, passwordChangeBody, sessionState } from '../../common/api/auth.ts';
import { recordAudit } from '../audit/audit.ts';
import { ipKeyGenerator } from 'express-rate-limit';
import { accountLocked, clearAttempts, recordFailure, reserveAttempt, type AttemptKey } from './lockout.ts';
import { usernameKey } from './usernames.ts';
import { verifyPassword } from './passwords.ts';
import { DEFAULT_LOGIN_RATE_LIMIT, loginRateLimiter, type LoginRateLimit } from './rate-limit.ts';
import { requireUser } from './roles.ts';
import { rateLimitStores } from '../http/rate-limit-store.ts';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  DEFAULT_SESSION_POLICY,
  sessionCookieName,
  sessionCookieOptions,
  type SessionPolicy,
} from './sessions.ts';
import { findUserForLogin, updateUser } from './users.ts';

const badCredentials = () =>
  new AppError(401, 'INVALID_CREDENTIALS', { zh: '用户名或密码错误', en: 'Wrong username or password' });

function parseCredentials(body: unknown): { username: string; password: string } {
  const { username, password } = (body ?? {}) as Record<string, unknown>;
  if (typeof username !== 'string' || typeof password !== 'string' || !username.trim() || !password || username.length > 64 || password.length > 256) {
    throw badRequest('MISSING_CREDENTIALS', '请输入用户名和密码', 'username and password are required');
  }
  return { username: username.trim(), password };
}

const clientOf = (req: Request) => ({ ip: req.ip, userAgent: req.get('user-agent') });

/**
 * POST /api/auth/login → { user, csrfToken } + session cookie; POST /api/auth/logout; GET /api/auth/me.
 * Login is the one mutating request without a CSRF token (there is no session yet).
 */
export function authRouter(db: Database, config: Pick<Config, 'publicMap'> & Partial<Pick<Config, 'rateLimits' | 'rateLimitStore' | 'sessionIdleMs' | 'sessionMaxMs'>>, options: { loginRateLimit?: LoginRateLimit } = {}): Router {
  const router = Router();
  const policy: SessionPolicy = {
    idleMs: config.sessionIdleMs ?? DEFAULT_SESSION_POLICY.idleMs,
    maxMs: config.sessionMaxMs ?? DEFAULT_SESSION_POLICY.maxMs,
  };
  const limiter = loginRateLimiter(options.loginRateLimit ?? config.rateLimits?.login ?? DEFAULT_LOGIN_RATE_LIMIT, rateLimitStores(db, config.rateLimitStore)('login'));

  apiRoute(router, { method: 'post', path: '/api/auth/login', tag: 'auth', access: 'public', summary: { zh: '登录（设置会话 Cookie）', en: 'Log in (sets the session cookie)' }, body: loginBody, responses: { 200: loginResponse } }, limiter, async (req, res) => {
    const { username, password } = parseCredentials(req.body);
    const key: AttemptKey = { username: usernameKey(username), address: ipKeyGenerator(req.ip ?? 'unknown') };
    // Counted before the (slow) password check: a concurrent burst cannot outrun the limit.
    await reserveAttempt(db.pool, key);
    const user = await findUserForLogin(db.pool, username);
    const ok = (await verifyPassword(user?.passwordHash, password)) && user !== undefined && !user.disabled;
    if (!ok || !user) {
      const lockedUntil = await withTransaction(db.pool, async (client) => {
        const until = await recordFailure(client, key);
        await recordAudit(client, {
          action: until ? 'auth.locked' : 'auth.login_failed',
          actor: null,
          detail: { username, ...(until ? { lockedUntil: until.toISOString() } : {}) },
          ip: req.ip,
        });
        return until;
      });
      throw lockedUntil ? accountLocked(lockedUntil) : badCredentials();
    }
    const session = await withTransaction(db.pool, async (client) => {
      await clearAttempts(client, key);
      await deleteExpiredSessions(client);
      const created = await createSession(client, user.id, clientOf(req), policy);
      await recordAudit(client, {
        action: 'auth.login',
        actor: user,
        detail: { userAgent: req.get('user-agent') ?? null },
        ip: req.ip,
      });
      return created;
    });
    // A session cookie from before this login (possibly planted) is ended, not reused.
    if (req.auth) await deleteSession(db.pool, req.auth.tokenHash);
    res.cookie(sessionCookieName(req), session.token, { ...sessionCookieOptions(req), maxAge: policy.maxMs });
    res.json({ user: { id: user.id, username: user.username, role: user.role }, csrfToken: session.csrfToken });
  });

  apiRoute(router, { method: 'post', path: '/api/auth/logout', tag: 'auth', access: 'user', summary: { zh: '退出登录', en: 'Log out' }, responses: { 204: { mediaType: 'text/plain', description: '已退出 / Logged out' } } }, requireUser(), async (req, res) => {
    const auth = req.auth!;
    await withTransaction(db.pool, async (client) => {
      await deleteSession(client, auth.tokenHash);
      await recordAudit(client, { action: 'auth.logout', actor: auth.user, ip: req.ip });
    });
    res.clearCookie(sessionCookieName(req), sessionCookieOptions(req));
    res.status(204).end();
  });

  // Changing one's own password needs the current one; every other session of the user ends.
  apiRoute(router, { method: 'post', path: '/api/auth/password', tag: 'auth', access: 'user', summary: { zh: '修改本人密码（其他会话结束）', en: 'Change one’s own password (other sessions end)' }, body: passwordChangeBody, responses: { 200: loginResponse } }, requireUser(), async (req, res) => {
    const auth = req.auth!;
    const { currentPassword, newPassword } = (req.body ?? {}) as Record<string, unknown>;
    const account = await findUserForLogin(db.pool, auth.user.username);
    if (typeof currentPassword !== 'string' || !(await verifyPassword(account?.passwordHash, currentPassword))) {
      throw new AppError(403, 'WRONG_PASSWORD', { zh: '当前密码不正确', en: 'The current password is wrong' });
    }
    const session = await withTransaction(db.pool, async (client) => {
      await updateUser(client, auth.user.id, { password: newPassword as string });
      await deleteUserSessions(client, auth.user.id);
      await recordAudit(client, { action: 'user.password_changed', actor: auth.user, detail: { userId: auth.user.id }, ip: req.ip });
      return createSession(client, auth.user.id, clientOf(req), policy);
    });
    res.cookie(sessionCookieName(req), session.token, { ...sessionCookieOptions(req), maxAge: policy.maxMs });
    res.json({ user: auth.user, csrfToken: session.csrfToken });
  });

  // Anonymous visitors get { user: null }: on a public map that is a normal state, not an error.
  apiRoute(router, { method: 'get', path: '/api/auth/me', tag: 'auth', access: 'public', summary: { zh: '当前会话（未登录时 user 为 null）', en: 'The current session (user null when anonymous)' }, responses: { 200: sessionState } }, (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      user: req.auth?.user ?? null,
      csrfToken: req.auth?.csrfToken ?? null,
      publicMap: config.publicMap,
    });
  });
  return router;
}
