import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { withServerMalloc } from '../../scripts/server-env.mjs';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first successful /api/health. */
  readyMs: number;
  output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs the API server as a real child process (`node --import tsx server/cli/serve.ts`: the server
 * itself, not a tsx wrapper, so a signal — kill -9 too — reaches the process that owns the data) on a free port, as
 * `npm start` does, and waits until /api/health answers. `nodeArgs` go to node (e.g. `--cpu-prof`).
 */
export async function spawnServer(env: Record<string, string>, timeoutMs = 120_000, nodeArgs: string[] = []): Promise<ServerProcess> {
  const started = Date.now();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.resolve('server/cli/serve.ts')], {
    // The malloc tunables npm start gives the server (scripts/server-env.mjs): the fuzz's RSS is npm start's.
    env: withServerMalloc({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = () => {
      const m = /API: (http:\/\/\S+?)\/? /.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${out}`));
    });
  });
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    url,
    readyMs: Date.now() - started,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}

/**
 * The crash in a durability test: sends `request` to `server`, waits until the server says (a test
 * hook printing `hook` on its output) that it has paused inside that request, lets a third of the
 * pause pass, kills the process that owns the data with SIGKILL (its pid from `dataDir`), and starts
 * the server again on the same data. Returns what became of the request ('connection lost' when the
 * kill landed mid-request, as it must) and the restarted server.
 */
export async function killMidRequestAndRestart(
  server: ServerProcess,
  options: { hook: string; delayMs: number; dataDir: string; env: Record<string, string>; request: () => Promise<{ status: number }> },
): Promise<{ outcome: number | 'connection lost'; restarted: ServerProcess }> {
  const pauses = () => server.output().split(options.hook).length - 1;
  const before = pauses();
  const pending = options.request().then(
    (r) => r.status,
    () => 'connection lost' as const,
  );
  while (pauses() <= before) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, options.delayMs / 3));
  const serverPid = Number(fs.readFileSync(path.join(options.dataDir, 'redline-map.pid'), 'utf8'));
  process.kill(serverPid, 'SIGKILL');
  const outcome = await pending;
  await server.stop('SIGKILL');
  return { outcome, restarted: await spawnServer(options.env) };
}
