import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGuotuTxt } from '../../../server/exporters/guotu-txt.ts';
import { siteFeaturesFromInput } from '../../../server/exporters/input.ts';
import { exportShapefile } from '../../../server/exporters/shapefile.ts';
import { positionFromWgs84 } from '../../../server/geo/crs.ts';
import { importSiteFile } from '../../../server/importers/index.ts';
import { cs2csReference, expectSamePolygon, FIXTURES, hasCommand, sourceSite } from './support.ts';

/**
 * With GDAL/PROJ installed (CI installs gdal-bin), regenerate the reference fixtures from scratch
 * and hold the importers and exporters to them, plus let GDAL read what we export. Skipped only
 * when ogr2ogr is absent; the committed fixtures keep the other tests meaningful without it.
 */
const GDAL = hasCommand('ogr2ogr') && hasCommand('cs2cs');

describe.skipIf(!GDAL)('GDAL/PROJ reference, regenerated', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'redline-fixtures-'));
    execFileSync('bash', [path.join(FIXTURES, 'make-fixtures.sh'), dir, '--site-only'], { stdio: 'pipe' });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const site = sourceSite();
  const read = (name: string) => readFileSync(path.join(dir, name));

  it('reproduces the committed cs2cs numbers and GDAL areas', () => {
    const fresh = JSON.parse(read('reference.json').toString()) as ReturnType<typeof cs2csReference>;
    const committed = cs2csReference();
    expect(Object.keys(fresh).sort()).toEqual(Object.keys(committed).sort());
    for (const key of Object.keys(committed)) {
      fresh[key].xNorthYEast.flat().forEach(([x, y], i) => {
        const [cx, cy] = committed[key].xNorthYEast.flat()[i];
        expect(Math.hypot(x - cx, y - cy)).toBeLessThan(1e-4);
      });
      expect(Math.abs(fresh[key].areaM2 - committed[key].areaM2)).toBeLessThan(1e-3);
    }
  });

  it.each([
    ['site-4545-gbk.zip', 0.05],
    ['site-4524-utf8.zip', 0.05],
    ['site.kml', 0.05],
  ])('imports the freshly written %s within 5 cm of the source', async (name, tol) => {
    const r = await importSiteFile({ bytes: read(name), filename: name });
    r.features.features.forEach((f, i) => {
      expectSamePolygon((f.geometry as Polygon).coordinates, site.features[i].geometry.coordinates, tol);
      expect(f.properties!['名称']).toBe(site.features[i].properties!['名称']);
    });
  });

  it.each([
    ['site-zone36-prefix-utf8.txt', 0],
    ['site-zone36-noprefix-gbk.txt', 0],
    ['site-zone35-prefix-gbk.txt', 1],
    ['site-zone35-noprefix-utf8.txt', 1],
    ['site-6deg-zone18-prefix-utf8.txt', 0],
  ])('imports the freshly written %s within 1 cm', async (name, feature) => {
    const r = await importSiteFile({ bytes: read(name), filename: name });
    expect(r.warnings).toEqual([]);
    expectSamePolygon((r.features.features[0].geometry as Polygon).coordinates, site.features[feature].geometry.coordinates, 0.01);
  });

  it('agrees with cs2cs to 1 mm over a grid across Huaxi, in zones 35 and 36', () => {
    const grid: [number, number][] = [];
    for (let lon = 106.45; lon <= 106.89; lon += 0.04) for (let lat = 26.18; lat <= 26.57; lat += 0.039) grid.push([lon, lat]);
    for (const epsg of [4523, 4524, 4544, 4545]) {
      const out = execFileSync('cs2cs', ['-f', '%.5f', 'EPSG:4490', `EPSG:${epsg}`], { input: grid.map(([lon, lat]) => `${lat} ${lon}`).join('\n') + '\n', encoding: 'utf8' });
      out.trim().split('\n').forEach((line, i) => {
        const [north, east] = line.trim().split(/\s+/).map(Number);
        const [e, n] = positionFromWgs84(grid[i], epsg);
        expect(Math.hypot(e - east, n - north), `EPSG:${epsg} ${grid[i]}`).toBeLessThan(0.001);
      });
    }
  });

  it('lets GDAL read our Shapefile export (zone 36 and EPSG:4490) back to within 5 cm, attributes intact', async () => {
    const input = siteFeaturesFromInput(site);
    for (const [options, epsg] of [[{ zone: 36 }, 'EPSG:4524'], [{}, 'EPSG:4490']] as const) {
      const zip = path.join(dir, `ours-${epsg.replace(':', '')}.zip`);
      writeFileSync(zip, (await exportShapefile(input, options)).body);
      writeFileSync(path.join(dir, 'ours.prj'), await (await JSZip.loadAsync(readFileSync(zip))).file('site.prj')!.async('nodebuffer'));
      expect(execFileSync('gdalsrsinfo', ['-e', '-o', 'epsg', path.join(dir, 'ours.prj')], { encoding: 'utf8' }).trim()).toBe(epsg);
      const json = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4490', '/vsistdout/', `/vsizip/${zip}`], { encoding: 'utf8' });
      const back = JSON.parse(json) as FeatureCollection<Polygon>;
      back.features.forEach((f, i) => {
        expectSamePolygon(f.geometry.coordinates, site.features[i].geometry.coordinates, 0.05);
        expect(f.properties).toEqual(site.features[i].properties);
      });
    }
  });

  it('writes 国土 TXT coordinates that cs2cs confirms to 1 cm', () => {
    const txt = exportGuotuTxt(siteFeaturesFromInput(site), { zone: 36 }).body.toString('utf8');
    const rows = txt.split('\r\n').filter((l) => /^J\d+,/.test(l)).map((l) => l.split(',').slice(2).map(Number));
    const out = execFileSync('cs2cs', ['-f', '%.10f', '-I', 'EPSG:4490', 'EPSG:4524'], { input: rows.map(([x, y]) => `${x} ${y}`).join('\n') + '\n', encoding: 'utf8' });
    const lonLats = out.trim().split('\n').map((l) => l.trim().split(/\s+/).slice(0, 2).map(Number).reverse());
    const sourceVertices = site.features.flatMap((f) => f.geometry.coordinates.flat());
    for (const p of lonLats) {
      const nearest = Math.min(...sourceVertices.map((q) => Math.hypot((p[0] - q[0]) * 99_700, (p[1] - q[1]) * 110_770)));
      expect(nearest).toBeLessThan(0.01);
    }
  });
});
