// The embedded database's thread when the server runs from its TypeScript sources (tsx, vitest):
// a worker does not inherit the loader that lets the main thread import .ts, so it loads tsx itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./embedded-worker.ts', import.meta.url);
