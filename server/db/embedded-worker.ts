import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PGlite and its socket server, on a thread of their own (embedded.ts starts it). PGlite runs each
 * statement as one synchronous WebAssembly call: on the server's main thread a 50 ms check would
 * stop every other request — even one answered from memory — for those 50 ms. Here it stops only
 * this thread; the app still talks to it through the socket, as to PostgreSQL.
 */
export interface EmbeddedWorkerData {
  pgliteDir: string;
  /** A Unix socket path, or null for a loopback TCP port. */
  socketPath: string | null;
  maxConnections: number;
  /** Added to this thread's nice value (0: unchanged). */
  niceIncrement: number;
}

/** @napi-rs/nice (piscina's, for its own threads): optional, absent on some platforms — then unchanged. */
async function lowerPriority(increment: number): Promise<void> {
  try {
    (await import('@napi-rs/nice')).nice(increment);
  } catch {
    // No binary for this platform: the thread keeps the process's priority.
  }
}

const { pgliteDir, socketPath, maxConnections, niceIncrement } = workerData as EmbeddedWorkerData;
// Linux keeps a nice value per thread: this lowers only the database's thread, so a read answered
// from memory on the event loop is scheduled before the next slice of a check's SQL (issue 17).
if (niceIncrement > 0) await lowerPriority(niceIncrement);
const db = await PGlite.create({ dataDir: pgliteDir, extensions: { postgis } });
const server = socketPath
  ? new PGLiteSocketServer({ db, path: socketPath, maxConnections })
  : new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
await server.start();
parentPort!.on('message', (message) => {
  if (message !== 'close') return;
  void (async () => {
    await server.stop();
    await db.close();
    parentPort!.postMessage({ closed: true });
  })();
});
parentPort!.postMessage({ ready: true, conn: server.getServerConn() });
