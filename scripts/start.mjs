#!/usr/bin/env node
/**
 * `npm start`: runs the compiled server (dist/server/start.js), building it first when it is missing
 * or older than its sources — so a start compiles nothing, and an upgrade or an edit costs one build.
 * Plain JavaScript on purpose: it must run before anything is compiled.
 *
 * The server runs in a child process that starts with the malloc tunables of server-env.mjs (glibc
 * reads them only at a process's start); this process waits for it and ends with its exit code.
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
if (process.env.MALLOC_ARENA_MAX === undefined) {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: withServerMalloc(process.env),
  });
  // A signal sent to this process alone is passed on; the server stops once however many it gets
  // (Ctrl-C, or systemd's stop, reach both processes).
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
} else {
  await import(pathToFileURL(path.join(root, SERVER_ENTRY)).href);
}
