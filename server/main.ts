import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { answerClientError } from './http/client-error.ts';
import { createLogger, type Logger } from './http/logger.ts';
import { createApp } from './app.ts';
import { loadReferenceLayers } from './layers/reference-data.ts';
import { bootstrapAdmin } from './auth/bootstrap-admin.ts';
import { loadDemoProjects } from './projects/demo-projects.ts';
import { JobRunner } from './jobs/runner.ts';
import { ImportPool } from './importers/import-pool.ts';

export interface RunningServer {
  url: string;
  config: Config;
  db: Database;
  log: Logger;
  stop(): Promise<void>;
}

/** Opens the database, builds the app and listens. Used by `npm start`, `npm run dev` and the tests. */
export async function startServer(overrides: Partial<Config> = {}): Promise<RunningServer> {
  const config = { ...loadConfig(), ...overrides };
  const log = createLogger(config.logLevel);
  const started = Date.now();
  // Each step of the start is logged with its duration (what a slow start spends its time on); a
  // cold first start — a new embedded data directory — says so, since it takes a while.
  const coldStart = !config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION'));
  if (coldStart) log.info({ dataDir: config.dataDir }, 'first start: creating the embedded database and loading the reference layers (once)');
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await fn();
    log.info({ step: name, ms: Date.now() - t0, sinceProcessStart_ms: Math.round(process.uptime() * 1000) }, 'start step');
    return result;
  };
  const db = await step('database', () => openDatabase(config));
  try {
    // A fresh database needs the shipped reference layers beyond its schema (openDatabase migrates):
    // loaded where a layer has no version yet, so this is idempotent and runs at every start.
    if (config.loadReferenceData) await step('reference layers', () => loadReferenceLayers(db.pool, { onlyMissing: true }));
    const admin = await step('administrator', () => bootstrapAdmin(db.pool, config));
    if (admin.created) log.info({ username: admin.username }, 'first administrator created from ADMIN_USERNAME');
    else if (admin.reason === 'no-credentials') log.warn('no accounts yet: set ADMIN_USERNAME and ADMIN_PASSWORD and restart');
    if (config.loadReferenceData && config.loadDemoProjects) {
      const demo = await step('demo projects', () => loadDemoProjects(db.pool));
      if (demo.loaded) log.info({ projects: demo.projects.length }, 'demo projects loaded into the empty register');
    }
  } catch (e) {
    await db.close();
    throw e;
  }
  const clientDir = path.resolve('dist/client');
  const jobs = new JobRunner(db.pool, log, { exclusive: db.mode === 'embedded' });
  const imports = new ImportPool();
  const app = createApp({ config, db, log, clientDir, jobs, imports });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  server.on('clientError', answerClientError);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/`;
  log.info({ url, db: db.mode, ms: Date.now() - started }, 'listening');
  // Batches queued or interrupted by the last stop resume now (their state is in the database).
  await jobs.start();

  let stopping: Promise<void> | undefined;
  return {
    url,
    config,
    db,
    log,
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await jobs.stop();
        await imports.close();
        await db.close();
      })();
      return stopping;
    },
  };
}

/** Stops cleanly on SIGINT/SIGTERM: HTTP first (no new work), then the database (PGlite flushes). */
export function stopOnSignals(running: RunningServer): void {
  const onSignal = (signal: NodeJS.Signals) => {
    running.log.info({ signal }, 'shutting down');
    running
      .stop()
      .then(() => process.exit(0))
      .catch((e) => {
        running.log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      });
  };
  // Every signal, not once: a second one (Ctrl-C reaches npm start's process and the server both,
  // and start.mjs passes it on) must not end the process by default mid-stop, while PGlite flushes.
  // stop() is the same promise each time.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
