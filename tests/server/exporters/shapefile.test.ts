import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { siteFeaturesFromInput } from '../../../server/exporters/input.ts';
import { exportShapefile } from '../../../server/exporters/shapefile.ts';
import { signedRingArea } from '../../../server/geo/geometry.ts';
import { fixtureText, sourceSite } from '../importers/support.ts';

const site = siteFeaturesFromInput(sourceSite());
const unzip = async (body: Buffer) => {
  const zip = await JSZip.loadAsync(body);
  const files: Record<string, Buffer> = {};
  for (const name of Object.keys(zip.files)) files[name] = await zip.file(name)!.async('nodebuffer');
  return files;
};

/** The rings of the first record, read straight from the bytes (no importer in between). */
function firstRecordRings(shp: Buffer): number[][][] {
  const content = shp.subarray(108);
  const parts = content.readInt32LE(36);
  const points = content.readInt32LE(40);
  const starts = Array.from({ length: parts }, (_, i) => content.readInt32LE(44 + 4 * i));
  const at = 44 + 4 * parts;
  const pts = Array.from({ length: points }, (_, i) => [content.readDoubleLE(at + 16 * i), content.readDoubleLE(at + 16 * i + 8)]);
  return starts.map((s, i) => pts.slice(s, starts[i + 1] ?? points));
}

describe('Shapefile exporter', () => {
  it('writes .shp/.shx/.dbf/.prj/.cpg with the EPSG:4490 .prj PROJ writes, and UTF-8 by default', async () => {
    const files = await unzip((await exportShapefile(site, { name: '花溪 site' })).body);
    expect(Object.keys(files).sort()).toEqual(['site.cpg', 'site.dbf', 'site.prj', 'site.shp', 'site.shx']);
    expect(files['site.prj'].toString()).toBe(fixtureText('gdal/prj-esri-4490.txt').trim());
    expect(files['site.cpg'].toString()).toBe('UTF-8');
    expect(files['site.dbf'].toString('utf8')).toContain('花溪示例用地甲');
  });

  it('writes the zone’s .prj and prefixed eastings when a zone is given', async () => {
    for (const [options, epsg] of [[{ zone: 36 }, 4524], [{ zone: 36, zonePrefix: false }, 4545], [{ zone: 35 }, 4523]] as const) {
      const files = await unzip((await exportShapefile(site, options)).body);
      expect(files['site.prj'].toString()).toBe(fixtureText(`gdal/prj-esri-${epsg}.txt`).trim());
    }
    const rings = firstRecordRings((await unzip((await exportShapefile(site, { zone: 36 })).body))['site.shp']);
    expect(Math.floor(rings[0][0][0] / 1e6)).toBe(36);
  });

  it('orients outer rings clockwise and holes counter-clockwise, as the format requires', async () => {
    const rings = firstRecordRings((await unzip((await exportShapefile(site)).body))['site.shp']);
    expect(rings).toHaveLength(2);
    expect(signedRingArea(rings[0])).toBeLessThan(0);
    expect(signedRingArea(rings[1])).toBeGreaterThan(0);
  });

  it('writes GBK text, the 0x4D language driver and a GBK .cpg on request', async () => {
    const files = await unzip((await exportShapefile(site, { encoding: 'gbk' })).body);
    expect(files['site.cpg'].toString()).toBe('GBK');
    expect(files['site.dbf'][29]).toBe(0x4d);
  });

  it('splits mixed geometry kinds into one layer each', async () => {
    const mixed = siteFeaturesFromInput({
      type: 'FeatureCollection',
      features: [sourceSite().features[0], { type: 'Feature', properties: { name: '井' }, geometry: { type: 'Point', coordinates: [106.67, 26.41] } }],
    });
    const names = Object.keys(await unzip((await exportShapefile(mixed)).body)).sort();
    expect(names).toEqual(expect.arrayContaining(['site_point.shp', 'site_polygon.shp', 'site_point.prj', 'site_polygon.cpg']));
  });
});
