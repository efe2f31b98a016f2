import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * GDAL on the server, as WebAssembly (gdal3.js): no native install, nothing fetched at run time —
 * the .wasm and .data files ship in the npm package. The one place that loads it, shared by every
 * module that reads or writes GDAL formats (official layers: GeoPackage, FileGDB; exports).
 *
 * The module is initialised once, on first use (≈1 s, ~40 MB), and its calls are serialised: one
 * Emscripten instance has one virtual file system and is not re-entrant.
 */

/** The part of gdal3.js's API used here (its own typings describe the browser build). */
interface GdalDataset {
  pointer: number;
  path: string;
  type: string;
}
export interface Gdal {
  open(fileOrFiles: string | string[], options?: string[], vfsHandlers?: string[]): Promise<{ datasets: GdalDataset[]; errors: string[] }>;
  close(dataset: GdalDataset): Promise<void>;
  ogrinfo(dataset: GdalDataset, options?: string[]): Promise<unknown>;
  ogr2ogr(dataset: GdalDataset, options?: string[], outputName?: string): Promise<{ local: string; real: string }>;
  getFileBytes(filePath: string | { local: string; real: string }): Promise<Uint8Array>;
  getOutputFiles(): Promise<{ path: string; size: number }[]>;
}

const require = createRequire(import.meta.url);
let loading: Promise<Gdal> | undefined;
let queue: Promise<unknown> = Promise.resolve();

function load(): Promise<Gdal> {
  const init = require('gdal3.js/node.js') as (config: { path: string; useWorker: boolean; logHandler?: () => void; errorHandler?: () => void }) => Promise<Gdal>;
  const packageDir = path.dirname(require.resolve('gdal3.js/dist/package/gdal3WebAssembly.wasm'));
  // gdal3.js reads its .data file as "./" + path in Node, i.e. relative to the working directory.
  const relative = path.relative(process.cwd(), packageDir) || '.';
  return init({ path: relative, useWorker: false, logHandler: () => {}, errorHandler: () => {} });
}

/**
 * Runs `fn` with the GDAL instance, after every earlier call has finished. Datasets opened inside
 * should be closed inside.
 */
export function withGdal<T>(fn: (gdal: Gdal) => Promise<T>): Promise<T> {
  loading ??= load().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  const run = queue.then(async () => fn(await loading!));
  queue = run.catch(() => undefined);
  return run;
}
