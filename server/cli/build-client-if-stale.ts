import fs from 'node:fs';
import path from 'node:path';
import { newestMtime } from '../../scripts/server-build.mjs';

/** True when dist/client is missing or older than the client sources or the build configuration. */
export function clientBuildIsStale(root = process.cwd()): boolean {
  const built = path.join(root, 'dist/client/index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  const sources = ['client', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));
  return sources.some((s) => newestMtime(s) > builtAt);
}
