/**
 * `npm run bench -- --startup`: how long `npm start` takes to a 200 from /api/health on an existing
 * data directory, against the floor measured in the same run — the database alone opening the same
 * data and answering `SELECT postgis_full_version()` (bench/startup-floor.mjs). Both in fresh node
 * processes, alternated, the median of --runs each. With DATABASE_URL the same against PostgreSQL
 * (floor: a bare `pg` connect). Prints `BENCH_START app_s=… floor_s=… ratio=…`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildServer, serverBuildIsStale } from '../scripts/server-build.mjs';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Spawns `node args` and resolves with the seconds until `ready(output)` holds (then kills it). */
function timeUntil(args: string[], env: NodeJS.ProcessEnv, ready: (out: string) => Promise<boolean> | boolean): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let done = false;
    const poll = async () => {
      if (done) return;
      if (await ready(out)) {
        done = true;
        const s = (performance.now() - started) / 1000;
        child.kill('SIGTERM');
        await exited;
        resolve(s);
        return;
      }
      if (child.exitCode !== null) return reject(new Error(`exited before ready:\n${out}`));
      setTimeout(() => void poll(), 10);
    };
    void poll();
  });
}

async function healthOk(out: string): Promise<boolean> {
  const m = /Redline Map: (http:\/\/\S+?)\/? /.exec(out);
  if (!m) return false;
  return fetch(`${m[1]}/api/health`).then((r) => r.status === 200, () => false);
}

export async function runStartupBench(options: { runs: number }, log: (s?: string) => void): Promise<void> {
  const external = Boolean(process.env.DATABASE_URL);
  const dataDir = path.resolve('bench/.data/startup');
  const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOAD_DEMO_PROJECTS: 'true' };
  log(`# start-up benchmark (${external ? 'PostgreSQL at DATABASE_URL' : `embedded PGlite in ${dataDir}`})`);
  if (serverBuildIsStale()) log(`  compiled the server once first (${await buildServer()} ms): a start then compiles nothing`);
  if (!fs.existsSync(path.resolve('dist/client/index.html'))) log('  note: no client build: the first start builds it (not timed)');
  // The first start creates the data directory (or schema) and loads the reference layers: once, not timed.
  const first = await timeUntil(['scripts/start.mjs'], env, healthOk);
  log(`  first (cold) start: ${first.toFixed(2)} s — not counted`);
  const app: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    floor.push(await timeUntil(['bench/startup-floor.mjs', dataDir], {}, (out) => out.includes('FLOOR_READY')));
    app.push(await timeUntil(['scripts/start.mjs'], env, healthOk));
    log(`  run ${i + 1}: app ${app[i].toFixed(2)} s, floor ${floor[i].toFixed(2)} s`);
  }
  const a = median(app);
  const f = median(floor);
  log(`BENCH_START db=${external ? 'postgresql' : 'embedded'} app_s=${a.toFixed(2)} floor_s=${f.toFixed(2)} ratio=${(a / f).toFixed(2)} runs=${options.runs}`);
}
