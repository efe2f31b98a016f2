import type { Queryable } from '../db/types.ts';
import { AppError, badRequest, conflict, notFound } from '../http/errors.ts';
import { hashPassword, parseNewPassword } from './passwords.ts';
import { ROLES, type Role } from '../../common/domain/roles.ts';
import { isRole } from './roles.ts';
import { normalizeUsername, parseUsername, usernameSkeleton } from './usernames.ts';

import type { AuthUser } from './sessions.ts';

export interface UserInfo extends AuthUser {
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

const USER_COLUMNS = `id, username, role, disabled, created_at AS "createdAt", updated_at AS "updatedAt"`;

export function parseRole(input: unknown): Role {
  if (!isRole(input)) {
    throw badRequest('INVALID_ROLE', `角色应为 ${ROLES.join('、')} 之一`, `role must be one of ${ROLES.join(', ')}`, { allowed: ROLES });
  }
  return input;
}

/** 409 when the name looks like an existing one (`аdmin` in Cyrillic, or `adm1n`, beside `admin`). */
async function assertNotLookAlike(db: Queryable, username: string): Promise<void> {
  const skeleton = usernameSkeleton(username);
  const { rows } = await db.query<{ username: string }>('SELECT username FROM users WHERE lower(username) <> lower($1)', [username]);
  const twin = rows.find((r) => usernameSkeleton(r.username) === skeleton);
  if (twin) {
    throw conflict('USERNAME_LOOKS_ALIKE', `用户名与已有账号 ${twin.username} 外观相同，请换一个`, `The username looks the same as the existing account ${twin.username}; choose another`);
  }
}

/** Creates an account; 409 when the username (ignoring case) is taken. */
export async function createUser(
  db: Queryable,
  input: { username: string; password: string; role: Role },
): Promise<UserInfo> {
  const username = parseUsername(input.username);
  const password = parseNewPassword(input.password);
  await assertNotLookAlike(db, username);
  const passwordHash = await hashPassword(password);
  const { rows } = await db.query<UserInfo>(
    `INSERT INTO users (username, password_hash, role) VALUES ($1, $2, $3)
     ON CONFLICT ((lower(username))) DO NOTHING
     RETURNING ${USER_COLUMNS}`,
    [username, passwordHash, input.role],
  );
  if (!rows[0]) throw conflict('USERNAME_TAKEN', `用户名已存在：${username}`, `The username is taken: ${username}`);
  return rows[0];
}

export async function listUsers(db: Queryable): Promise<UserInfo[]> {
  const { rows } = await db.query<UserInfo>(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`);
  return rows;
}

/** The account and its hash for a login attempt (case-insensitive username), or undefined. */
export async function findUserForLogin(
  db: Queryable,
  username: string,
): Promise<(AuthUser & { passwordHash: string; disabled: boolean }) | undefined> {
  const { rows } = await db.query(
    `SELECT id, username, role, disabled, password_hash AS "passwordHash" FROM users WHERE lower(username) = lower($1)`,
    [normalizeUsername(username)],
  );
  return rows[0];
}

/** Changes role, password or disabled state; returns the account as it is now. */
export async function updateUser(
  db: Queryable,
  id: number,
  change: { role?: Role; password?: string; disabled?: boolean },
): Promise<UserInfo> {
  const passwordHash = change.password === undefined ? null : await hashPassword(parseNewPassword(change.password));
  const { rows } = await db.query<UserInfo>(
    `UPDATE users SET role = COALESCE($2, role), password_hash = COALESCE($3, password_hash),
            disabled = COALESCE($4, disabled), updated_at = now()
      WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [id, change.role ?? null, passwordHash, change.disabled ?? null],
  );
  if (!rows[0]) throw notFound('UNKNOWN_USER', `用户不存在：${id}`, `No such user: ${id}`);
  return rows[0];
}

/** The last enabled admin may not be demoted or disabled: nobody could manage accounts any more. */
export async function assertNotLastAdmin(db: Queryable, id: number): Promise<void> {
  const { rows } = await db.query<{ others: number; isAdmin: boolean }>(
    `SELECT (SELECT count(*)::int FROM users WHERE role = 'admin' AND NOT disabled AND id <> $1) AS others,
            EXISTS (SELECT 1 FROM users WHERE id = $1 AND role = 'admin' AND NOT disabled) AS "isAdmin"`,
    [id],
  );
  if (rows[0].isAdmin && rows[0].others === 0) {
    throw new AppError(409, 'LAST_ADMIN', { zh: '不能停用或降级最后一名管理员', en: 'The last administrator cannot be disabled or demoted' });
  }
}
