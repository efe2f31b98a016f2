/** API server only (used by `npm run dev`, where Vite serves the client). */
import { startServer, stopOnSignals } from '../main.ts';

const running = await startServer();
stopOnSignals(running);
console.log(`API: ${running.url} (database: ${running.db.mode})`);
