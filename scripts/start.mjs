#!/usr/bin/env node
/**
 * `npm start`: runs the compiled server (dist/server/start.js), building it first when it is missing
 * or older than its sources — so a start compiles nothing, and an upgrade or an edit costs one build.
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, serverBuildIsStale, SERVER_ENTRY } from './server-build.mjs';

const root = process.cwd();
if (serverBuildIsStale(root)) {
  const first = !fs.existsSync(path.join(root, SERVER_ENTRY));
  console.log(first ? '首次启动：正在编译服务器 / first start: compiling the server …' : '源代码已更新：正在重新编译服务器 / sources changed: recompiling the server …');
  const ms = await buildServer(root);
  console.log(`  服务器已编译 / server compiled in ${ms} ms → ${SERVER_ENTRY}`);
}
await import(pathToFileURL(path.join(root, SERVER_ENTRY)).href);
