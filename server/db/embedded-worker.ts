import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { PGlite, type Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { readyForQueryOnlyAtSync } from './pglite-sync-ready.ts';
import { sendMessagesInBatches } from './pglite-batches.ts';
import { postgisCoreBundle } from './postgis-core.ts';

/**
 * PGlite and its socket server, on a thread of their own (embedded.ts starts it). PGlite runs each
 * statement as one synchronous WebAssembly call: on the server's main thread a 50 ms check would
 * stop every other request — even one answered from memory — for those 50 ms. Here it stops only
 * this thread; the app still talks to it through the socket, as to PostgreSQL.
 */
export interface EmbeddedWorkerData {
  pgliteDir: string;
  /** Where the PostGIS-only extension bundle is kept (postgis-core.ts). */
  extensionDir: string;
  /** A Unix socket path, or null for a loopback TCP port. */
  socketPath: string | null;
  /** The loopback port when socketPath is null: 0 for any (a restarted thread takes its predecessor's). */
  port: number;
  maxConnections: number;
  /** Added to this thread's nice value (0: unchanged). */
  niceIncrement: number;
  /** PostgreSQL settings (`name=value`) given at start, after PGlite's own. */
  settings: string[];
}

/** @napi-rs/nice (piscina's, for its own threads): optional, absent on some platforms — then unchanged. */
async function lowerPriority(increment: number): Promise<void> {
  try {
    (await import('@napi-rs/nice')).nice(increment);
  } catch {
    // No binary for this platform: the thread keeps the process's priority.
  }
}

const { pgliteDir, extensionDir, socketPath, port, maxConnections, niceIncrement, settings } = workerData as EmbeddedWorkerData;
// Linux keeps a nice value per thread: this lowers only the database's thread, so a read answered
// from memory on the event loop is scheduled before the next slice of a check's SQL (issue 17).
if (niceIncrement > 0) await lowerPriority(niceIncrement);
/** PostGIS as shipped, but from the bundle without its unused sibling extensions (postgis-core.ts: why). */
const postgisCore: Extension = {
  name: postgis.name,
  setup: async (pg, options) => {
    const shipped = await postgis.setup(pg, options);
    return { ...shipped, bundlePath: pathToFileURL(postgisCoreBundle(shipped.bundlePath!, extensionDir)) };
  },
};
const pglite = await PGlite.create({
  dataDir: pgliteDir,
  extensions: { postgis: postgisCore },
  startParams: [...PGlite.defaultStartParams, ...settings.flatMap((setting) => ['-c', setting])],
});
const db = readyForQueryOnlyAtSync(
  pglite,
  (e) => {
    // PGlite's state is unknown after this: end the thread, embedded.ts then starts a new one.
    console.error(`[db] PGlite failed inside a protocol message: ${(e as Error)?.stack ?? String(e)}`);
    process.exit(1);
  },
  // A statement answered with nothing: its error is on the way to the client; embedded.ts replaces this thread.
  () => parentPort!.postMessage({ lost: true }),
);
sendMessagesInBatches();
const server = socketPath
  ? new PGLiteSocketServer({ db, path: socketPath, maxConnections })
  : new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
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
