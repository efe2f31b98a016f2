import iconv from 'iconv-lite';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { exportGuotuTxt } from '../../../server/exporters/guotu-txt.ts';
import { siteFeaturesFromInput } from '../../../server/exporters/input.ts';
import { importGuotuTxt } from '../../../server/importers/guotu-txt.ts';
import { expectClientError, cs2csReference, fixture, fixtureText, sourceSite } from '../importers/support.ts';

const site = (fc: FeatureCollection) => siteFeaturesFromInput(fc);
const one = (i: number) => site({ type: 'FeatureCollection', features: [sourceSite().features[i]] });
const lines = (body: Buffer, encoding = 'utf8') => (encoding === 'gbk' ? iconv.decode(body, 'gbk') : body.toString('utf8')).split('\r\n');
const pointRows = (ls: string[]) => ls.filter((l) => /^J\d+,/.test(l)).map((l) => l.split(','));

describe('国土 TXT exporter: the rules.md example parcel', () => {
  const example = importGuotuTxt(fixture('guotu/example-parcel.txt')).features;

  it('writes back the example’s [地块坐标] section exactly, 0.7600 公顷 and closing repeats included', () => {
    const out = lines(exportGuotuTxt(site(example), { date: '2026-01-01' }).body);
    const expected = fixtureText('guotu/example-parcel.txt').split('\n');
    const from = (ls: string[]) => ls.slice(ls.indexOf('[地块坐标]'), ls.indexOf('[地块坐标]') + 12);
    expect(from(out)).toEqual(from(expected));
  });

  it('writes the header the format asks for, CRLF, zone 36 from the longitude', () => {
    const body = exportGuotuTxt(site(example), { date: '2026-01-01' }).body.toString('utf8');
    expect(body).toMatch(/^\[属性描述\]\r\n格式版本号=1\.01\r\n/);
    for (const line of ['坐标系=2000国家大地坐标系', '几度分带=3', '投影类型=高斯克吕格', '计量单位=米', '带号=36', '精度=0.001', '转换参数=,,,,,,', '数据产生日期=2026-01-01'])
      expect(body).toContain(`\r\n${line}\r\n`);
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body).not.toMatch(/[^\r]\n/);
  });
});

describe('国土 TXT exporter against cs2cs', () => {
  const ref = cs2csReference();
  it.each([
    [0, 36, true, 'feature0-EPSG:4524'],
    [0, 36, false, 'feature0-EPSG:4545'],
    [1, 35, true, 'feature1-EPSG:4523'],
    [1, 35, false, 'feature1-EPSG:4544'],
  ] as const)('feature %i in zone %i (prefix %s) matches %s to 1 cm, area to GDAL’s 4 dp', (feature, zone, prefix, key) => {
    const file = exportGuotuTxt(one(feature), { zonePrefix: prefix });
    const ls = lines(file.body);
    expect(ls).toContain(`带号=${zone}`);
    const rows = pointRows(ls);
    const expected = ref[key].xNorthYEast;
    expect(rows).toHaveLength(expected.flat().length);
    for (const [id, ring, x, y] of rows) {
      expect(id).toMatch(/^J\d+$/);
      const candidates = expected[Number(ring) - 1];
      const nearest = Math.min(...candidates.map(([rx, ry]) => Math.hypot(rx - Number(x), ry - Number(y))));
      expect(nearest, `${id} ${x},${y}`).toBeLessThan(0.01);
    }
    const plot = ls.find((l) => l.endsWith(',@'))!.split(',');
    expect(plot[0]).toBe(String(rows.length));
    expect(plot[1]).toBe((ref[key].areaM2 / 10_000).toFixed(4));
    expect(plot.slice(2, 5)).toEqual([sourceSite().features[feature].properties!['编号'], sourceSite().features[feature].properties!['名称'], '面']);
  });

  it('picks the zone from the site’s longitude: 36 at 106.67°E, 35 at 106.47°E', () => {
    expect(lines(exportGuotuTxt(one(0)).body)).toContain('带号=36');
    expect(lines(exportGuotuTxt(one(1)).body)).toContain('带号=35');
    expect(lines(exportGuotuTxt(one(1), { zone: 36 }).body)).toContain('带号=36');
  });

  it('writes GBK on request', () => {
    const file = exportGuotuTxt(one(0), { encoding: 'gbk' });
    expect(file.contentType).toBe('text/plain; charset=GBK');
    expect(lines(file.body, 'gbk').join('\n')).toContain('花溪示例用地甲');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file.body)).toThrow();
  });

  it('writes 6° zones', () => {
    const ls = lines(exportGuotuTxt(one(0), { zoneWidthDeg: 6 }).body);
    expect(ls).toEqual(expect.arrayContaining(['几度分带=6', '带号=18']));
    const expected = ref['feature0-EPSG:4496'].xNorthYEast.flat();
    for (const [, , x, y] of pointRows(ls)) expect(Math.min(...expected.map(([rx, ry]) => Math.hypot(rx - Number(x), ry - Number(y))))).toBeLessThan(0.01);
  });

  it('writes lines as 线 and points as 点, without closing repeats', () => {
    const fc = site({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '管线' }, geometry: { type: 'LineString', coordinates: [[106.67, 26.41], [106.671, 26.411]] } },
        { type: 'Feature', properties: { name: '井' }, geometry: { type: 'Point', coordinates: [106.67, 26.41] } },
      ],
    });
    const ls = lines(exportGuotuTxt(fc).body);
    expect(ls.filter((l) => l.endsWith('@'))).toEqual(['2,0.0000,1,管线,线,,,,@', '1,0.0000,2,井,点,,,,@']);
    expect(importGuotuTxt(Buffer.from(ls.join('\r\n'))).features.features.map((f) => f.geometry.type)).toEqual(['LineString', 'Point']);
  });

  it('keeps separators out of the fields', () => {
    const fc = site({ type: 'FeatureCollection', features: [{ ...sourceSite().features[0], properties: { 名称: '甲,乙，丙@丁' } }] });
    const plot = lines(exportGuotuTxt(fc).body).find((l) => l.endsWith('@'))!;
    expect(plot.split(',')).toHaveLength(9);
    expect((importGuotuTxt(Buffer.from(lines(exportGuotuTxt(fc).body).join('\r\n'))).features.features[0].geometry as Polygon).type).toBe('Polygon');
  });

  it('refuses a zone outside China', async () => {
    await expectClientError(() => exportGuotuTxt(one(0), { zone: 60 }), 400, 'BAD_ZONE');
  });
});
