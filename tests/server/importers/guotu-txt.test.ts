import iconv from 'iconv-lite';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatHectares, formatMu, gaussKrugerAreaM2 } from '../../../server/geo/planar-area.ts';
import { importGuotuTxt } from '../../../server/importers/guotu-txt.ts';
import { cs2csReference, expectClientError, expectSamePolygon, fixture, fixtureText, sourceSite } from './support.ts';

/** The rules.md §13 example, verbatim: 100 × 80 m minus a 20 × 20 m hole = 0.7600 公顷 = 11.40 亩. */
const EXAMPLE = fixtureText('guotu/example-parcel.txt');
const txt = (text: string) => Buffer.from(text, 'utf8');
const codes = (r: { warnings: { code?: string }[] }) => r.warnings.map((w) => w.code);

describe('国土 TXT: the rules.md example parcel', () => {
  it('imports one polygon with its hole, properties and no warnings', () => {
    const r = importGuotuTxt(txt(EXAMPLE));
    expect(r.crs.epsg).toBe(4524);
    expect(r.warnings).toEqual([]);
    const [f] = r.features.features;
    expect(f.properties).toMatchObject({ name: '花溪示例地块', 地块名称: '花溪示例地块', 地块编号: '1', 地块用途: '建设用地', 界址点数: 10, 地块面积: 0.76 });
    const g = f.geometry as Polygon;
    expect(g.type).toBe('Polygon');
    expect(g.coordinates.map((r) => r.length)).toEqual([5, 5]);
  });

  it('has 0.7600 公顷 and 11.40 亩 on the zone-36 plane', () => {
    const areaM2 = gaussKrugerAreaM2(importGuotuTxt(txt(EXAMPLE)).features.features[0].geometry, 4524);
    expect(Math.abs(areaM2 - 7600)).toBeLessThan(0.01);
    expect(formatHectares(areaM2)).toBe('0.7600');
    expect(formatMu(areaM2)).toBe('11.40');
  });

  it('reads GBK with CRLF, UTF-8 with a BOM, and full-width commas alike', () => {
    const expected = importGuotuTxt(txt(EXAMPLE)).features;
    const gbk = iconv.encode(EXAMPLE.replace(/\n/g, '\r\n'), 'gbk');
    expect(importGuotuTxt(gbk).features).toEqual(expected);
    expect(importGuotuTxt(gbk, { encoding: 'gbk' }).features).toEqual(expected);
    expect(importGuotuTxt(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), txt(EXAMPLE)])).features).toEqual(expected);
    expect(importGuotuTxt(txt(EXAMPLE.replace(/,/g, '，'))).features).toEqual(expected);
  });

  it('takes the zone from the Y prefix when the header has no 带号, and from 带号 when Y has no prefix', () => {
    const noZone = EXAMPLE.replace('带号=36\n', '');
    expect(importGuotuTxt(txt(noZone)).crs.epsg).toBe(4524);
    const noPrefix = EXAMPLE.replace(/,36(\d{6}\.\d+)$/gm, ',$1');
    const r = importGuotuTxt(txt(noPrefix));
    expect(r.crs.epsg).toBe(4545);
    expect(r.features).toEqual(importGuotuTxt(txt(EXAMPLE)).features);
  });

  it('reads a central meridian written as 带号 (108 → zone 36) with a warning', () => {
    const r = importGuotuTxt(txt(EXAMPLE.replace('带号=36', '带号=108')));
    expect(r.crs.epsg).toBe(4524);
    expect(codes(r)).toContain('ZONE_AS_MERIDIAN');
  });
});

describe('国土 TXT: files whose X/Y come from cs2cs (PROJ)', () => {
  const site = sourceSite();
  const cases = [
    ['gdal/site-zone36-prefix-utf8.txt', 0, 4524],
    ['gdal/site-zone36-noprefix-gbk.txt', 0, 4545],
    ['gdal/site-zone35-prefix-gbk.txt', 1, 4523],
    ['gdal/site-zone35-noprefix-utf8.txt', 1, 4544],
    ['gdal/site-6deg-zone18-prefix-utf8.txt', 0, 4496],
  ] as const;
  it.each(cases)('%s imports within 1 cm of the source lon/lat', (file, feature, epsg) => {
    const r = importGuotuTxt(fixture(file));
    expect(r.crs.epsg).toBe(epsg);
    expect(r.warnings).toEqual([]); // declared GDAL area matches, point count matches
    expectSamePolygon((r.features.features[0].geometry as Polygon).coordinates, site.features[feature].geometry.coordinates, 0.01);
    expect(r.features.features[0].properties!['地块名称']).toBe(site.features[feature].properties!['名称']);
  });

  it('computes the same planar area as GDAL (OGR_GEOM_AREA) to 1 cm²', () => {
    const r = importGuotuTxt(fixture('gdal/site-zone36-prefix-utf8.txt'));
    expect(Math.abs(gaussKrugerAreaM2(r.features.features[0].geometry, 4524) - cs2csReference()['feature0-EPSG:4524'].areaM2)).toBeLessThan(0.01);
  });
});

describe('国土 TXT: rings and parcels', () => {
  const header = EXAMPLE.slice(0, EXAMPLE.indexOf('[地块坐标]') + '[地块坐标]'.length);
  const square = (ring: number, x0: number, y0: number, size: number, id: number) => {
    const pts = [[x0, y0], [x0, y0 + size], [x0 - size, y0 + size], [x0 - size, y0], [x0, y0]];
    return pts.map(([x, y], i) => `J${i === 4 ? id : id + i},${ring},${x.toFixed(3)},${(36_000_000 + y).toFixed(3)}`).join('\n');
  };

  it('makes a ring outside ring 1 a separate part (MultiPolygon) and keeps several parcels apart', () => {
    const text = `${header}
10,,A,两块地,面,,,,@
${square(1, 2923000, 367300, 50, 1)}
${square(2, 2923000, 367500, 50, 5)}
5,,B,第二地块,面,,,,@
${square(1, 2922000, 367300, 30, 1)}
`;
    const r = importGuotuTxt(txt(text));
    expect(r.features.features).toHaveLength(2);
    expect(r.features.features[0].geometry.type).toBe('MultiPolygon');
    expect((r.features.features[0].geometry as MultiPolygon).coordinates.map((p) => p.length)).toEqual([1, 1]);
    expect(r.features.features[1].properties!.name).toBe('第二地块');
  });

  it('makes a ring inside a hole an island part, not a second hole', () => {
    const text = `${header}
15,,C,湖心岛,面,,,,@
${square(1, 2923000, 367300, 100, 1)}
${square(2, 2922980, 367320, 60, 5)}
${square(3, 2922960, 367340, 20, 9)}
`;
    const g = importGuotuTxt(txt(text)).features.features[0].geometry as MultiPolygon;
    expect(g.type).toBe('MultiPolygon');
    expect(g.coordinates.map((p) => p.length)).toEqual([2, 1]);
  });

  it('reads 线 and 点 parcels as lines and points', () => {
    const text = `${header}
3,,L,管线,线,,,,@
J1,1,2923000,36367300
J2,1,2923100,36367300
J3,1,2923100,36367400
2,,P,井位,点,,,,@
J1,1,2923000,36367300
J2,1,2923010,36367300
`;
    const r = importGuotuTxt(txt(text));
    expect(r.features.features.map((f) => f.geometry.type)).toEqual(['LineString', 'MultiPoint']);
  });
});

describe('国土 TXT: warnings', () => {
  it('warns when 地块面积 disagrees with the coordinates, and when 界址点数 matches no counting habit', () => {
    const r = importGuotuTxt(txt(EXAMPLE.replace('10,0.7600,', '12,0.8000,')));
    expect(codes(r)).toEqual(expect.arrayContaining(['AREA_MISMATCH', 'POINT_COUNT_MISMATCH']));
    expect(r.warnings.find((w) => w.code === 'AREA_MISMATCH')!.zh).toContain('0.7600');
  });
  it('accepts 界址点数 that leaves out the closing repeats', () => {
    expect(importGuotuTxt(txt(EXAMPLE.replace('10,0.7600,', '8,0.7600,'))).warnings).toEqual([]);
  });
  it('closes an unclosed ring with a warning', () => {
    const open = EXAMPLE.replace('J1,1,2923000.000,36367300.000\nJ5', 'J5');
    const r = importGuotuTxt(txt(open));
    expect(codes(r)).toContain('RING_NOT_CLOSED');
    expect((r.features.features[0].geometry as Polygon).coordinates[0]).toHaveLength(5);
  });
  it('gives the datum warning for 西安80', () => {
    const r = importGuotuTxt(txt(EXAMPLE.replace('坐标系=2000国家大地坐标系', '坐标系=1980西安坐标系')));
    expect(r.crs.epsg).toBe(2360); // Xian 1980 / 3-degree Gauss-Kruger zone 36
    expect(codes(r)).toContain('DATUM_SHIFT_NOT_APPLIED');
  });
});

describe('国土 TXT: refusals', () => {
  it('refuses a 带号 that disagrees with the Y prefix', async () => {
    const e = await expectClientError(() => importGuotuTxt(txt(EXAMPLE.replace('带号=36', '带号=35'))), 422, 'ZONE_MISMATCH');
    expect(e.messages.zh).toContain('35');
  });
  it('refuses a file where neither 带号 nor the Y prefix gives the zone', async () => {
    const text = EXAMPLE.replace('带号=36\n', '').replace(/,36(\d{6}\.\d+)$/gm, ',$1');
    await expectClientError(() => importGuotuTxt(txt(text)), 422, 'ZONE_UNKNOWN');
  });
  it('but accepts it when the user names the CRS', () => {
    const text = EXAMPLE.replace('带号=36\n', '').replace(/,36(\d{6}\.\d+)$/gm, ',$1');
    expect(importGuotuTxt(txt(text), { crs: { epsg: 4545, gcj02: false } }).crs.epsg).toBe(4545);
  });
  it('refuses swapped X and Y with the TXT convention explained', async () => {
    const swapped = EXAMPLE.replace(/^(J\d+,\d+),([\d.]+),([\d.]+)$/gm, '$1,$3,$2');
    const e = await expectClientError(() => importGuotuTxt(txt(swapped)), 422, 'AXES_SWAPPED');
    expect(e.messages.zh).toContain('北坐标');
  });
  it('refuses a user CRS whose zone disagrees with the prefix, and a geographic one', async () => {
    await expectClientError(() => importGuotuTxt(txt(EXAMPLE), { crs: { epsg: 4523, gcj02: false } }), 422, 'ZONE_MISMATCH');
    await expectClientError(() => importGuotuTxt(txt(EXAMPLE), { crs: { epsg: 4490, gcj02: false } }), 422, 'UNSUPPORTED_CRS');
  });
});
