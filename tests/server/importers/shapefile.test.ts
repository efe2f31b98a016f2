import JSZip from 'jszip';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { identifyWkt } from '../../../server/geo/crs-wkt.ts';
import { importShapefile } from '../../../server/importers/shapefile.ts';
import { expectClientError, expectSamePolygon, fixture, fixtureText, sourceSite } from './support.ts';

async function withoutEntry(zipBytes: Buffer, extension: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(zipBytes);
  for (const name of Object.keys(zip.files)) if (name.endsWith(extension)) zip.remove(name);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('Shapefile importer on files written by ogr2ogr', () => {
  const site = sourceSite();
  it.each([
    ['gdal/site-4545-gbk.zip', 4545],
    ['gdal/site-4524-utf8.zip', 4524],
  ])('%s: .prj → EPSG:%i, vertices within 5 cm, Chinese attributes intact', async (file, epsg) => {
    const r = await importShapefile(fixture(file));
    expect(r.crs.epsg).toBe(epsg);
    expect(r.warnings).toEqual([]);
    r.features.features.forEach((f, i) => {
      expectSamePolygon((f.geometry as Polygon).coordinates, site.features[i].geometry.coordinates, 0.05);
      expect(f.properties).toEqual(site.features[i].properties);
    });
  });

  it('decodes GBK attributes without a .cpg (detected), and honours an explicit encoding', async () => {
    const noCpg = await withoutEntry(fixture('gdal/site-4545-gbk.zip'), '.cpg');
    expect((await importShapefile(noCpg)).features.features[1].properties!['用途']).toBe('交通运输用地');
    expect((await importShapefile(noCpg, { encoding: 'gbk' })).features.features[0].properties!['名称']).toBe('花溪示例用地甲（湿地公园配套）');
  });

  it('without a .prj, refuses projected coordinates with a hint, or takes the user’s CRS', async () => {
    const noPrj = await withoutEntry(fixture('gdal/site-4545-gbk.zip'), '.prj');
    const e = await expectClientError(() => importShapefile(noPrj), 422, 'CRS_REQUIRED');
    expect(e.messages.en).toContain('EPSG:4545');
    expect((await importShapefile(noPrj, { crs: { epsg: 4545, gcj02: false } })).crs.epsg).toBe(4545);
  });

  it('refuses a bare .shp and a zip without one', async () => {
    const zip = await JSZip.loadAsync(fixture('gdal/site-4545-gbk.zip'));
    const shp = await zip.file(/\.shp$/)[0].async('nodebuffer');
    await expectClientError(() => importShapefile(shp), 422, 'SHP_NOT_ZIPPED');
    await expectClientError(async () => importShapefile(await withoutEntry(fixture('gdal/site-4545-gbk.zip'), '.shp')), 422, 'NO_SHP');
  });
});

describe('.prj WKT → EPSG', () => {
  it.each([
    ['prj-esri-4490.txt', 4490],
    ['prj-esri-4524.txt', 4524],
    ['prj-esri-4545.txt', 4545],
    ['prj-esri-4523.txt', 4523],
    ['prj-esri-4544.txt', 4544],
    ['prj-esri-4496.txt', 4496],
    ['prj-esri-4507.txt', 4507],
    ['prj-esri-2380.txt', 2380],
    ['prj-esri-2432.txt', 2432],
    ['prj-esri-4610.txt', 4610],
    ['prj-esri-32648.txt', 32648],
    ['prj-gdal-4524.txt', 4524],
    ['prj-gdal-4545.txt', 4545],
    ['prj-gdal-2380.txt', 2380],
    ['prj-gdal-2432.txt', 2432],
    ['prj-gdal-32648.txt', 32648],
  ])('%s (written by projinfo) is EPSG:%i', (file, epsg) => {
    expect(identifyWkt(fixtureText(`gdal/${file}`)).epsg).toBe(epsg);
  });

  it('identifies a zone WKT by its parameters even when the name is unusual', () => {
    const wkt = fixtureText('gdal/prj-esri-4524.txt').replace('CGCS2000_3_Degree_GK_Zone_36', 'My_Survey_Grid');
    expect(identifyWkt(wkt).epsg).toBe(4524);
  });

  it('says why it cannot identify other projections', () => {
    const lambert = 'PROJCS["Asia_Lambert",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],UNIT["Meter",1.0]]';
    const id = identifyWkt(lambert);
    expect(id.epsg).toBeUndefined();
    expect(id.epsg === undefined && id.reason).toContain('Lambert');
  });
});
