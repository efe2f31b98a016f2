import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { readyForQueryOnlyAtSync } from './pglite-sync-ready.ts';

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
}

const { pgliteDir, socketPath, maxConnections } = workerData as EmbeddedWorkerData;
const pglite = await PGlite.create({ dataDir: pgliteDir, extensions: { postgis } });
const db = readyForQueryOnlyAtSync(pglite, (e) => {
  // PGlite's state is unknown after this: end the thread, embedded.ts then stops the server for a restart.
  console.error(`[db] PGlite failed inside a protocol message: ${(e as Error)?.stack ?? String(e)}`);
  process.exit(1);
});
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
