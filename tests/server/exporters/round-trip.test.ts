import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../server/exporters/csv.ts';
import { exportGeoJson } from '../../../server/exporters/geojson.ts';
import { exportGuotuTxt } from '../../../server/exporters/guotu-txt.ts';
import { siteFeaturesFromInput } from '../../../server/exporters/input.ts';
import { exportKml } from '../../../server/exporters/kml.ts';
import { exportShapefile } from '../../../server/exporters/shapefile.ts';
import { importCsv } from '../../../server/importers/csv.ts';
import { importGeoJson } from '../../../server/importers/geojson.ts';
import { importGuotuTxt } from '../../../server/importers/guotu-txt.ts';
import { importKml } from '../../../server/importers/kml.ts';
import { importShapefile } from '../../../server/importers/shapefile.ts';
import { expectSamePolygon, sourceSite } from '../importers/support.ts';

/** A polygon with a hole out through every exporter and back in through the matching importer. */
const source = sourceSite();
const site = siteFeaturesFromInput(source);
const polygonsOf = (fc: { features: { geometry: unknown }[] }) => fc.features.map((f) => (f.geometry as Polygon).coordinates);

function expectSameSite(actual: { features: { geometry: unknown }[] }, tolMetres: number) {
  const polygons = polygonsOf(actual);
  expect(polygons).toHaveLength(source.features.length);
  polygons.forEach((p, i) => expectSamePolygon(p, source.features[i].geometry.coordinates, tolMetres));
}

describe('国土 TXT round trip: zone 35 and 36, with and without prefix, UTF-8 and GBK', () => {
  const combos = [35, 36].flatMap((zone) => [true, false].flatMap((prefix) => (['utf-8', 'gbk'] as const).map((encoding) => [zone, prefix, encoding] as const)));
  it.each(combos)('zone %i, prefix %s, %s → same vertices within 1 cm', (zone, zonePrefix, encoding) => {
    const file = exportGuotuTxt(site, { zone, zonePrefix, encoding });
    const back = importGuotuTxt(file.body);
    expect(back.crs.epsg).toBe((zonePrefix ? 4513 : 4534) + zone - 25);
    expect(back.warnings).toEqual([]); // declared area and point count agree with the coordinates
    expectSameSite(back.features, 0.01);
    expect(back.features.features.map((f) => f.properties!['地块名称'])).toEqual(source.features.map((f) => f.properties!['名称']));
  });
});

describe('other formats round trip', () => {
  it('GeoJSON', () => expectSameSite(importGeoJson(exportGeoJson(site).body).features, 0.001));
  it('KML', async () => expectSameSite((await importKml(exportKml(site).body)).features, 0.001));
  it('CSV lon/lat', () => expectSameSite(importCsv(exportCsv(site).body, { geometry: 'polygon' }).features, 0.001));
  it('CSV in GBK', () => expectSameSite(importCsv(exportCsv(site, { encoding: 'gbk' }).body, { geometry: 'polygon' }).features, 0.001));
  it('CSV in zone 36', () => expectSameSite(importCsv(exportCsv(site, { zone: 36 }).body, { geometry: 'polygon', crs: { epsg: 4524, gcj02: false } }).features, 0.01));
  it('Shapefile, CGCS2000 lon/lat and GK zone 36, UTF-8 and GBK', async () => {
    for (const options of [{}, { zone: 36 }, { zone: 35, zonePrefix: false, encoding: 'gbk' as const }]) {
      const back = await importShapefile((await exportShapefile(site, options)).body);
      expect(back.warnings).toEqual([]);
      expectSameSite(back.features, 0.001);
      expect(back.features.features.map((f) => f.properties)).toEqual(source.features.map((f) => f.properties));
    }
  });
});
