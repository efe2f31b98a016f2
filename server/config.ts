import path from 'node:path';

/** Environment → typed configuration, read and validated once at start. */
export interface Config {
  host: string;
  port: number;
  /** Set → use that PostgreSQL + PostGIS server; unset → embedded PGlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** Largest accepted JSON body (bytes). Sites with tens of thousands of vertices fit. */
  jsonLimit: string;
  /** Largest accepted upload (bytes). */
  uploadLimitBytes: number;
  logLevel: string;
  /** Anonymous visitors may view the map and layers (writes always need a login). */
  publicMap: boolean;
  adminUsername?: string;
  adminPassword?: string;
  /** Load the shipped reference layers at start when a layer has no version yet. */
  loadReferenceData: boolean;
  /** Fill an empty register with the demo projects of geodata/demo-projects.geojson (with the reference data). */
  loadDemoProjects: boolean;
  tiandituKey?: string;
  /** Most sites in one batch upload (项目库). */
  batchMaxRows: number;
  /** Checks a batch runs at once; unset → 1 on the embedded database (one connection), 4 on PostgreSQL. */
  batchConcurrency?: number;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function boolFrom(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST || '127.0.0.1',
    port: intFrom(env.PORT, 8080, 'PORT'),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    jsonLimit: env.JSON_LIMIT || '20mb',
    uploadLimitBytes: intFrom(env.UPLOAD_LIMIT_BYTES, 50 * 1024 * 1024, 'UPLOAD_LIMIT_BYTES'),
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    publicMap: boolFrom(env.PUBLIC_MAP, true),
    adminUsername: env.ADMIN_USERNAME || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    loadReferenceData: boolFrom(env.LOAD_REFERENCE_DATA, true),
    loadDemoProjects: boolFrom(env.LOAD_DEMO_PROJECTS, true),
    tiandituKey: env.TIANDITU_KEY || undefined,
    batchMaxRows: intFrom(env.BATCH_MAX_ROWS, 5000, 'BATCH_MAX_ROWS'),
    batchConcurrency: env.BATCH_CONCURRENCY ? Math.max(1, intFrom(env.BATCH_CONCURRENCY, 1, 'BATCH_CONCURRENCY')) : undefined,
  };
}
