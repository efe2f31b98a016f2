import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../server/importers/index.ts';
import { expectClientError, fixture, fixtureText } from './support.ts';

describe('format detection by content, then extension', () => {
  it('tells the formats apart whatever the file is called', async () => {
    expect(await detectFormat(fixture('source/site.geojson'), 'site.txt')).toBe('geojson');
    expect(await detectFormat(fixture('gdal/site.kml'), 'x.dat')).toBe('kml');
    expect(await detectFormat(fixture('gdal/site-4545-gbk.zip'), 'x.zip')).toBe('shapefile');
    expect(await detectFormat(fixture('guotu/example-parcel.txt'), 'x.csv')).toBe('guotu-txt');
    expect(await detectFormat(iconv.encode(fixtureText('guotu/example-parcel.txt'), 'gbk'), '')).toBe('guotu-txt');
    expect(await detectFormat(Buffer.from('lon,lat\n106.67,26.41\n'), 'points.txt')).toBe('csv');
    expect(await detectFormat(Buffer.from('106.67 26.41\n'), '')).toBe('csv');
  });

  it('recognises a KMZ and refuses a zip that holds neither', async () => {
    const kmz = new JSZip();
    kmz.file('doc.kml', fixture('gdal/site.kml'));
    expect(await detectFormat(await kmz.generateAsync({ type: 'nodebuffer' }), 'a.kmz')).toBe('kml');
    const other = new JSZip();
    other.file('a.dwg', 'x');
    await expectClientError(async () => detectFormat(await other.generateAsync({ type: 'nodebuffer' }), 'a.zip'), 422, 'UNKNOWN_ZIP');
  });
});
