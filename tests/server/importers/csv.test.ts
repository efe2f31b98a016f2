import type { MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseCoordinateValue } from '../../../server/importers/coordinate-text.ts';
import { importCsv } from '../../../server/importers/csv.ts';
import { cs2csReference, expectClientError, expectSamePolygon, sourceSite } from './support.ts';

const csv = (text: string) => Buffer.from(text, 'utf8');
const codes = (r: { warnings: { code?: string }[] }) => r.warnings.map((w) => w.code);
const site = sourceSite();
const outer = site.features[0].geometry.coordinates[0];

describe('CSV importer', () => {
  it('reads lon/lat with a Chinese header into one polygon', () => {
    const text = ['经度,纬度', ...outer.map(([lon, lat]) => `${lon},${lat}`)].join('\n');
    const r = importCsv(csv(text), { geometry: 'polygon' });
    expect(r.features.features).toHaveLength(1);
    expectSamePolygon((r.features.features[0].geometry as Polygon).coordinates, [outer], 0.001);
    expect(codes(r)).toContain('ASSUMED_WGS84');
  });

  it('reads surveying 点号,X,Y (X = north) in a chosen GK CRS from cs2cs numbers, with ring numbers', () => {
    const ref = cs2csReference()['feature0-EPSG:4524'].xNorthYEast;
    const rows = ref.flatMap((ring, r) => ring.map(([x, y], i) => `J${i + 1},${r + 1},${x},${y}`));
    const r = importCsv(csv(['点号,圈号,X,Y', ...rows].join('\r\n')), { crs: { epsg: 4524, gcj02: false } });
    expect(codes(r)).toContain('XY_SURVEY_ORDER');
    expectSamePolygon((r.features.features[0].geometry as Polygon).coordinates, site.features[0].geometry.coordinates, 0.01);
  });

  it('reads headerless lines, tab or whitespace separated, and DMS values', () => {
    const text = outer.map(([lon, lat]) => `${lon}\t${lat}`).join('\n');
    expect(importCsv(csv(text)).features.features[0].geometry.type).toBe('Polygon');
    const spaced = outer.map(([lon, lat]) => `${lon}   ${lat}`).join('\n');
    expect(importCsv(csv(spaced)).features.features[0].geometry.type).toBe('Polygon');
    expect(parseCoordinateValue('106°40\'12"E')).toBeCloseTo(106.67, 9);
    expect(parseCoordinateValue('26度24分36秒')).toBeCloseTo(26.41, 9);
    expect(parseCoordinateValue('26.41°S')).toBe(-26.41);
    expect(parseCoordinateValue('abc')).toBeUndefined();
  });

  it('groups by a feature column and makes points on request', () => {
    const text = ['feature,name,lon,lat', '1,井A,106.67,26.41', '2,井B,106.68,26.42'].join('\n');
    const r = importCsv(csv(text), { geometry: 'points' });
    expect(r.features.features.map((f) => (f.geometry as Point).coordinates)).toEqual([[106.67, 26.41], [106.68, 26.42]]);
    expect(r.features.features[0].properties!.name).toBe('井A');
  });

  it('makes a MultiPolygon from a part column', () => {
    const rows = site.features.flatMap((f, part) => f.geometry.coordinates[0].map(([lon, lat]) => `${part + 1},1,${lon},${lat}`));
    const r = importCsv(csv(['part,ring,lon,lat', ...rows].join('\n')), { geometry: 'polygon' });
    expect((r.features.features[0].geometry as MultiPolygon).coordinates).toHaveLength(2);
  });

  it('reads latitude-first lists by magnitude when the header does not say', () => {
    const text = outer.map(([lon, lat]) => `${lat},${lon}`).join('\n');
    expect(codes(importCsv(csv(text)))).toContain('LATLON_ORDER');
  });

  it('refuses lon/lat columns whose values are swapped', async () => {
    const text = ['lon,lat', ...outer.map(([lon, lat]) => `${lat},${lon}`)].join('\n');
    await expectClientError(() => importCsv(csv(text)), 422, 'AXES_SWAPPED');
  });

  it('refuses projected numbers without a CRS, suggesting one', async () => {
    const ref = cs2csReference()['feature0-EPSG:4524'].xNorthYEast[0];
    const e = await expectClientError(() => importCsv(csv(ref.map(([x, y]) => `${y},${x}`).join('\n'))), 422, 'CRS_REQUIRED');
    expect(e.messages.en).toContain('EPSG:4524');
  });

  it('refuses non-numeric coordinates with the row number, and a header without coordinate columns', async () => {
    const e = await expectClientError(() => importCsv(csv('lon,lat\n106.67,26.41\n106.68,abc\n106.69,26.40')), 422, 'NON_NUMERIC_COORDINATE');
    expect(e.messages.zh).toContain('第 3 行');
    await expectClientError(() => importCsv(csv('a,b\nfoo,bar')), 422, 'MISSING_COORDINATE_COLUMNS');
  });
});
