import pg from 'pg';
import type { Config } from '../config.ts';
import { startEmbeddedDatabase } from './embedded.ts';
import { migrate } from './migrate.ts';
import { openReplica, type Replica } from './replica.ts';

// int8 (bigserial ids, counts) as JS numbers: our ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

type DatabaseMode = 'embedded' | 'external';

/** Pools whose one connection is the database's only session (embedded): whoever holds it is alone. */
const soleSessionPools = new WeakSet<pg.Pool>();

/**
 * An idle client can receive an error (server restart, dropped socket, a late protocol message):
 * pg emits it on the pool, and an unhandled 'error' event would end the process. The pool drops
 * that client and connects anew on the next request, so logging is all there is to do.
 */
function keepPoolAlive(pool: pg.Pool, onError: (e: Error) => void): pg.Pool {
  pool.on('error', onError);
  return pool;
}
const logIdleError = (e: Error) => console.error(`[db] idle client error (client discarded): ${e.message}`);

/**
 * Every new connection starts without prepared statements. PostgreSQL gives each connection a
 * session of its own; PGlite has ONE session that every connection of its socket shares, so a new
 * connection (after a broken one was discarded, or the next test file) would inherit the statements
 * the last one prepared ('check-site-facts' …) that its pg client does not know of: its Parse then
 * fails with "already exists". On PostgreSQL this is a no-op, once per connection.
 */
function freshSessions(pool: pg.Pool): pg.Pool {
  pool.on('connect', (client) => void client.query('DEALLOCATE ALL').catch(() => undefined));
  return pool;
}

/** Who to tell when the embedded database answered what it cannot have: per pool and client. */
const distrusting = new WeakMap<object, (why: string) => void>();

/**
 * The embedded database answered what it cannot have (a statement that always returns a row
 * returned none: PGlite lost it without an error): its thread is replaced (embedded.ts). Nothing
 * on PostgreSQL, whose answers are what they are.
 */
export function distrustDatabase(db: object, why: string): void {
  distrusting.get(db)?.(why);
}

/**
 * Every connection (pool.query's too: it connects through pool.connect) waits while the embedded
 * database's thread is being replaced (embedded.ts), instead of failing on a socket not there yet.
 */
function waitForReady(pool: pg.Pool, ready: () => Promise<void>, distrust: (why: string) => void): pg.Pool {
  distrusting.set(pool, distrust);
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const connected = async () => {
    await ready();
    const client = await connect();
    distrusting.set(client, distrust);
    return client;
  };
  type Callback = (err: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void;
  pool.connect = ((callback?: Callback) => {
    if (!callback) return connected();
    connected().then(
      (client) => callback(undefined, client, (release?: unknown) => client.release(release as Error | boolean | undefined)),
      (e: Error) => callback(e),
    );
    return undefined;
  }) as pg.Pool['connect'];
  return pool;
}

/**
 * JIT off for every session: the check's statement is estimated above jit_above_cost (the planner
 * cannot cost ST_Union and friends), so PostgreSQL compiled it with LLVM on every check — 40–90 ms,
 * more than the whole check (docs/performance.md). Sent as a startup option in the URL, where
 * pg takes it from (a pool `options` setting would lose to options already in DATABASE_URL).
 */
export function withoutJit(url: string): string {
  const u = new URL(url);
  const options = u.searchParams.get('options');
  u.searchParams.set('options', [options, '-c jit=off'].filter(Boolean).join(' '));
  return u.toString();
}

export interface Database {
  mode: DatabaseMode;
  /** The primary: every write, and reads that must see the latest state. */
  pool: pg.Pool;
  /** A streaming replica for reads (DATABASE_READ_URL), when configured: see readPool(). */
  replica?: Replica;
  close(): Promise<void>;
}

/** How far behind the primary a replica may be and still serve reads. */
export const REPLICA_MAX_LAG_MS = 5_000;

/**
 * The pool for a read that tolerates a replica: the replica while it is usable, else the primary.
 * `mustSeeOwnWrites`: the caller wrote moments ago and must read it back — the primary.
 */
export function readPool(db: Pick<Database, 'pool' | 'replica'>, mustSeeOwnWrites = false): { pool: pg.Pool; replica: boolean } {
  if (db.replica && !mustSeeOwnWrites && db.replica.usable()) return { pool: db.replica.pool, replica: true };
  return { pool: db.pool, replica: false };
}

/**
 * Opens the database the configuration asks for — the real server at DATABASE_URL, else embedded
 * PGlite — and brings its schema up to date. Both paths hand back a plain `pg` pool.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'databaseReadUrl'>> & {
    poolMax?: number;
    /** DATABASE_URL is an embedded database's socket (the tests' shared one): its one connection is its only session. */
    soleSession?: boolean;
  },
): Promise<Database> {
  if (config.databaseUrl) {
    const pool = freshSessions(keepPoolAlive(new pg.Pool({ connectionString: withoutJit(config.databaseUrl), max: config.poolMax ?? 10 }), logIdleError));
    try {
      await migrate(pool);
    } catch (e) {
      await pool.end();
      throw e;
    }
    const replica = config.databaseReadUrl
      ? openReplica(withoutJit(config.databaseReadUrl), {
          max: config.poolMax ?? 10,
          maxLagMs: REPLICA_MAX_LAG_MS,
          onChange: (usable, why) => console.log(`[db] reads ${usable ? 'from the replica' : 'from the primary'}: ${why}`),
        })
      : undefined;
    await replica?.probe();
    if (config.soleSession && pool.options.max === 1) soleSessionPools.add(pool);
    return {
      mode: 'external',
      pool,
      replica,
      async close() {
        await replica?.close();
        await pool.end();
      },
    };
  }
  const embedded = await startEmbeddedDatabase(config.dataDir);
  // One connection: PGlite has one session; see embedded.ts.
  const pool = waitForReady(freshSessions(keepPoolAlive(new pg.Pool({ connectionString: withoutJit(embedded.url), max: 1, idleTimeoutMillis: 0 }), logIdleError)), embedded.ready, embedded.distrust);
  soleSessionPools.add(pool);
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end();
    await embedded.close();
    throw e;
  }
  return {
    mode: 'embedded',
    pool,
    async close() {
      await pool.end();
      await embedded.close();
    },
  };
}

/** Clients inside withTransaction's transaction (a savepoint can protect a statement there). */
const transactionClients = new WeakSet<object>();

/** Whether `db` is a client inside withTransaction's transaction. */
export const inTransaction = (db: object): boolean => transactionClients.has(db);

/**
 * Runs fn inside one transaction on one client; rolls back on any error. `begin` may carry SET LOCAL
 * statements after the BEGIN: one simple-protocol message, so one round trip instead of two.
 */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    transactionClients.add(client);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    // A client whose ROLLBACK fails (connection lost) must not go back into the pool.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw e;
  } finally {
    transactionClients.delete(client);
    client.release(broken);
  }
}

/** SQLSTATE of a statement cancelled by statement_timeout. */
export const QUERY_CANCELED = '57014';

/**
 * Runs fn in one transaction whose every statement may take at most `statementTimeoutMs`
 * (SET LOCAL: the setting ends with the transaction, so the pooled connection is not left with it).
 * A statement past the limit fails with SQLSTATE 57014 and the transaction rolls back, so one
 * expensive request cannot hold a connection. PGlite accepts the setting but, having no timer
 * signals, does not enforce it: there the input caps are what bound the work.
 */
export function withStatementTimeout<T>(pool: pg.Pool, statementTimeoutMs: number, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(pool, fn, `BEGIN; SET LOCAL statement_timeout = ${Math.max(1, Math.floor(statementTimeoutMs))}`);
}

/**
 * Read-only statements on one client, each bounded by `statementTimeoutMs` — the check. On
 * PostgreSQL: withStatementTimeout's transaction. On the embedded database its one connection,
 * held, without a transaction: PGlite does not enforce the limit, and whoever holds the database's
 * only session reads one state anyway; BEGIN and COMMIT there are two round trips through the
 * socket and the worker (≈ 1 ms of a check) that change nothing. Not for writes: they would
 * commit one by one.
 */
export async function withBoundedReads<T>(pool: pg.Pool, statementTimeoutMs: number, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  if (!soleSessionPools.has(pool)) return withStatementTimeout(pool, statementTimeoutMs, fn);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await fn(client);
  } catch (e) {
    // An error without a SQLSTATE (the connection lost) must not send the client back to the pool.
    if (!(e as { code?: unknown }).code) broken = e as Error;
    throw e;
  } finally {
    client.release(broken);
  }
}
