import type pg from 'pg';
import type { Database } from '../db/database.ts';
import type { Queryable } from '../db/types.ts';

/** NOTIFY channel of the layer_stamp trigger (migration 120_layer_stamp.sql). */
const LAYER_STAMP_CHANNEL = 'redline_layer_stamp';

/**
 * How long an app instance on PostgreSQL trusts the stamp it last read or was told: the bound on
 * how late a publish, restore or retire on another instance shows in this one's catalog and search.
 */
const LAYER_STAMP_TTL_MS = 1_000;

interface PoolState {
  stamp?: number;
  readAt: number;
  reading?: Promise<number>;
}

/**
 * The current stamp of the published layer set, per pool, without a query on the hot path.
 *
 * Why NOTIFY plus a short TTL rather than either alone: every connection of the primary pool
 * LISTENs, and the trigger's NOTIFY reaches the connection that committed the publish before its
 * COMMIT returns — so the instance that published (and the embedded database, which has one
 * connection and one process) sees the change at once. Other instances hear it only while they
 * hold an open connection, and notifications are lost across a reconnect or behind a
 * transaction-pooling proxy, and a replica cannot LISTEN at all: so on PostgreSQL each instance
 * also rereads the stamp (one tiny query) once it is older than LAYER_STAMP_TTL_MS. A change is
 * therefore visible everywhere within 1 s, and on the embedded database immediately — where the
 * stamp is never polled, so a cached read never waits for the one connection a check holds.
 */
export class LayerStamps {
  private readonly states = new Map<pg.Pool, PoolState>();
  private readonly listening = new WeakSet<object>();
  /** The primary's connection LISTENs and its stamp was read once: notifications keep it current. */
  private trustedOnce = false;

  private watching = false;

  constructor(private readonly db: Pick<Database, 'pool' | 'mode'>) {}

  /** The stamp `pool` serves now (cached; see the class comment for how long). */
  async current(pool: pg.Pool): Promise<number> {
    if (!this.watching) {
      // From the first read on (not at construction: an app may be built without a database).
      this.watching = true;
      this.db.pool.on('connect', (client) => {
        // A new connection may have missed notifications: read the stamp again.
        this.state(this.db.pool).stamp = undefined;
        this.listenOn(client);
      });
    }
    const s = this.state(pool);
    const trusted = this.db.mode === 'embedded' && pool === this.db.pool && this.trustedOnce;
    if (s.stamp !== undefined && (trusted || Date.now() - s.readAt < LAYER_STAMP_TTL_MS)) return s.stamp;
    s.reading ??= this.read(pool).finally(() => (s.reading = undefined));
    return s.reading;
  }

  /** A snapshot saw `stamp` (stamps only grow): a newer one replaces what this instance knew. */
  saw(pool: pg.Pool, stamp: number): void {
    const s = this.state(pool);
    if (s.stamp === undefined || stamp >= s.stamp) {
      s.stamp = stamp;
      s.readAt = Date.now();
    }
  }

  private async read(pool: pg.Pool): Promise<number> {
    if (pool === this.db.pool && !this.trustedOnce) {
      // First read on the primary: the connection the pool already holds LISTENs from now on.
      const client = await pool.connect();
      try {
        this.listenOn(client);
        const stamp = await readStamp(client);
        this.trustedOnce = true;
        this.saw(pool, stamp);
        return stamp;
      } finally {
        client.release();
      }
    }
    const stamp = await readStamp(pool);
    this.saw(pool, stamp);
    return stamp;
  }

  private listenOn(client: pg.ClientBase): void {
    if (this.listening.has(client)) return;
    this.listening.add(client);
    client.on('notification', (n) => {
      if (n.channel === LAYER_STAMP_CHANNEL && n.payload) this.saw(this.db.pool, Number(n.payload));
    });
    client.query(`LISTEN ${LAYER_STAMP_CHANNEL}`).catch(() => this.listening.delete(client));
  }

  private state(pool: pg.Pool): PoolState {
    let s = this.states.get(pool);
    if (!s) this.states.set(pool, (s = { readAt: 0 }));
    return s;
  }
}

const perPool = new WeakMap<pg.Pool, LayerStamps>();

/** One LayerStamps per database (its primary pool), shared by the routers that cache by stamp. */
export function layerStampsOf(db: Pick<Database, 'pool' | 'mode'>): LayerStamps {
  if (!db.pool) return new LayerStamps(db); // an app built without a database (the OpenAPI test)
  let stamps = perPool.get(db.pool);
  if (!stamps) perPool.set(db.pool, (stamps = new LayerStamps(db)));
  return stamps;
}

async function readStamp(db: Pick<pg.ClientBase, 'query'>): Promise<number> {
  const { rows } = await db.query<{ stamp: string }>('SELECT stamp FROM layer_stamp');
  return Number(rows[0]?.stamp ?? 0);
}

/**
 * The rows of one statement and the stamp of the data it read, in that one statement: a statement
 * reads one snapshot, so it needs no transaction (atStamp is for builds of several statements).
 * `orderBy` orders the rows by the statement's columns, as `q."column"`.
 */
export async function rowsAtStamp<R extends object>(db: Queryable, sql: string, params: unknown[] = [], orderBy?: string): Promise<{ stamp: number; rows: R[] }> {
  // layer_stamp has one row; LEFT JOIN keeps it when the statement has none (then only "__row" is null).
  const { rows } = await db.query<R & { __stamp: string; __row: boolean | null }>(
    `SELECT s.stamp AS "__stamp", q.* FROM layer_stamp s
       LEFT JOIN LATERAL (SELECT true AS "__row", x.* FROM (${sql}) x) q ON true${orderBy ? ` ORDER BY ${orderBy}` : ''}`,
    params,
  );
  return { stamp: Number(rows[0]?.__stamp ?? 0), rows: rows.filter((r) => r.__row).map(({ __stamp: _s, __row: _r, ...row }) => row as unknown as R) };
}

/**
 * Runs `build` in one read-only REPEATABLE READ transaction that first reads the stamp: what it
 * returns is exactly the data of that stamp, whatever commits meanwhile (on a replica too).
 */
export async function atStamp<T>(pool: pg.Pool, build: (client: pg.PoolClient) => Promise<T>): Promise<{ stamp: number; value: T }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const stamp = await readStamp(client);
      const value = await build(client);
      await client.query('COMMIT');
      return { stamp, value };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    }
  } finally {
    client.release();
  }
}
