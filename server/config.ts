import path from 'node:path';

/** Environment → typed configuration, read and validated once at start. */
export interface Config {
  host: string;
  port: number;
  /** Set → use that PostgreSQL + PostGIS server; unset → embedded PGlite in dataDir. */
  databaseUrl?: string;
  /**
   * Optional, with databaseUrl: a streaming replica (hot standby) that serves checks, tiles and layer
   * reads; writes, and reads that must see the caller's own write, go to databaseUrl.
   */
  databaseReadUrl?: string;
  dataDir: string;
  /** Largest accepted JSON body (bytes). Sites with tens of thousands of vertices fit. */
  jsonLimit: string;
  /** Largest accepted upload (bytes). */
  uploadLimitBytes: number;
  /** Official data (数据管理): largest upload, features and vertices of one layer, unzipped size. */
  adminUploadLimitBytes: number;
  adminMaxFeatures: number;
  adminMaxVertices: number;
  adminMaxUnzippedBytes: number;
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
  /** Largest attachment (论证材料, scans, Office files) on a project or comment. */
  attachmentMaxBytes: number;
  /** Working days a review may take after submission before the dashboard counts it overdue. */
  reviewDeadlineWorkingDays: number;
  /** Checks a batch runs at once; unset → 1 on the embedded database (one connection), 4 on PostgreSQL. */
  batchConcurrency?: number;
  /** Online basemaps the browser may load (CSP hosts): 'tianditu' (also implied by TIANDITU_KEY), 'osm'. */
  onlineBasemaps: OnlineBasemap[];
  /**
   * Which proxies may set X-Forwarded-For / -Proto (Express `trust proxy`): false (default) trusts
   * none, so a client cannot choose the address its rate limits and audit rows are kept under.
   */
  trustProxy: boolean | number | string;
  /** Absolute URL the app is reached at (e.g. https://redline.bureau.example); TileJSON links use it. */
  publicUrl?: string;
  /** Session ends this long after login whatever the activity (ASVS: ≤ 12 h). */
  sessionMaxMs: number;
  /** … and after this long without a request. */
  sessionIdleMs: number;
  /** Per-address limits on the expensive anonymous endpoints: requests per window. */
  rateLimits: RateLimits;
  /**
   * Where rate-limit counters live: 'database' (shared by every instance on one PostgreSQL; the
   * default there) or 'memory' (per process; always so on the embedded database, and in tests).
   */
  rateLimitStore: 'memory' | 'database';
}

export type OnlineBasemap = 'tianditu' | 'osm';

function basemapsFrom(list: string | undefined, tiandituKey: string | undefined): OnlineBasemap[] {
  const names = new Set((list ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
  for (const name of names) {
    if (name !== 'tianditu' && name !== 'osm') throw new Error(`ONLINE_BASEMAPS: unknown basemap "${name}" (tianditu, osm)`);
  }
  if (tiandituKey) names.add('tianditu');
  return [...names] as OnlineBasemap[];
}

export interface RateLimit {
  windowMs: number;
  limit: number;
}

/** Per client address; 0 turns a limit off. Defaults far above what a planner at work sends. */
export interface RateLimits {
  login: RateLimit;
  check: RateLimit;
  import: RateLimit;
  export: RateLimit;
  report: RateLimit;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/**
 * The embedded database's memory (EMBEDDED_SHARED_BUFFERS_MB, EMBEDDED_MAINTENANCE_WORK_MEM_MB).
 * PGlite is PostgreSQL inside one WebAssembly memory, which grows to its high-water mark and never
 * shrinks: its page cache (shared_buffers; PostgreSQL's default 128 MB, more than the reference
 * layers' pages — the data files stay in the OS page cache besides) and what one index build may
 * take (maintenance_work_mem; 64 MB by default) bound how far. Read where the database starts.
 */
export interface EmbeddedMemory {
  sharedBuffersMb: number;
  maintenanceWorkMemMb: number;
}

export function embeddedMemoryFrom(env: NodeJS.ProcessEnv = process.env): EmbeddedMemory {
  const mb = (name: string, fallback: number) => {
    const n = intFrom(env[name], fallback, name);
    if (n === 0) throw new Error(`${name} must be a positive integer, got "${env[name]}"`);
    return n;
  };
  return { sharedBuffersMb: mb('EMBEDDED_SHARED_BUFFERS_MB', 32), maintenanceWorkMemMb: mb('EMBEDDED_MAINTENANCE_WORK_MEM_MB', 16) };
}

/** TRUST_PROXY: unset/false → none; true → all (only behind a proxy that strips client headers); a hop count; or addresses/subnets (`loopback`, `10.0.0.1`, `10.0.0.0/8, ::1`). */
function trustProxyFrom(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || ['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  if (['true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function publicUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = new URL(value); // throws on a malformed setting: fail at start, not per request
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PUBLIC_URL must be http(s), got "${value}"`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

function boolFrom(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

function rateLimitStoreFrom(value: string | undefined, fallback: Config['rateLimitStore']): Config['rateLimitStore'] {
  if (!value) return fallback;
  if (value !== 'memory' && value !== 'database') throw new Error(`RATE_LIMIT_STORE must be memory or database, got "${value}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST || '127.0.0.1',
    port: intFrom(env.PORT, 8080, 'PORT'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_URL ? env.DATABASE_READ_URL || undefined : undefined,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    jsonLimit: env.JSON_LIMIT || '20mb',
    uploadLimitBytes: intFrom(env.UPLOAD_LIMIT_BYTES, 50 * 1024 * 1024, 'UPLOAD_LIMIT_BYTES'),
    adminUploadLimitBytes: intFrom(env.ADMIN_UPLOAD_LIMIT_BYTES, 500 * 1024 * 1024, 'ADMIN_UPLOAD_LIMIT_BYTES'),
    adminMaxFeatures: intFrom(env.ADMIN_MAX_FEATURES, 200_000, 'ADMIN_MAX_FEATURES'),
    adminMaxVertices: intFrom(env.ADMIN_MAX_VERTICES, 20_000_000, 'ADMIN_MAX_VERTICES'),
    adminMaxUnzippedBytes: intFrom(env.ADMIN_MAX_UNZIPPED_BYTES, 2 * 1024 * 1024 * 1024, 'ADMIN_MAX_UNZIPPED_BYTES'),
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    publicMap: boolFrom(env.PUBLIC_MAP, true),
    adminUsername: env.ADMIN_USERNAME || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    loadReferenceData: boolFrom(env.LOAD_REFERENCE_DATA, true),
    loadDemoProjects: boolFrom(env.LOAD_DEMO_PROJECTS, true),
    tiandituKey: env.TIANDITU_KEY || undefined,
    onlineBasemaps: basemapsFrom(env.ONLINE_BASEMAPS, env.TIANDITU_KEY),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    publicUrl: publicUrlFrom(env.PUBLIC_URL),
    sessionMaxMs: Math.min(Math.max(1, intFrom(env.SESSION_MAX_HOURS, 12, 'SESSION_MAX_HOURS')), 12) * HOUR_MS,
    sessionIdleMs: Math.max(1, intFrom(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES')) * MINUTE_MS,
    rateLimitStore: rateLimitStoreFrom(env.RATE_LIMIT_STORE, env.NODE_ENV === 'test' ? 'memory' : 'database'),
    rateLimits: {
      login: { windowMs: MINUTE_MS, limit: intFrom(env.RATE_LIMIT_LOGIN, 30, 'RATE_LIMIT_LOGIN') },
      check: { windowMs: MINUTE_MS, limit: intFrom(env.RATE_LIMIT_CHECK, 600, 'RATE_LIMIT_CHECK') },
      import: { windowMs: MINUTE_MS, limit: intFrom(env.RATE_LIMIT_IMPORT, 30, 'RATE_LIMIT_IMPORT') },
      export: { windowMs: MINUTE_MS, limit: intFrom(env.RATE_LIMIT_EXPORT, 60, 'RATE_LIMIT_EXPORT') },
      report: { windowMs: MINUTE_MS, limit: intFrom(env.RATE_LIMIT_REPORT, 30, 'RATE_LIMIT_REPORT') },
    },
    batchMaxRows: intFrom(env.BATCH_MAX_ROWS, 5000, 'BATCH_MAX_ROWS'),
    attachmentMaxBytes: Math.max(1, intFrom(env.ATTACHMENT_MAX_BYTES, 20 * 1024 * 1024, 'ATTACHMENT_MAX_BYTES')),
    reviewDeadlineWorkingDays: Math.max(1, intFrom(env.REVIEW_DEADLINE_WORKING_DAYS, 20, 'REVIEW_DEADLINE_WORKING_DAYS')),
    batchConcurrency: env.BATCH_CONCURRENCY ? Math.max(1, intFrom(env.BATCH_CONCURRENCY, 1, 'BATCH_CONCURRENCY')) : undefined,
  };
}
