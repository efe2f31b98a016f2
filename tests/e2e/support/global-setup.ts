import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { clientBuildIsStale } from '../../../server/cli/build-client-if-stale.ts';
import { startServer } from '../../../server/main.ts';

const E2E_ADMIN = { username: 'e2e_admin', password: 'e2e-admin-password' };

/** Builds the client when stale and starts one server (embedded DB, fresh directory) for all browser tests. */
export default async function setup(project: TestProject) {
  if (clientBuildIsStale()) await build({ logLevel: 'warn' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-e2e-'));
  const running = await startServer({
    port: 0, host: '127.0.0.1', dataDir, databaseUrl: undefined, logLevel: 'warn',
    // The first administrator (tests create other accounts through POST /api/users).
    adminUsername: E2E_ADMIN.username, adminPassword: E2E_ADMIN.password,
    // OSM may be chosen (the CSP allows its host); tests answer its tiles locally and assert nothing online is asked for before.
    onlineBasemaps: ['osm'],
  });
  project.provide('appUrl', running.url.replace(/\/$/, ''));
  project.provide('admin', E2E_ADMIN);
  return async () => {
    await running.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    admin: { username: string; password: string };
  }
}
