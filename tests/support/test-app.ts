import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/http/logger.ts';
import { openTestDatabase } from './test-db.ts';

/**
 * The full Express app on the shared test database, for supertest, with its own DATA_DIR (uploaded
 * files) removed again by close(). Close it in afterAll.
 */
export async function openTestApp(env: Record<string, string> = {}) {
  const db = await openTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-test-data-'));
  // Per-address check limit off: suites send hundreds of checks from one address (limits have their own tests, abuse.db.test.ts).
  const config = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, RATE_LIMIT_CHECK: '0', ...env }), logLevel: 'silent' };
  const app = createApp({ config, db, log: createLogger('silent') });
  return {
    app,
    db,
    config,
    close: async () => {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
