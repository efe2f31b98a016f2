import type { MultiPolygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseCoordinateValue } from '../../../server/importers/coordinate-text.ts';
import { importSiteFile } from '../../../server/importers/index.ts';
import { assemblePolygons } from '../../../server/importers/ring-assembly.ts';
import { polygonSelfIntersections } from '../../../common/geo/self-intersections.ts';
import { backtrackingCsv, combGeoJson, combPolygon, deepKml, entityBombKml, kmzBomb, manyRingsCsv } from '../../support/hostile-files.ts';
import { expectClientError } from './support.ts';

/**
 * Issue 11 rows 2–4: the uploads that crashed or froze the server at commit de1e1f9. The elapsed-time
 * ceilings are hang guards, not speed targets: each input took 5–50 s (or exhausted the heap)
 * before, and takes milliseconds now, so the ceiling is ~20× what it needs on a busy machine.
 */
const timed = async <T>(run: () => Promise<T> | T): Promise<{ ms: number; value?: T; error?: unknown }> => {
  const t0 = performance.now();
  try {
    const value = await run();
    return { ms: performance.now() - t0, value };
  } catch (error) {
    return { ms: performance.now() - t0, error };
  }
};

describe('hostile uploads (issue 11)', () => {
  it('row 2: a 10 KB KMZ that inflates to 10 MB of <a/> is refused by the element cap before any DOM is built', async () => {
    const bytes = await kmzBomb(10);
    expect(bytes.length).toBeLessThan(64 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    await expectClientError(() => importSiteFile({ bytes, filename: 'bomb.kmz' }), 422, 'XML_TOO_MANY_ELEMENTS');
    // The DOM of 2.6 million elements cost ~2 GB; the scan and the inflated text cost tens of MB.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(400 * 1024 * 1024);
  });

  it('row 2: a KML nested 100,000 elements deep and an entity bomb are refused before parsing', async () => {
    await expectClientError(() => importSiteFile({ bytes: deepKml(), filename: 'deep.kml' }), 422, 'XML_TOO_DEEP');
    await expectClientError(() => importSiteFile({ bytes: entityBombKml(), filename: 'lol.kml' }), 422, 'XML_DOCTYPE');
  });

  it('row 3: "1 1" + 4,000 spaces + "x" is read in linear time (it backtracked 14–46 s)', async () => {
    const cell = `1 1${' '.repeat(4_000)}x`;
    const { ms, value } = await timed(() => parseCoordinateValue(cell));
    expect(value).toBeUndefined();
    expect(ms).toBeLessThan(200);
    const upload = await timed(() => importSiteFile({ bytes: backtrackingCsv(), filename: 'x.csv', geometry: 'points' }));
    expect(upload.ms).toBeLessThan(1_000);
    // The DMS forms the regular expression read are still read (values from hand arithmetic).
    expect(parseCoordinateValue('106 40 12.5 E')).toBeCloseTo(106 + 40 / 60 + 12.5 / 3600, 12);
    expect(parseCoordinateValue('-26:24:36')).toBeCloseTo(-26.41, 12);
    expect(parseCoordinateValue('26°24′36″N')).toBeCloseTo(26.41, 12);
    expect(parseCoordinateValue('26度24.6分')).toBeCloseTo(26.41, 12);
    expect(parseCoordinateValue('26 N')).toBe(26);
    expect(parseCoordinateValue('26°61\'')).toBeUndefined();
    expect(parseCoordinateValue('26.5°24\'')).toBeUndefined();
    expect(parseCoordinateValue('26 24 36 N N')).toBeUndefined();
  });

  it('row 4: 6,000 small rings (620 KB CSV) assemble into 6,000 parts without meeting each other (16 s before)', async () => {
    const { ms, value, error } = await timed(() => importSiteFile({ bytes: manyRingsCsv(6_000), filename: 'rings.csv', geometry: 'polygon' }));
    expect(error).toBeUndefined();
    expect((value!.features.features[0].geometry as MultiPolygon).coordinates).toHaveLength(6_000);
    expect(ms).toBeLessThan(6_000);
  });

  it('row 4: a 30,000-vertex comb polygon is checked for self-intersections in n log n (4.7 s before)', async () => {
    const ring = combPolygon(7_500).coordinates[0];
    const { ms, value } = await timed(() => polygonSelfIntersections([ring]));
    expect(value).toEqual([]); // a comb is simple
    expect(ms).toBeLessThan(1_000);
    const upload = await timed(() => importSiteFile({ bytes: combGeoJson(7_500), filename: 'comb.geojson' }));
    expect(upload.error).toBeUndefined();
    expect(upload.ms).toBeLessThan(3_000);
  });

  it('row 4: rings nested thousands deep are refused by the containment budget, and the ring count is capped', () => {
    const square = (r: number): Position[] => [[-r, -r], [r, -r], [r, r], [-r, r], [-r, -r]];
    const nested = Array.from({ length: 9_000 }, (_, i) => square(10_000 - i));
    const t0 = performance.now();
    let code: string | undefined;
    try {
      assemblePolygons(nested);
    } catch (e) {
      code = (e as { code?: string }).code;
    }
    expect(code).toBe('RINGS_TOO_COMPLEX');
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(() => assemblePolygons(Array.from({ length: 10_001 }, (_, i) => square(i + 1)))).toThrow(/too many rings/);
    // Ordinary nesting still follows 圈号 semantics: outer, hole, island in the hole.
    expect(assemblePolygons([square(3), square(2), square(1)]).map((p) => p.length)).toEqual([2, 1]);
  });
});
