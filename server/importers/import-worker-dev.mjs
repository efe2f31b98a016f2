/**
 * The import-pool thread when the server runs from its TypeScript sources (tsx, the tests): the
 * thread registers tsx itself, then runs import-worker.ts. The compiled server (npm start) starts
 * dist/server/import-worker.js instead.
 */
import { register } from 'tsx/esm/api';

register();
const worker = await import('./import-worker.ts');
export default worker.default;
