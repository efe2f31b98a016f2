import { loadConfig } from '../../server/config.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/http/logger.ts';
import { openTestDatabase } from './test-db.ts';

/** The full Express app on the shared test database, for supertest. Close it in afterAll. */
export async function openTestApp() {
  const db = await openTestDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent' };
  const app = createApp({ config, db, log: createLogger('silent') });
  return { app, db, config, close: () => db.close() };
}
