import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { embeddedMemoryFrom, type EmbeddedMemory } from '../config.ts';
import type { EmbeddedWorkerData } from './embedded-worker.ts';

/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) with PostGIS, persisted in a directory
 * and served on a Unix-domain socket, so the application talks to it through `pg` exactly as it
 * talks to a real PostgreSQL server.
 *
 * PGlite has no authentication: whoever reaches the socket is superuser. A loopback TCP port is
 * reachable by every local OS user (issue 11, row 1), so the socket lives in a directory that only
 * the server's OS user may enter (mode 0700): the kernel refuses everyone else at connect(2).
 *
 * PGlite has a single session. The application therefore uses a pool of ONE connection: requests
 * queue in the pool instead of interleaving their statements inside each other's transactions
 * (tests/server/db/embedded-concurrency.db.test.ts).
 *
 * The socket server closes a connection after a statement fails outside a transaction, and frees
 * the slot only a tick later; the pool meanwhile discards that client and connects anew. With a
 * single slot the new connection would be refused ("Too many connections"), so the server keeps one
 * spare slot for that hand-over. The pool never opens two connections at once.
 */
const SOCKET_SLOTS = 2;

export interface EmbeddedDatabase {
  /** `pg`/libpq connection string: the socket directory is given as `host` (libpq convention). */
  url: string;
  /** The owner-only directory holding the socket file `.s.PGSQL.5432` (null on loopback TCP). */
  socketDir: string | null;
  /** Resolves once the database thread listens: at once, or when a replacement has started (see superviseWorker). */
  ready(): Promise<void>;
  /** PGlite answered what it cannot have (a statement that always returns a row returned none): replace it. */
  distrust(why: string): void;
  close(): Promise<void>;
}

/** libpq's socket file name inside the `host` directory for the default port. */
const SOCKET_FILE = '.s.PGSQL.5432';
/** sun_path holds 108 bytes on Linux (104 on macOS); leave room for the terminating NUL. */
const MAX_SOCKET_PATH = 100;

/**
 * An owner-only (0700) directory for the socket: `DATA_DIR/socket`, or — when that path is too long
 * for a Unix socket — a fresh private directory under the OS temp dir. A directory left by a
 * killed process is reused after its stale socket file is removed (the pid lock says nobody serves it).
 */
function privateSocketDir(dataDir: string): { dir: string; temporary: boolean } {
  const inData = path.join(dataDir, 'socket');
  if (path.join(inData, SOCKET_FILE).length <= MAX_SOCKET_PATH) {
    fs.mkdirSync(inData, { recursive: true, mode: 0o700 });
    // mkdir's mode is filtered by the umask and leaves an existing directory as it was: set it.
    fs.chmodSync(inData, 0o700);
    const st = fs.lstatSync(inData);
    if (!st.isDirectory() || (typeof process.getuid === 'function' && st.uid !== process.getuid())) {
      throw new Error(`${inData} must be a directory owned by the server's user`);
    }
    fs.rmSync(path.join(inData, SOCKET_FILE), { force: true });
    return { dir: inData, temporary: false };
  }
  return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'redline-db-')), temporary: true }; // mkdtemp: 0700
}

/** A pid file guards the directory: two processes on one PGlite directory would corrupt it. */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'redline-map.pid');
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`DATA_DIR ${dataDir} is in use by process ${pid}; stop it first or choose another DATA_DIR`);
    }
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * 'unix' (the default) serves PGlite on the owner-only socket above (issue 11 row 1);
 * EMBEDDED_SOCKET=tcp serves it on a loopback port instead (reachable by every local user: only
 * for a machine with no other users, or to compare when diagnosing the socket).
 */
export type EmbeddedSocket = 'tcp' | 'unix';

/**
 * EMBEDDED_DB_NICE (0–19, default 5): how much lower the database thread's CPU priority is than the
 * event loop's. A check's SQL runs for tens of milliseconds; the event loop's work per request is a
 * fraction of a millisecond, so with 2 cores and 50 users it is the reads that should go first.
 */
function embeddedDbNice(): number {
  const raw = process.env.EMBEDDED_DB_NICE;
  if (raw === undefined || raw === '') return 5;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 19) throw new Error(`EMBEDDED_DB_NICE must be an integer 0–19, got "${raw}"`);
  return n;
}

export async function startEmbeddedDatabase(
  dataDir: string,
  {
    socket: mode = (process.env.EMBEDDED_SOCKET === 'tcp' ? 'tcp' : 'unix') as EmbeddedSocket,
    memory = embeddedMemoryFrom(),
    niceIncrement = embeddedDbNice(),
  }: { socket?: EmbeddedSocket; memory?: EmbeddedMemory; niceIncrement?: number } = {},
): Promise<EmbeddedDatabase> {
  const unlock = lockDataDir(dataDir);
  try {
    // The data files hold what the socket guards (password hashes, sessions): owner-only too.
    const pgliteDir = path.join(dataDir, 'pglite');
    fs.mkdirSync(pgliteDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(pgliteDir, 0o700);
    // Code the database runs (postgis-core.ts): owner-only as well.
    const extensionDir = path.join(dataDir, 'pglite-extensions');
    if (mode === 'tcp') {
      const worker = await superviseWorker({ pgliteDir, extensionDir, socketPath: null, port: 0, maxConnections: SOCKET_SLOTS, niceIncrement }, memory);
      return {
        socketDir: null,
        url: `postgres://postgres@127.0.0.1:${worker.port}/postgres`,
        ready: worker.ready,
        distrust: worker.distrust,
        async close() {
          await worker.close();
          unlock();
        },
      };
    }
    const socket = privateSocketDir(dataDir);
    const socketPath = path.join(socket.dir, SOCKET_FILE);
    const worker = await superviseWorker({ pgliteDir, extensionDir, socketPath, port: 0, maxConnections: SOCKET_SLOTS, niceIncrement }, memory);
    return {
      socketDir: socket.dir,
      url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socket.dir)}`,
      ready: worker.ready,
      distrust: worker.distrust,
      async close() {
        await worker.close();
        fs.rmSync(socket.temporary ? socket.dir : socketPath, { recursive: true, force: true });
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}

/** More replacements than this within RESTART_WINDOW_MS: something is wrong beyond one bad statement. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;
/** How long a thread being replaced gets to stop PGlite cleanly before it is terminated. */
const CLOSE_GRACE_MS = 2_000;

type WorkerWhere = Omit<EmbeddedWorkerData, 'settings'>;

/**
 * The database thread, replaced when PGlite cannot be trusted any more: it answered a statement
 * with nothing (GEOS out of WebAssembly memory: the heap it leaves is not given back, and every
 * later statement failed until the protocol fell out of step and the server hung), or the thread
 * ended on its own (a WebAssembly abort). The new thread opens the same files — PostgreSQL's crash
 * recovery, as after a restart of the process — on the same socket; `ready()` holds new
 * connections until it listens (about 2 s). Past MAX_RESTARTS in a minute the process stops (exit 70)
 * for the service manager, as before.
 */
async function superviseWorker(
  where: WorkerWhere,
  memory: EmbeddedMemory,
): Promise<{ port: number; ready(): Promise<void>; distrust(why: string): void; close(): Promise<void> }> {
  let closing = false;
  let replacing: Promise<void> | null = null;
  const restarts: number[] = [];
  const stopProcess = (why: string) => {
    console.error(`[db] 内嵌数据库无法恢复，服务停止以便重启 / the embedded database cannot recover; stopping so that the service restarts: ${why}`);
    process.exit(70);
  };
  const replace = (why: string) => {
    if (closing || replacing) return;
    const now = Date.now();
    while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
    if (restarts.push(now) > MAX_RESTARTS) stopProcess(`${MAX_RESTARTS + 1} replacements within ${RESTART_WINDOW_MS / 1000} s (${why})`);
    console.error(`[db] 内嵌数据库状态已不可信（${why}），正在重新打开 / the embedded database cannot be trusted (${why}); reopening it`);
    const started = Date.now();
    replacing = (async () => {
      await current.close(CLOSE_GRACE_MS);
      if (where.socketPath) fs.rmSync(where.socketPath, { force: true });
      current = await startWorker(where, memory, events);
      if (where.socketPath) fs.chmodSync(where.socketPath, 0o600);
      console.error(`[db] 内嵌数据库已重新打开 / the embedded database is open again (${Date.now() - started} ms)`);
    })()
      .catch((e: unknown) => stopProcess(String((e as Error)?.message ?? e)))
      .finally(() => {
        replacing = null;
      });
  };
  const events = { lost: () => replace('a statement was answered with nothing'), exited: (code: number) => replace(`its thread exited with ${code}`) };
  let current = await startWorker(where, memory, events);
  if (where.socketPath) fs.chmodSync(where.socketPath, 0o600);
  const port = where.socketPath ? 0 : Number(current.conn.split(':').pop());
  // A replacement listens where its predecessor did: the pool's URL stays valid.
  where = { ...where, port };
  return {
    port,
    ready: async () => {
      while (replacing) await replacing;
    },
    distrust: replace,
    async close() {
      closing = true;
      while (replacing) await replacing;
      await current.close(Infinity);
    },
  };
}

/**
 * Starts PGlite and its socket server on a worker thread (embedded-worker.ts: why) and resolves
 * once it listens. From the sources the worker loads the .ts file through tsx
 * (embedded-worker-sources.mjs); in the compiled server it is dist/server/embedded-worker.js.
 */
async function startWorker(
  where: WorkerWhere,
  memory: EmbeddedMemory,
  events: { lost(): void; exited(code: number): void },
): Promise<{ conn: string; close(graceMs: number): Promise<void> }> {
  const fromSources = fileURLToPath(import.meta.url).endsWith('.ts');
  const file = new URL(fromSources ? './embedded-worker-sources.mjs' : './embedded-worker.js', import.meta.url);
  const settings = [`shared_buffers=${memory.sharedBuffersMb}MB`, `maintenance_work_mem=${memory.maintenanceWorkMemMb}MB`];
  const worker = new Worker(file, { workerData: { ...where, settings } satisfies EmbeddedWorkerData });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const conn = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the embedded database's thread exited with ${code} before it listened`)));
    worker.once('message', (m: { ready?: boolean; conn?: string }) => (m.ready ? resolve(m.conn!) : reject(new Error('unexpected message'))));
  });
  worker.on('error', (e) => console.error(`[db] embedded database thread: ${e.message}`));
  let closing = false;
  worker.on('message', (m: { lost?: boolean }) => {
    if (m.lost && !closing) events.lost();
  });
  worker.once('exit', (code) => {
    if (!closing) events.exited(code);
  });
  return {
    conn,
    async close(graceMs) {
      if (closing) return;
      closing = true;
      const closed = new Promise<void>((resolve) => worker.on('message', (m: { closed?: boolean }) => m.closed && resolve()));
      worker.postMessage('close');
      await Promise.race([closed, exited, ...(Number.isFinite(graceMs) ? [new Promise((resolve) => setTimeout(resolve, graceMs))] : [])]);
      await worker.terminate();
    },
  };
}

