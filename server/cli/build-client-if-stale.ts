import fs from 'node:fs';
import path from 'node:path';

/** Newest modification time of any file below dir (0 when it does not exist). */
function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when dist/client is missing or older than the client sources or the build configuration. */
export function clientBuildIsStale(root = process.cwd()): boolean {
  const built = path.join(root, 'dist/client/index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  const sources = ['client', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));
  return sources.some((s) => newestMtime(s) > builtAt);
}
