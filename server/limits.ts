/**
 * Work limits: how much an upload, a check or a report may cost before any work starts on it.
 * Settings (environment variables, listed in README and docs/security.md), read once at start; the
 * defaults are far above what a planner sends (a site of a few hundred vertices, a KML of a few
 * parcels) and far below what exhausts the process (2 GB heap, the one embedded DB connection).
 */
import { availableParallelism } from 'node:os';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

export const LIMITS = {
  /** Memory for answers of immutable layer versions, per process (MB): one budget for tiles, versioned features and search (version-cache.ts). */
  layerCacheMb: positiveInt('LAYER_CACHE_MB', 128),
  /** Features and vertices of one imported file (after parsing, before any geometry work). */
  importMaxFeatures: positiveInt('IMPORT_MAX_FEATURES', 10_000),
  importMaxVertices: positiveInt('IMPORT_MAX_VERTICES', 1_000_000),
  /** Rings of one imported file (each needs containment tests against the others). */
  importMaxRings: positiveInt('IMPORT_MAX_RINGS', 10_000),
  /** Bytes one zip entry (KMZ, Shapefile parts) may inflate to; inflation stops at this cap. */
  importMaxUnzippedBytes: positiveInt('IMPORT_MAX_UNZIPPED_BYTES', 64 * 1024 * 1024),
  /** XML elements and nesting depth of a KML, counted by a streaming pre-scan before the DOM is built. */
  importMaxXmlElements: positiveInt('IMPORT_MAX_XML_ELEMENTS', 300_000),
  importMaxXmlDepth: positiveInt('IMPORT_MAX_XML_DEPTH', 64),
  /**
   * Imported files are parsed in worker threads, never on the event loop that serves everyone else:
   * this many at once (default: the cores but one, 1–4), at most `importPerClient` running or waiting
   * per client (429 past it), at most `importQueueMax` waiting in all (503), each stopped after
   * `importTimeoutMs` of parsing or `importWorkerHeapMb` of heap (422).
   */
  importWorkers: positiveInt('IMPORT_WORKERS', Math.max(1, Math.min(4, availableParallelism() - 1))),
  importPerClient: positiveInt('IMPORT_PER_CLIENT', 2),
  importQueueMax: positiveInt('IMPORT_QUEUE_MAX', 32),
  importTimeoutMs: positiveInt('IMPORT_TIMEOUT_MS', 30_000),
  importWorkerHeapMb: positiveInt('IMPORT_WORKER_HEAP_MB', 512),
  /** Vertices of a site sent to /api/check (or a report) and its widths (m). */
  checkMaxVertices: positiveInt('CHECK_MAX_VERTICES', 50_000),
  checkMaxWidthM: positiveInt('CHECK_MAX_WIDTH_M', 2_000),
  /**
   * Parts (points, lines, polygons) of one site: each is buffered and overlaid on its own, so a
   * MultiPoint of 50,000 points within the vertex cap held the embedded database for minutes.
   */
  checkMaxParts: positiveInt('CHECK_MAX_PARTS', 500),
  /** Per-statement time limit of a check's SQL (ms); past it the check answers 503 with Retry-After. */
  checkStatementTimeoutMs: positiveInt('CHECK_STATEMENT_TIMEOUT_MS', 20_000),
  /** PDF reports rendered at once / waiting; past the queue a report answers 503 with Retry-After. */
  pdfConcurrency: positiveInt('PDF_CONCURRENCY', 1),
  pdfQueueMax: positiveInt('PDF_QUEUE_MAX', 4),
  /** Pages a report may have (its feature table grows with the layers' features). */
  reportMaxPages: positiveInt('REPORT_MAX_PAGES', 60),
  /** Nesting depth of GeometryCollections accepted from a client. */
  geometryMaxDepth: positiveInt('GEOMETRY_MAX_DEPTH', 4),
} as const;
