import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit';
import type pg from 'pg';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';

/** Makes the store of one named limiter; undefined = express-rate-limit's memory store. */
export type RateLimitStoreFactory = (name: string) => Store | undefined;

/**
 * express-rate-limit's counters in PostgreSQL (rate_limit_hits, 110_instance_leases.sql): one fixed
 * window per limiter and client, shared by every app instance on the database — with the memory
 * store, N instances behind a proxy would grant N times each budget. One upsert per counted request.
 */
export class DatabaseRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private windowMs = 60_000;
  private increments = 0;

  constructor(
    private readonly pool: pg.Pool,
    name: string,
  ) {
    this.prefix = `${name}:`;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const { rows } = await this.pool.query<{ hits: number; reset_at: Date }>(
      'SELECT hits, reset_at FROM rate_limit_hits WHERE key = $1 AND reset_at > now()',
      [this.prefix + key],
    );
    return rows[0] && { totalHits: rows[0].hits, resetTime: rows[0].reset_at };
  }

  async increment(key: string): Promise<IncrementResponse> {
    // Now and then, rows whose window ended long ago go (lazily: no timer in any instance).
    if (++this.increments % 500 === 0) {
      this.pool.query(`DELETE FROM rate_limit_hits WHERE reset_at < now() - interval '1 hour'`).catch(() => {});
    }
    const { rows } = await this.pool.query<{ hits: number; reset_at: Date }>(
      `INSERT INTO rate_limit_hits AS r (key, hits, reset_at) VALUES ($1, 1, now() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
         reset_at = CASE WHEN r.reset_at <= now() THEN EXCLUDED.reset_at ELSE r.reset_at END
       RETURNING hits, reset_at`,
      [this.prefix + key, this.windowMs],
    );
    return { totalHits: rows[0].hits, resetTime: rows[0].reset_at };
  }

  async decrement(key: string): Promise<void> {
    await this.pool.query('UPDATE rate_limit_hits SET hits = greatest(hits - 1, 0) WHERE key = $1', [this.prefix + key]);
  }

  async resetKey(key: string): Promise<void> {
    await this.pool.query('DELETE FROM rate_limit_hits WHERE key = $1', [this.prefix + key]);
  }

  async resetAll(): Promise<void> {
    // A prefix match, not LIKE: '_' in a limiter's name would be a wildcard and clear other limiters' keys.
    await this.pool.query('DELETE FROM rate_limit_hits WHERE left(key, length($1)) = $1', [this.prefix]);
  }
}

/**
 * On PostgreSQL the counters live in the database (several instances may share it); the embedded
 * database has one process by construction, and its single connection is better spared: memory.
 */
export function rateLimitStores(db: Pick<Database, 'mode' | 'pool'>, where: Config['rateLimitStore'] | undefined): RateLimitStoreFactory {
  return (name) => (db.mode === 'external' && where === 'database' ? new DatabaseRateLimitStore(db.pool, name) : undefined);
}
