#!/usr/bin/env node
/**
 * `npm start`: runs the compiled server (dist/server/start.js), building it first when it is missing
 * or older than its sources — so a start compiles nothing, and an upgrade or an edit costs one build.
 * Plain JavaScript on purpose: it must run before anything is compiled.
 *
 * The server runs in a child process that starts with the malloc tunables of server-env.mjs (glibc
 * reads them only at a process's start); this process waits for it and ends with its exit code —
 * except 70 (the server asks to be started again), on which it starts it again, a few times at most.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildServer, serverBuildIsStale, SERVER_ENTRY } from './server-build.mjs';
import { withServerMalloc } from './server-env.mjs';

const root = process.cwd();
if (serverBuildIsStale(root)) {
  const first = !fs.existsSync(path.join(root, SERVER_ENTRY));
  console.log(first ? '首次启动：正在编译服务器 / first start: compiling the server …' : '源代码已更新：正在重新编译服务器 / sources changed: recompiling the server …');
  const ms = await buildServer(root);
  console.log(`  服务器已编译 / server compiled in ${ms} ms → ${SERVER_ENTRY}`);
}
/** Exit code of a server that stopped so that it be started again (the embedded database could not recover). */
const RESTART_ME = 70;
/** More restarts than this in RESTART_WINDOW_MS: give up, and say so, instead of looping. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 10 * 60_000;

if (process.env.MALLOC_ARENA_MAX === undefined) {
  // A planner's laptop has no service manager: this process restarts the server as one would.
  const restarts = [];
  let stopping = false;
  let child;
  const run = () => {
    child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: withServerMalloc(process.env),
    });
    child.on('exit', (code, signal) => {
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (code === RESTART_ME && !stopping && restarts.length < MAX_RESTARTS) {
        restarts.push(now);
        console.error('服务器请求重启，正在重新启动 / the server asked to be restarted; starting it again …');
        run();
        return;
      }
      if (code === RESTART_ME && !stopping) console.error(`服务器 ${RESTART_WINDOW_MS / 60_000} 分钟内已重启 ${MAX_RESTARTS} 次，不再重启 / restarted ${MAX_RESTARTS} times within ${RESTART_WINDOW_MS / 60_000} minutes: not again`);
      process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0));
    });
  };
  run();
  // A signal sent to this process alone is passed on; the server stops once however many it gets
  // (Ctrl-C, or systemd's stop, reach both processes).
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => {
      stopping = true;
      child.kill(signal);
    });
} else {
  await import(pathToFileURL(path.join(root, SERVER_ENTRY)).href);
}
