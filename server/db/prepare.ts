import type pg from 'pg';
import { loadReferenceLayers } from '../layers/reference-data.ts';

/**
 * Everything a fresh database needs beyond its schema (openDatabase migrates): the shipped
 * reference layers, loaded where a layer has no version yet. Idempotent; run at every start.
 */
export async function prepareDatabase(pool: pg.Pool): Promise<void> {
  await loadReferenceLayers(pool, { onlyMissing: true });
}
