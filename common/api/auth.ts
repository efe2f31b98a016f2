import { z } from 'zod';
import { domainChecked } from './domain-checked.ts';
import { ROLES } from '../domain/roles.ts';

/**
 * Sessions and accounts: POST /api/auth/login|logout|password, GET /api/auth/me, and the
 * administrators' /api/users. The credentials are checked by the server's own parsers (their codes:
 * MISSING_CREDENTIALS, WEAK_PASSWORD, INVALID_ROLE …); these schemas type and describe them.
 */

const sessionUser = z.object({ id: z.number().int(), username: z.string(), role: z.enum(ROLES) });
export type SessionUser = z.infer<typeof sessionUser>;

export const loginBody = z.looseObject({
  username: domainChecked(z.string().min(1).max(64), '用户名 / Username'),
  password: domainChecked(z.string().min(1).max(256), '密码 / Password'),
});
export type LoginBody = z.infer<typeof loginBody>;

export const loginResponse = z.object({ user: sessionUser, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof loginResponse>;

export const passwordChangeBody = z.looseObject({
  currentPassword: domainChecked(z.string(), '当前密码 / Current password'),
  newPassword: domainChecked(z.string(), '新密码 / New password'),
});

export const sessionState = z.object({ user: sessionUser.nullable(), csrfToken: z.string().nullable(), publicMap: z.boolean() });
export type SessionState = z.infer<typeof sessionState>;

export const account = sessionUser.extend({ disabled: z.boolean(), createdAt: z.string(), updatedAt: z.string() });
export type Account = z.infer<typeof account>;

export const createUserBody = z.looseObject({
  username: domainChecked(z.string(), '用户名 / Username'),
  password: domainChecked(z.string(), '初始密码 / Initial password'),
  role: domainChecked(z.enum(ROLES), '角色 / Role'),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

/** PATCH /api/users/:id: role, password or disabled (a changed account loses its sessions). */
export const updateUserBody = z.looseObject({
  role: domainChecked(z.enum(ROLES)).optional(),
  password: domainChecked(z.string()).optional(),
  disabled: domainChecked(z.boolean()).optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const userParams = z.object({ id: domainChecked(z.string().regex(/^\d{1,15}$/), '账号编号 / Account id') });
