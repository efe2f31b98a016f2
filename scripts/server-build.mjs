/**
 * The server compiled once into dist/server (esbuild, already installed through tsx/vite): one self-contained ES
 * module per entry (no shared chunks: migrate.ts finds the migrations next to the module) with the sources bundled in and the npm packages left to node_modules, plus the
 * SQL migrations beside it (server/db/migrate.ts reads them next to itself).
 */
import fs from 'node:fs';
import path from 'node:path';

export const SERVER_ENTRY = 'dist/server/start.js';
// Threads started beside the server: the import pool (server/importers/import-pool.ts) and the embedded
// database (server/db/embedded-worker.ts) are entries of their own.
const ENTRIES = {
  start: 'server/cli/start.ts',
  serve: 'server/cli/serve.ts',
  'import-worker': 'server/importers/import-worker.ts',
  'embedded-worker': 'server/db/embedded-worker.ts',
};
/** What the build depends on: a change to any of these makes it stale. */
const SOURCES = ['server', 'common', 'package-lock.json', 'tsconfig.json', 'scripts/server-build.mjs'];

/** Newest modification time of any file below target (0 when it does not exist); also used for the client build. */
export function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function serverBuildIsStale(root = process.cwd()) {
  const built = path.join(root, SERVER_ENTRY);
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > builtAt);
}

/** Builds dist/server; returns the milliseconds it took. */
export async function buildServer(root = process.cwd()) {
  const started = Date.now();
  const { build } = await import('esbuild');
  const outdir = path.join(root, 'dist/server');
  const tmp = `${outdir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(root, file)])),
    outdir: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  fs.cpSync(path.join(root, 'server/db/migrations'), path.join(tmp, 'migrations'), { recursive: true });
  // Swapped in whole: a start that finds dist/server finds a complete build.
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.renameSync(tmp, outdir);
  return Date.now() - started;
}
