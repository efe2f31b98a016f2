import type pg from 'pg';

/**
 * Everything a fresh database needs beyond its schema (openDatabase migrates): the shipped
 * reference layers. Idempotent; run at every start.
 */
export async function prepareDatabase(_pool: pg.Pool): Promise<void> {
  // Reference layers are loaded here once the loader exists (issue 3).
}
