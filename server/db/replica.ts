import pg from 'pg';

/**
 * A streaming replica (hot standby) for reads, DATABASE_READ_URL. It is used only while it is
 * reachable and close behind the primary: a probe every PROBE_MS asks it how far its replay lags,
 * and a replica that does not answer, or lags more than maxLagMs, hands its reads back to the
 * primary until it catches up. So a standby restarting or falling behind costs latency, never
 * stale answers older than maxLagMs, and never errors.
 */
export interface Replica {
  pool: pg.Pool;
  /** True while reads may go to the replica. */
  usable(): boolean;
  /** Probes now (tests, start). */
  probe(): Promise<void>;
  close(): Promise<void>;
}

const PROBE_MS = 1_000;

/**
 * Seconds the replica's replay is behind: 0 when it streams from the primary and has replayed all
 * it received (an idle primary leaves pg_last_xact_replay_timestamp old without any lag), else the
 * age of the last replayed commit. A standby whose WAL receiver is not streaming (the primary
 * unreachable, replication refused) has replayed all it received too, yet may be arbitrarily stale:
 * it answers NULL, "unknown", and serves nobody. (Without pg_read_all_stats the receiver's status is
 * hidden; its row, present only while the process runs, still tells.) 0 on a server that is not in
 * recovery (a promoted or misconfigured "replica": fine to read).
 */
const LAG_SQL = `SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0
                             WHEN NOT EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status IS NULL OR status = 'streaming') THEN NULL
                             WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                             ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END AS lag_s`;

export function openReplica(url: string, options: { max: number; maxLagMs: number; onChange?: (usable: boolean, why: string) => void }): Replica {
  const pool = new pg.Pool({ connectionString: url, max: options.max, connectionTimeoutMillis: 2_000 });
  pool.on('error', (e) => console.error(`[db] replica idle client error (client discarded): ${e.message}`));
  let usable = false;
  const set = (next: boolean, why: string) => {
    if (next !== usable) options.onChange?.(next, why);
    usable = next;
  };
  const probe = async () => {
    try {
      const { rows } = await pool.query<{ lag_s: number | null }>(LAG_SQL);
      if (rows[0].lag_s === null) return set(false, 'replica not streaming from the primary');
      const lagMs = Number(rows[0].lag_s) * 1000;
      set(lagMs <= options.maxLagMs, lagMs <= options.maxLagMs ? 'replica caught up' : `replica lags ${Math.round(lagMs)} ms`);
    } catch (e) {
      set(false, `replica unreachable: ${(e as Error).message}`);
    }
  };
  // One probe at a time: against an unreachable replica a probe takes up to the connect timeout (2 s).
  let probing: Promise<void> | undefined;
  const timer = setInterval(() => {
    probing ??= probe().finally(() => (probing = undefined));
  }, PROBE_MS);
  timer.unref();
  return {
    pool,
    usable: () => usable,
    probe,
    async close() {
      clearInterval(timer);
      await pool.end();
    },
  };
}
