import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/db/embedded.ts';
import { openDatabase } from '../../server/db/database.ts';
import { loadReferenceLayers } from '../../server/layers/reference-data.ts';
import { loadTestCoverage } from './test-coverage.ts';

/**
 * Boots PostGIS once per test run: the real server at DATABASE_URL (`npm run test:pg`), else one
 * embedded PGlite in a temporary directory. Migrates it, loads the reference layers and sets a
 * coverage area that includes the synthetic layers' region (test-coverage.ts), then tells
 * the test files where it is (inject('databaseUrl')).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let tmp: string | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-test-'));
    embedded = await startEmbeddedDatabase(tmp);
    url = embedded.url;
  }
  const db = await openDatabase({ databaseUrl: url, dataDir: tmp ?? '', poolMax: 1 });
  await loadReferenceLayers(db.pool, { onlyMissing: true });
  await loadTestCoverage(db.pool);
  await db.close();
  project.provide('databaseUrl', url);
  project.provide('databaseMode', embedded ? 'embedded' : 'external');
  return async () => {
    await embedded?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseMode: 'embedded' | 'external';
  }
}
