import { stringify } from 'csv-stringify/sync';
import type { Position } from 'geojson';
import { fromWgs84 } from '../geo/crs.ts';
import { encodeText } from '../geo/text-decoding.ts';
import { downloadName } from './file-name.ts';
import { exportZone } from './zone.ts';
import type { ExportFile, ExportOptions, SiteFeatureCollection, SiteGeometry } from './types.ts';

/**
 * Coordinate list, one row per vertex: feature, name, part, ring, point, lon, lat — or easting,
 * northing (CGCS2000 Gauss-Krüger, Y with prefix) when a zone is given. Rings are closed and ring 1
 * is each part's outer ring, so the CSV importer reads it back. UTF-8 with BOM for Excel, or GBK.
 */

function partsOf(g: SiteGeometry): Position[][][] {
  switch (g.type) {
    case 'Point':
      return [[[g.coordinates]]];
    case 'MultiPoint':
      return g.coordinates.map((p) => [[p]]);
    case 'LineString':
      return [[g.coordinates]];
    case 'MultiLineString':
      return g.coordinates.map((l) => [l]);
    case 'Polygon':
      return [g.coordinates];
    case 'MultiPolygon':
      return g.coordinates;
  }
}

export function exportCsv(site: SiteFeatureCollection, options: ExportOptions = {}): ExportFile {
  const zone = options.zone === undefined ? undefined : exportZone(site, options);
  const rows: (string | number)[][] = [['feature', 'name', 'part', 'ring', 'point', ...(zone ? ['easting', 'northing'] : ['lon', 'lat'])]];
  const decimals = zone ? 3 : 9;
  site.features.forEach((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const name = p.name ?? p['地块名称'] ?? p['名称'] ?? '';
    const geometry = zone ? fromWgs84(f.geometry, zone.epsg) : f.geometry;
    let point = 0;
    partsOf(geometry).forEach((rings, part) =>
      rings.forEach((ring, r) => ring.forEach(([x, y]) => rows.push([i + 1, String(name ?? ''), part + 1, r + 1, ++point, x, y]))),
    );
  });
  // csv-stringify quotes per RFC 4180 and escapes text a spreadsheet would run as a formula
  // (a name "=HYPERLINK(…)" gets a leading '); coordinates are numbers, printed at fixed decimals.
  const text = stringify(rows, {
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { number: (v, { index }) => (index >= 5 ? v.toFixed(decimals) : String(v)) },
  });
  const gbk = options.encoding === 'gbk';
  return {
    body: gbk ? encodeText(text, 'gbk') : Buffer.from('\uFEFF' + text, 'utf8'),
    contentType: gbk ? 'text/csv; charset=GBK' : 'text/csv; charset=utf-8',
    filename: downloadName(options.name, 'csv'),
  };
}
