import express, { type Router } from 'express';
import zlib from 'node:zlib';
import compression from 'compression';
import { pinoHttp } from 'pino-http';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Logger } from './http/logger.ts';
import { apiNotFound, errorMiddleware } from './http/error-middleware.ts';
import { markUnicodeEscapes, refuseNulInUrl, refuseUnstorableText } from './http/refuse-nul.ts';
import { gzipWholeJson } from './http/json-gzip.ts';
import { requestIdOf } from './http/request-id.ts';
import { staticClientRouter } from './http/static-client.ts';
import { securityHeaders } from './http/security-headers.ts';
import { privateMapCaching } from './http/private-cache.ts';
import { mountExpensiveEndpointLimits } from './http/rate-limits.ts';
import { rateLimitStores } from './http/rate-limit-store.ts';
import { markWriters } from './http/read-routing.ts';
import { healthRouter } from './health/routes.ts';
import { layersRouter } from './layers/routes.ts';
import { tilesRouter } from './layers/tile-routes.ts';
import { checkRouter } from './check/routes.ts';
import { rulesRouter } from './check/rules-routes.ts';
import { basemapsRouter } from './basemaps/routes.ts';
import cookieParser from 'cookie-parser';
import { authRouter } from './auth/routes.ts';
import { sessionMiddleware } from './auth/sessions.ts';
import { MAP_READ_PATHS } from './auth/map-read-paths.ts';
import { requireLoginForReads } from './auth/roles.ts';
import { usersRouter } from './auth/users-routes.ts';
import { projectsRouter } from './projects/routes.ts';
import { searchRouter } from './search/routes.ts';
import { importRouter } from './importers/routes.ts';
import { ImportPool } from './importers/import-pool.ts';
import { exportRouter } from './exporters/routes.ts';
import { reportRouter } from './reports/routes.ts';
import { adminRouter } from './admin/routes.ts';
import { ogcRouter } from './ogc/routes.ts';
import { apiDocsRouter } from './http/api-docs-routes.ts';
import { datasetExportRouter } from './exporters/dataset-routes.ts';
import { rulesDownloadRouter } from './check/rules-download-routes.ts';
import { batchRouter } from './batch/routes.ts';
import { batchHandler } from './batch/run.ts';
import { BATCH_JOB } from './batch/store.ts';
import { JobRunner } from './jobs/runner.ts';
import { ledgerRouter } from './ledger/routes.ts';
import { recheckHandler } from './recheck/run.ts';
import { RECHECK_JOB } from './recheck/store.ts';

export interface AppDeps {
  config: Config;
  db: Database;
  log: Logger;
  /** Built client to serve; omitted in API-only tests. */
  clientDir?: string;
  /** Background jobs (batches, re-checks after a layer update); startServer starts it after listening. Created here when omitted. */
  jobs?: JobRunner;
  /** The threads that parse imported files; startServer closes it on stop. Created here when omitted. */
  imports?: ImportPool;
}

/** Builds the Express app from the modules. No domain logic lives here. */
export function createApp({ config, db, log, clientDir, jobs = new JobRunner(db.pool, log, { exclusive: db.mode === 'embedded' }), imports = new ImportPool() }: AppDeps) {
  jobs.register(BATCH_JOB, batchHandler({ concurrency: config.batchConcurrency ?? (db.mode === 'embedded' ? 1 : 4) }));
  jobs.register(RECHECK_JOB, recheckHandler());
  const app = express();
  app.disable('x-powered-by');
  // Off by default: X-Forwarded-For from anyone but a configured proxy must not pick the address
  // that rate limits and audit rows are kept under (issue 11 row 7).
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  // API answers are made per request: gzip's fastest level, ≈ 2.3× faster than its default for ≈ 5 %
  // more bytes (a long line's check: 37 KB, 1.7 ms at the default). The rest (the client's files)
  // keeps the default level: a 1 MB bundle is 15 % larger at the fastest.
  const isApi = (req: express.Request) => req.path.startsWith('/api/');
  app.use(compression({ level: zlib.constants.Z_BEST_SPEED, filter: (req, res) => isApi(req) && compression.filter(req, res) }));
  app.use(compression({ filter: (req, res) => !isApi(req) && compression.filter(req, res) }));
  app.use('/api/', gzipWholeJson({ maxBytes: 256 * 1024 }));
  app.use(
    pinoHttp({
      logger: log,
      genReqId: requestIdOf,
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api') },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
    }),
  );
  app.use(express.json({ limit: config.jsonLimit, verify: markUnicodeEscapes }));
  app.use(refuseNulInUrl);
  app.use(refuseUnstorableText);
  app.use(cookieParser());
  app.use(markWriters(db));
  app.use(sessionMiddleware(db, { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs }));
  // Scoped by path, before the routers: a closed map (PUBLIC_MAP=false) refuses an anonymous
  // request before an upload is parsed or a query runs.
  app.use(MAP_READ_PATHS, requireLoginForReads(config));
  if (!config.publicMap) app.use(MAP_READ_PATHS, privateMapCaching());
  mountExpensiveEndpointLimits(app, config.rateLimits, rateLimitStores(db, config.rateLimitStore));

  const routers: Router[] = [
    healthRouter(db),
    layersRouter(db),
    tilesRouter(db, { publicUrl: config.publicUrl }),
    searchRouter(db),
    checkRouter(db),
    rulesRouter(),
    rulesDownloadRouter(),
    basemapsRouter({ db: db.pool, tiandituKey: config.tiandituKey, onlineBasemaps: config.onlineBasemaps }),
    reportRouter(db),
    importRouter({ uploadLimitBytes: config.uploadLimitBytes, imports }),
    exportRouter(),
    authRouter(db, config),
    usersRouter(db),
    projectsRouter(db, config),
    ledgerRouter(db, jobs),
    adminRouter(db, jobs, {
      dataDir: config.dataDir,
      uploadLimitBytes: config.adminUploadLimitBytes,
      maxFeatures: config.adminMaxFeatures,
      maxVertices: config.adminMaxVertices,
      maxUnzippedBytes: config.adminMaxUnzippedBytes,
    }),
    ogcRouter(db),
    datasetExportRouter(db),
    apiDocsRouter(),
    batchRouter(db, jobs, { uploadLimitBytes: config.uploadLimitBytes, batchMaxRows: config.batchMaxRows }),
  ];
  for (const router of routers) app.use(router);

  app.use('/api', apiNotFound);
  app.use('/tiles', apiNotFound);
  app.use('/ogc', apiNotFound);
  if (clientDir) app.use(staticClientRouter(clientDir));
  app.use(errorMiddleware(log));
  return app;
}
