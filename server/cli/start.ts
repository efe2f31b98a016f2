/**
 * `npm start`: builds the client when the build is missing or stale, then serves API + client.
 * Nothing else needs installing or starting: without DATABASE_URL the database is embedded.
 */
import { clientBuildIsStale } from './build-client-if-stale.ts';
import { startServer, stopOnSignals } from '../main.ts';

if (clientBuildIsStale()) {
  console.log('正在构建前端 / building the client …');
  // Loaded only when needed: Vite is a large import that a start with a fresh build can skip.
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
}
const running = await startServer();
stopOnSignals(running);
console.log(`\n生态红线一张图 Redline Map: ${running.url}  (database: ${running.db.mode})\n`);
