import { createHash, randomBytes } from 'node:crypto';
import type { CookieOptions, Request, RequestHandler } from 'express';
import type { Database } from '../db/database.ts';
import type { Queryable } from '../db/types.ts';
import { newCsrfToken } from './csrf.ts';
import type { Role } from '../../common/domain/roles.ts';

export interface AuthUser {
  id: number;
  username: string;
  role: Role;
}

/** What sessionMiddleware attaches to a request that carries a live session. */
interface RequestAuth {
  user: AuthUser;
  csrfToken: string;
  tokenHash: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      auth?: RequestAuth;
    }
  }
}

const SESSION_COOKIE = 'redline_session';
/**
 * Behind TLS the cookie is named `__Host-…`: browsers then accept it only with Secure, Path=/ and
 * no Domain, so a sibling host or a plain-HTTP page cannot plant or shadow it.
 */
const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
export const sessionCookieName = (req: Request) => (req.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE);

/** How long sessions live (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS; ASVS V3.3.2: ≤ 12 h, idle ≤ 30 min). */
export interface SessionPolicy {
  /** A session ends after this long without a request … */
  idleMs: number;
  /** … and in any case this long after login. */
  maxMs: number;
}
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60 * 1000, maxMs: 12 * 60 * 60 * 1000 };
/** last_seen/expiry are written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** HttpOnly (no script reads it), SameSite=Strict (never sent cross-site), Secure when served over TLS. */
export function sessionCookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' };
}

export async function createSession(
  db: Queryable,
  userId: number,
  client: { ip?: string; userAgent?: string },
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = newCsrfToken();
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, now() + LEAST($4::float8, $7::float8) * interval '1 millisecond', $5, $6)`,
    [hashToken(token), userId, csrfToken, policy.idleMs, client.ip ?? null, client.userAgent?.slice(0, 300) ?? null, policy.maxMs],
  );
  return { token, csrfToken };
}

interface SessionRow extends AuthUser {
  csrfToken: string;
  tokenHash: string;
  stale: boolean;
}

/** The live session for a cookie value, extending its idle expiry when it was last touched a while ago. */
async function findSession(db: Queryable, token: string, policy: SessionPolicy = DEFAULT_SESSION_POLICY): Promise<RequestAuth | null> {
  const tokenHash = hashToken(token);
  const { rows } = await db.query<SessionRow>(
    `SELECT u.id, u.username, u.role, s.csrf_token AS "csrfToken", s.token_hash AS "tokenHash",
            s.last_seen_at < now() - $2 * interval '1 millisecond' AS stale
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled
        AND s.created_at > now() - $3 * interval '1 millisecond'`,
    [tokenHash, Math.min(TOUCH_EVERY_MS, policy.idleMs / 6), policy.maxMs],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.stale) {
    await db.query(
      `UPDATE sessions SET last_seen_at = now(),
              expires_at = LEAST(now() + $2 * interval '1 millisecond', created_at + $3 * interval '1 millisecond')
        WHERE token_hash = $1`,
      [tokenHash, policy.idleMs, policy.maxMs],
    );
  }
  return { user: { id: Number(row.id), username: row.username, role: row.role }, csrfToken: row.csrfToken, tokenHash };
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  sessionCache.clear();
}

/** Ends every session of a user (password reset, role change, account disabled). */
export async function deleteUserSessions(db: Queryable, userId: number): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  sessionCache.clear();
}

export async function deleteExpiredSessions(db: Queryable): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at <= now()');
}

/**
 * A map page fires dozens of tile requests carrying the cookie; remembering a lookup for a few
 * seconds spares the (single-connection) embedded database those queries. Logout and account
 * changes clear it at once. Not on PostgreSQL, where several instances may share the sessions.
 */
const CACHE_MS = 5_000;
const sessionCache = new Map<string, { auth: RequestAuth | null; until: number }>();

/** Drops every remembered lookup (tests that simulate a restart in one process). */
export function forgetCachedSessions(): void {
  sessionCache.clear();
}

/** Attaches req.auth when the request carries a live session cookie (needs cookie-parser before it). */
export function sessionMiddleware(db: Database, policy: SessionPolicy = DEFAULT_SESSION_POLICY): RequestHandler {
  return async (req, _res, next) => {
    const token = (req.cookies as Record<string, string> | undefined)?.[sessionCookieName(req)];
    if (typeof token !== 'string' || token.length === 0 || token.length > 200) return next();
    const now = Date.now();
    const cached = sessionCache.get(token);
    let auth: RequestAuth | null;
    // Embedded only: there one process holds the database, so nothing else can end a session behind
    // the cache's back; on PostgreSQL another instance may log the user out, and the lookup is cheap.
    if (cached && cached.until > now && db.mode === 'embedded') {
      auth = cached.auth;
    } else {
      auth = await findSession(db.pool, token, policy);
      if (db.mode === 'embedded') {
        if (sessionCache.size > 10_000) sessionCache.clear();
        sessionCache.set(token, { auth, until: now + CACHE_MS });
      }
    }
    if (auth) req.auth = auth;
    next();
  };
}
