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
const quote = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

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
  const lines = [['feature', 'name', 'part', 'ring', 'point', ...(zone ? ['easting', 'northing'] : ['lon', 'lat'])].join(',')];
  site.features.forEach((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const name = p.name ?? p['地块名称'] ?? p['名称'] ?? '';
    const geometry = zone ? fromWgs84(f.geometry, zone.epsg) : f.geometry;
    const decimals = zone ? 3 : 9;
    let point = 0;
    partsOf(geometry).forEach((rings, part) =>
      rings.forEach((ring, r) =>
        ring.forEach(([x, y]) => lines.push([i + 1, quote(name), part + 1, r + 1, ++point, x.toFixed(decimals), y.toFixed(decimals)].join(','))),
      ),
    );
  });
  const text = lines.join('\r\n') + '\r\n';
  const gbk = options.encoding === 'gbk';
  return {
    body: gbk ? encodeText(text, 'gbk') : Buffer.from('\uFEFF' + text, 'utf8'),
    contentType: gbk ? 'text/csv; charset=GBK' : 'text/csv; charset=utf-8',
    filename: downloadName(options.name, 'csv'),
  };
}
