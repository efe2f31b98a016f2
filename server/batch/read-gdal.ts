import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withGdal } from '../geo/gdal.ts';
import { unprocessable } from '../http/errors.ts';
import { isZip, openZip, zipFileNames } from '../importers/zip.ts';

/**
 * GeoPackage and FileGDB (zipped .gdb folder) pools → GeoJSON in EPSG:4326 by GDAL (server/geo/gdal.ts,
 * gdal3.js): the first layer of the file, one feature a site; the pool reader then treats it as a
 * GeoJSON pool (row by row).
 */
export async function isGdalPool(bytes: Buffer, fileName: string): Promise<'gpkg' | 'filegdb' | undefined> {
  if (bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000' || /\.gpkg$/i.test(fileName)) return 'gpkg';
  if (isZip(bytes) && zipFileNames(await openZip(bytes)).some((n) => /\.gdb\/[^/]*\.gdbtable$/i.test(n))) return 'filegdb';
  return undefined;
}

export async function gdalPoolToGeoJson(bytes: Buffer, kind: 'gpkg' | 'filegdb'): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-pool-'));
  const file = path.join(dir, kind === 'gpkg' ? 'pool.gpkg' : 'pool.gdb.zip');
  fs.writeFileSync(file, bytes);
  try {
    return await withGdal(async (gdal) => {
      const { datasets, errors } = await gdal.open(file, [], kind === 'filegdb' ? ['vsizip'] : []);
      if (datasets.length === 0)
        throw unprocessable('UNREADABLE_FILE', `GDAL 无法打开此文件（${errors.join('；').slice(0, 200)}）。`, `GDAL cannot open this file (${errors.join('; ').slice(0, 200)}).`);
      try {
        const out = await gdal.ogr2ogr(datasets[0], ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '-lco', 'RFC7946=YES', '-lco', 'COORDINATE_PRECISION=9']);
        return Buffer.from(await gdal.getFileBytes(out));
      } finally {
        await gdal.close(datasets[0]);
      }
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
