import { describe, expect, it } from 'vitest';
import { importSiteFile } from '../../../server/importers/index.ts';
import { garbage, MALFORMED_CASES } from './malformed-cases.ts';
import { expectClientError, fixture } from './support.ts';

/**
 * Every importer, every kind of broken input: the answer is a 4xx AppError with a Chinese and an
 * English message — never a crash, never a 5xx.
 */
describe('malformed input → 4xx with zh/en, for every importer', () => {
  it.each(MALFORMED_CASES)('%s', async (_name, format, bytes, options) => {
    await expectClientError(async () => importSiteFile({ bytes: await bytes(), format, ...options }));
  });

  it('detects the format of garbage with an unknown extension as a 422', async () => {
    await expectClientError(() => importSiteFile({ bytes: garbage(1000), filename: 'x.bin' }), 422, 'UNKNOWN_FORMAT');
  });

  it('stops reading a zip bomb (101 MB of zeros in 100 KB) at the size cap instead of inflating it', async () => {
    const bytes = fixture('malformed/zip-bomb.zip');
    expect(bytes.length).toBeLessThan(1024 * 1024);
    await expectClientError(() => importSiteFile({ bytes, format: 'shapefile' }), 422, 'ZIP_ENTRY_TOO_LARGE');
  });

  it('handles 8 MB of garbage quickly', async () => {
    const start = Date.now();
    await expectClientError(() => importSiteFile({ bytes: garbage(8 * 1024 * 1024, 7), format: 'guotu-txt' }));
    expect(Date.now() - start).toBeLessThan(3000);
  });
});
