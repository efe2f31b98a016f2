import type { Queryable } from '../db/types.ts';
import { AppError } from '../http/errors.ts';

/** This many failed logins for one username within FAILURE_WINDOW … */
export const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** … lock that username for this long (a correct password does not help meanwhile). */
export const LOCK_MS = 15 * 60 * 1000;

export const accountLocked = (until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    423,
    'ACCOUNT_LOCKED',
    {
      zh: `登录失败次数过多，该账号已锁定，请 ${minutes} 分钟后再试`,
      en: `Too many failed logins: this account is locked; try again in ${minutes} minute(s)`,
    },
    { lockedUntil: until.toISOString() },
  );
};

/** Throws 423 while the username is locked. */
export async function assertNotLocked(db: Queryable, username: string): Promise<void> {
  const { rows } = await db.query<{ lockedUntil: Date }>(
    `SELECT locked_until AS "lockedUntil" FROM login_failures WHERE username = lower($1) AND locked_until > now()`,
    [username],
  );
  if (rows[0]) throw accountLocked(rows[0].lockedUntil);
}

/**
 * Counts a failed login (known username or not: a lock must not reveal which accounts exist).
 * Returns the lock end when this failure locked the username.
 */
export async function recordFailure(db: Queryable, username: string): Promise<Date | null> {
  const { rows } = await db.query<{ failures: number }>(
    `INSERT INTO login_failures AS f (username, failures, first_failed_at, last_failed_at)
     VALUES (lower($1), 1, now(), now())
     ON CONFLICT (username) DO UPDATE SET
       failures = CASE WHEN f.first_failed_at < now() - $2 * interval '1 millisecond' OR f.locked_until <= now()
                       THEN 1 ELSE f.failures + 1 END,
       first_failed_at = CASE WHEN f.first_failed_at < now() - $2 * interval '1 millisecond' OR f.locked_until <= now()
                              THEN now() ELSE f.first_failed_at END,
       last_failed_at = now(),
       locked_until = CASE WHEN f.locked_until <= now() THEN NULL ELSE f.locked_until END
     RETURNING failures`,
    [username, FAILURE_WINDOW_MS],
  );
  if (rows[0].failures < MAX_FAILURES) return null;
  const locked = await db.query<{ lockedUntil: Date }>(
    `UPDATE login_failures SET locked_until = now() + $2 * interval '1 millisecond'
      WHERE username = lower($1) RETURNING locked_until AS "lockedUntil"`,
    [username, LOCK_MS],
  );
  return locked.rows[0].lockedUntil;
}

/** A successful login forgets earlier failures; stale rows of other usernames are dropped too. */
export async function clearFailures(db: Queryable, username: string): Promise<void> {
  await db.query(
    `DELETE FROM login_failures
      WHERE username = lower($1)
         OR (last_failed_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now()))`,
    [username],
  );
}
