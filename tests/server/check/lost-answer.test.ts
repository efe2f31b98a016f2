import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../server/check/engine.ts';
import type { Queryable } from '../../../server/db/types.ts';

/** The overlap query always answers one row: none means the database lost the statement (pglite-sync-ready.ts). */
describe('a check whose overlap query comes back without a row', () => {
  it('is a 422 SITE_NOT_COMPUTABLE, not a TypeError and a 500', async () => {
    const noRow = { query: async () => ({ rows: [], rowCount: 0 }) } as unknown as Queryable;
    const site = { type: 'Polygon', coordinates: [[[106.6, 26.4], [106.61, 26.4], [106.61, 26.41], [106.6, 26.4]]] };
    await expect(runCheck(noRow, { geometry: site, project: { type: 'residential' } })).rejects.toMatchObject({ status: 422, code: 'SITE_NOT_COMPUTABLE' });
  });
});
