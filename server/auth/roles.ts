import type { Request, RequestHandler } from 'express';
import type { Config } from '../config.ts';
import { AppError, type Bilingual } from '../http/errors.ts';
import { assertCsrf, isMutating } from './csrf.ts';
import type { AuthUser } from './sessions.ts';

import { ROLES, type Role } from '../../common/domain/roles.ts';

const ROLE_LABELS: Record<Role, Bilingual> = {
  applicant: { zh: '申请人', en: 'Applicant' },
  reviewer: { zh: '审查人员', en: 'Reviewer' },
  admin: { zh: '管理员', en: 'Administrator' },
};

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const notAuthenticated = () =>
  new AppError(401, 'NOT_AUTHENTICATED', { zh: '请先登录', en: 'Please log in first' });

const forbiddenRole = (roles: readonly Role[]) =>
  new AppError(
    403,
    'FORBIDDEN_ROLE',
    {
      zh: `此操作仅限${roles.map((r) => ROLE_LABELS[r].zh).join('或')}`,
      en: `Only ${roles.map((r) => ROLE_LABELS[r].en.toLowerCase()).join(' or ')} accounts may do this`,
    },
    { roles },
  );

/** The logged-in user of the request, or a 401. */
export function currentUser(req: Request): AuthUser {
  if (!req.auth) throw notAuthenticated();
  return req.auth.user;
}

/**
 * Guards a route: a session is required (401), a mutating request must carry the session's CSRF
 * token (403), and when roles are given the user must have one of them (403). Put it on every
 * route that acts with a user's authority — that is what makes CSRF cover every write.
 */
export function requireUser(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) return next(notAuthenticated());
    if (isMutating(req.method)) assertCsrf(req, req.auth.csrfToken);
    if (roles.length > 0 && !roles.includes(req.auth.user.role)) return next(forbiddenRole(roles));
    next();
  };
}

/**
 * For the map's read endpoints (MAP_READ_PATHS: layers, tiles, search, check, rules, report):
 * open to everyone when `publicMap` is on (the default), otherwise a login is needed (401).
 * Any role will do: reading the map is not an action of a role.
 */
export function requireLoginForReads(config: Pick<Config, 'publicMap'>): RequestHandler {
  return (req, _res, next) => {
    if (config.publicMap || req.auth) return next();
    next(notAuthenticated());
  };
}
