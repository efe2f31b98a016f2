import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) with PostGIS, persisted in a directory
 * and served on a loopback port, so the application talks to it through `pg` exactly as it talks
 * to a real PostgreSQL server.
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
  url: string;
  port: number;
  close(): Promise<void>;
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

export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const unlock = lockDataDir(dataDir);
  try {
    const db = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: { postgis } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: SOCKET_SLOTS });
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    return {
      port,
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async close() {
        await server.stop();
        await db.close();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}
