/**
 * `npm start`: builds the client when the build is missing or stale, then serves API + client.
 * Nothing else needs installing or starting: without DATABASE_URL the database is embedded.
 */
import { build } from 'vite';
import { clientBuildIsStale } from './build-client-if-stale.ts';
import { startServer, stopOnSignals } from '../main.ts';

if (clientBuildIsStale()) {
  console.log('正在构建前端 / building the client …');
  await build({ logLevel: 'warn' });
}
const running = await startServer();
stopOnSignals(running);
console.log(`\n生态红线一张图 Redline Map: ${running.url}  (database: ${running.db.mode})\n`);
