import JSZip from 'jszip';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importKml } from '../../../server/importers/kml.ts';
import { expectClientError, expectSamePolygon, fixture, sourceSite } from './support.ts';

describe('KML / KMZ importer', () => {
  it('imports the KML written by ogr2ogr within 5 cm of the source, with its Chinese attributes', async () => {
    const r = await importKml(fixture('gdal/site.kml'));
    const site = sourceSite();
    expect(r.crs.epsg).toBe(4326);
    expect(r.features.features).toHaveLength(2);
    r.features.features.forEach((f, i) => {
      expectSamePolygon((f.geometry as Polygon).coordinates, site.features[i].geometry.coordinates, 0.05);
      expect(f.properties!['名称']).toBe(site.features[i].properties!['名称']);
    });
  });

  it('reads the same KML zipped as a KMZ', async () => {
    const zip = new JSZip();
    zip.file('doc.kml', fixture('gdal/site.kml'));
    const kmz = await zip.generateAsync({ type: 'nodebuffer' });
    const r = await importKml(kmz);
    expect(r.features).toEqual((await importKml(fixture('gdal/site.kml'))).features);
  });

  it('refuses XML that is not KML, and a KMZ without a .kml', async () => {
    await expectClientError(() => importKml(Buffer.from('<?xml version="1.0"?><gpx></gpx>')), 422, 'INVALID_KML');
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    await expectClientError(async () => importKml(await zip.generateAsync({ type: 'nodebuffer' })), 422, 'INVALID_KMZ');
  });
});
