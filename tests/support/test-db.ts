import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/database.ts';

/**
 * The shared test database (see global-setup.ts), as the app would open it. One connection, as in
 * embedded mode: the embedded socket server serves one client, and test files run one at a time.
 * Call close() in afterAll so the next file can connect.
 */
export async function openTestDatabase(options: { poolMax?: number } = {}): Promise<Database> {
  // More than one connection only on PostgreSQL (concurrency tests): the embedded socket serves one.
  const poolMax = inject('databaseMode') === 'external' ? (options.poolMax ?? 1) : 1;
  const db = await openDatabase({ databaseUrl: inject('databaseUrl'), dataDir: '', poolMax, soleSession: inject('databaseMode') === 'embedded' });
  return { ...db, mode: inject('databaseMode') };
}
