import type { Queryable } from '../db/types.ts';
import { AppError } from '../http/errors.ts';

/**
 * Password guessing is bounded twice, in the database (so it holds across app instances and
 * restarts, and concurrent requests cannot slip past it):
 *
 * 1. Per username AND client address: at most MAX_FAILURES attempts in FAILURE_WINDOW, counted when
 *    the attempt is *reserved*, before the password is verified — a burst of 24 concurrent guesses
 *    gets 5 verified, not 24. The 5th failure locks that pair for LOCK_MS. A stranger at another
 *    address cannot lock the owner out, and the right password does not lift a lock.
 * 2. Per username from all addresses: after THROTTLE_FREE failures each further attempt waits a
 *    doubling delay (2 s, 4 s, …) up to THROTTLE_MAX_MS (429 + Retry-After) — slow for a guesser with many
 *    addresses, never a lock for the owner.
 */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
const THROTTLE_FREE = 10;
const THROTTLE_MAX_MS = 60 * 1000;

export const accountLocked = (until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    423,
    'ACCOUNT_LOCKED',
    {
      zh: `登录失败次数过多，该账号在此地址已锁定，请 ${minutes} 分钟后再试`,
      en: `Too many failed logins: this account is locked from this address; try again in ${minutes} minute(s)`,
    },
    { lockedUntil: until.toISOString() },
  );
};

const loginThrottled = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'LOGIN_THROTTLED',
    {
      zh: `该账号近期登录失败较多，请 ${retryAfterSeconds} 秒后再试`,
      en: `Many failed logins for this account lately; try again in ${retryAfterSeconds} seconds`,
    },
    { retryAfterSeconds },
  );

export interface AttemptKey {
  /** Normalised username (normalizeUsername). */
  username: string;
  address: string;
}

/**
 * Reserves one login attempt, atomically; throws 423 while the pair is locked (the password is then
 * never verified) and 429 while the username is throttled. Call before verifying the password.
 */
export async function reserveAttempt(db: Queryable, key: AttemptKey): Promise<void> {
  await db.query(
    `INSERT INTO login_throttle (username, failures, last_failed_at, next_attempt_at) VALUES ($1, 0, now(), now())
     ON CONFLICT (username) DO NOTHING`,
    [key.username],
  );
  // Taking the slot and pushing the next one back is one conditional UPDATE: concurrent attempts
  // re-check the row after each other's commit, so only one gets each slot.
  const slot = await db.query(
    `UPDATE login_throttle SET
       failures = CASE WHEN last_failed_at < now() - $2 * interval '1 millisecond' THEN 0 ELSE failures END,
       next_attempt_at = CASE WHEN last_failed_at >= now() - $2 * interval '1 millisecond' AND failures >= $3
                              THEN now() + LEAST($4::float8, 2000 * power(2, failures - $3)) * interval '1 millisecond'
                              ELSE now() END
     WHERE username = $1 AND next_attempt_at <= now()
     RETURNING 1`,
    [key.username, FAILURE_WINDOW_MS, THROTTLE_FREE, THROTTLE_MAX_MS],
  );
  if (slot.rowCount === 0) {
    const { rows } = await db.query<{ waitMs: number }>(
      `SELECT GREATEST(1, CEIL(EXTRACT(EPOCH FROM (next_attempt_at - now())) * 1000))::int AS "waitMs" FROM login_throttle WHERE username = $1`,
      [key.username],
    );
    throw loginThrottled(Math.ceil((rows[0]?.waitMs ?? 1000) / 1000));
  }

  // One statement: under concurrency PostgreSQL serialises it on the row, so the count is exact.
  const { rows } = await db.query<{ lockedUntil: Date | null; attempts: number }>(
    `INSERT INTO login_attempts AS a (username, address, attempts, window_started_at, last_attempt_at)
     VALUES ($1, $2, 1, now(), now())
     ON CONFLICT (username, address) DO UPDATE SET
       attempts = CASE WHEN a.locked_until > now() THEN a.attempts
                       WHEN a.locked_until IS NOT NULL OR a.window_started_at < now() - $3 * interval '1 millisecond' THEN 1
                       ELSE a.attempts + 1 END,
       window_started_at = CASE WHEN a.locked_until > now() THEN a.window_started_at
                                WHEN a.locked_until IS NOT NULL OR a.window_started_at < now() - $3 * interval '1 millisecond' THEN now()
                                ELSE a.window_started_at END,
       locked_until = CASE WHEN a.locked_until > now() THEN a.locked_until
                           WHEN a.locked_until IS NOT NULL OR a.window_started_at < now() - $3 * interval '1 millisecond' THEN NULL
                           WHEN a.attempts + 1 > $4 THEN now() + $5 * interval '1 millisecond'
                           ELSE NULL END,
       last_attempt_at = now()
     RETURNING locked_until AS "lockedUntil", attempts`,
    [key.username, key.address, FAILURE_WINDOW_MS, MAX_FAILURES, LOCK_MS],
  );
  const lockedUntil = rows[0].lockedUntil;
  if (lockedUntil && lockedUntil.getTime() > Date.now()) throw accountLocked(lockedUntil);
}

/**
 * Records that a reserved attempt failed. Returns the lock end when this failure locked the pair
 * (its MAX_FAILURES-th attempt in the window), else null. Also advances the username's throttle.
 */
export async function recordFailure(db: Queryable, key: AttemptKey): Promise<Date | null> {
  await db.query(`UPDATE login_throttle SET failures = failures + 1, last_failed_at = now() WHERE username = $1`, [key.username]);
  const { rows } = await db.query<{ lockedUntil: Date }>(
    `UPDATE login_attempts SET locked_until = COALESCE(locked_until, now() + $4 * interval '1 millisecond')
      WHERE username = $1 AND address = $2 AND attempts >= $3
      RETURNING locked_until AS "lockedUntil"`,
    [key.username, key.address, MAX_FAILURES, LOCK_MS],
  );
  return rows[0]?.lockedUntil ?? null;
}

/**
 * A successful login forgets the pair's attempts — unless a concurrent burst locked it meanwhile:
 * the right password never lifts a lock. Stale rows of other pairs are dropped too.
 */
export async function clearAttempts(db: Queryable, key: AttemptKey): Promise<void> {
  await db.query(
    `DELETE FROM login_attempts
      WHERE (username = $1 AND address = $2 AND (locked_until IS NULL OR locked_until <= now()))
         OR (last_attempt_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now()))`,
    [key.username, key.address],
  );
  await db.query(`DELETE FROM login_throttle WHERE last_failed_at < now() - interval '1 day' AND next_attempt_at < now()`);
}
