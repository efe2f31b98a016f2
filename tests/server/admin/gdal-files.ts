import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Official-data test files written by GDAL's own ogr2ogr (Debian gdal-bin) from a GeoJSON source in
 * CGCS2000 lon/lat, and the reference areas GDAL/SpatiaLite computes for them (geodesic, on the
 * ellipsoid): the oracle lies outside the code under test.
 */
export interface SourcePolygon {
  bsm: string;
  name: string;
  level: string;
  ring: [number, number][];
}

/** A ring of n vertices around (lon, lat), radius ≈ r degrees, slightly irregular. */
export function blob(lon: number, lat: number, r: number, n = 40): [number, number][] {
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const k = 1 + 0.15 * Math.sin(3 * a);
    ring.push([+(lon + r * k * Math.cos(a)).toFixed(7), +(lat + r * k * Math.sin(a) * 0.9).toFixed(7)]);
  }
  ring.push(ring[0]);
  return ring;
}

export function writeSource(dir: string, file: string, polygons: SourcePolygon[]): string {
  const out = path.join(dir, file);
  fs.writeFileSync(out, JSON.stringify({
    type: 'FeatureCollection',
    features: polygons.map((p) => ({ type: 'Feature', properties: { BSM: p.bsm, HXMC: p.name, GKFQ: p.level }, geometry: { type: 'Polygon', coordinates: [p.ring] } })),
  }));
  return out;
}

const ogr2ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** Zipped FileGDB in EPSG:4545 (CGCS2000 3° GK CM 108E, no zone prefix). */
export function fileGdb4545(dir: string, src: string, layer = 'redline'): string {
  const gdb = path.join(dir, `${layer}.gdb`);
  ogr2ogr('-f', 'OpenFileGDB', '-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4545', '-nln', layer, gdb, src);
  const zip = path.join(dir, `${layer}.gdb.zip`);
  execFileSync('zip', ['-qr', zip, `${layer}.gdb`], { cwd: dir });
  return zip;
}

/** GeoPackage in EPSG:4490. */
export function geoPackage4490(dir: string, src: string, layer = 'redline'): string {
  const out = path.join(dir, `${layer}.gpkg`);
  ogr2ogr('-f', 'GPKG', '-a_srs', 'EPSG:4490', '-nln', layer, out, src);
  return out;
}

/**
 * Zipped Shapefile in EPSG:4524 (zone 36, easting with the zone prefix), attributes in GBK with
 * neither a .cpg nor a language driver byte — how many Chinese Shapefiles arrive.
 */
export function shapefileGbk4524(dir: string, src: string, layer = 'redline'): string {
  const shpDir = path.join(dir, `${layer}-shp`);
  fs.mkdirSync(shpDir, { recursive: true });
  ogr2ogr('-f', 'ESRI Shapefile', '-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4524', '-lco', 'ENCODING=CP936', '-nln', layer, path.join(shpDir, `${layer}.shp`), src);
  fs.rmSync(path.join(shpDir, `${layer}.cpg`), { force: true });
  const dbfPath = path.join(shpDir, `${layer}.dbf`);
  const dbf = fs.readFileSync(dbfPath);
  dbf[29] = 0; // no language driver id
  fs.writeFileSync(dbfPath, dbf);
  const zip = path.join(dir, `${layer}-gbk.zip`);
  execFileSync('zip', ['-qj', zip, ...fs.readdirSync(shpDir).map((f) => path.join(shpDir, f))]);
  return zip;
}

/** Geodesic area (m²) of each feature by BSM, as GDAL + SpatiaLite compute it after GDAL's own reprojection to EPSG:4490. */
export function oracleAreas(dir: string, file: string, layer: string): Record<string, number> {
  const geo = path.join(dir, `oracle-${path.basename(file)}.geojson`);
  fs.rmSync(geo, { force: true });
  ogr2ogr('-f', 'GeoJSON', '-t_srs', 'EPSG:4490', geo, file.endsWith('.zip') ? `/vsizip/${file}` : file, layer);
  const out = execFileSync('ogrinfo', ['-q', '-dialect', 'SQLite', '-sql', `SELECT BSM, ST_Area(geometry, 1) AS area FROM "${layer}"`, geo], { encoding: 'utf8' });
  const areas: Record<string, number> = {};
  let bsm = '';
  for (const line of out.split('\n')) {
    const b = /BSM \(String\) = (.*)$/.exec(line);
    if (b) bsm = b[1].trim();
    const a = /area \(Real\) = ([\d.eE+-]+)/.exec(line);
    if (a) areas[bsm] = Number(a[1]);
  }
  return areas;
}
