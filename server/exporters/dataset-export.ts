import { badRequest } from '../http/errors.ts';
import type { Queryable } from '../db/types.ts';
import { fromWgs84, gaussKrugerEpsg, ZONE_RANGE } from '../geo/crs.ts';
import { encodeText } from '../geo/text-decoding.ts';
import type { TextEncoding } from '../geo/text-decoding.ts';
import { downloadName } from './file-name.ts';
import { columnsOf, exportGeoPackage } from './geopackage.ts';
import { exportShapefile } from './shapefile.ts';
import type { ExportFile, SiteFeatureCollection } from './types.ts';
import { toWkt } from './wkt.ts';

/**
 * Downloads of a whole dataset — a layer version or the project register — as GeoPackage,
 * Shapefile (zip, .dbf in UTF-8 or GBK, .cpg always), GeoJSON (RFC 7946, lon/lat) or CSV (the
 * attributes and a WKT geometry). GeoPackage, Shapefile and CSV are written in EPSG:4490 or a
 * CGCS2000 Gauss-Krüger zone. The 示意 flag and the version travel in every row's attributes and,
 * for GeoPackage, in the layer's metadata too.
 */
export const DATASET_FORMATS = ['gpkg', 'shp', 'geojson', 'csv'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export interface DatasetCrsOptions {
  zone?: number;
  zoneWidthDeg?: 3 | 6;
  zonePrefix?: boolean;
  encoding?: TextEncoding;
}

export interface Dataset {
  /** ASCII id: table and file names inside archives. */
  id: string;
  /** Download file name (Chinese welcome). */
  fileName: string;
  title: string;
  description: string;
  /** EPSG:4326 features; their properties become the attribute table. */
  features: GeoJSON.Feature[];
  /** Dataset-level facts (version, 示意 flag, source); also foreign members of the GeoJSON. */
  metadata: Record<string, string>;
}

/** EPSG code to write in: 4490 unless a GK zone is asked for (3° by default, prefixed by default). */
function datasetEpsg(options: DatasetCrsOptions): number {
  if (options.zone === undefined) return 4490;
  const width = options.zoneWidthDeg ?? 3;
  const epsg = gaussKrugerEpsg('CGCS2000', width, options.zone, options.zonePrefix ?? true);
  if (epsg === undefined) {
    const r = ZONE_RANGE[width];
    throw badRequest('BAD_ZONE', `带号 ${options.zone} 无效：${width}度带应为 ${r.first}–${r.last}。`, `Zone ${options.zone} is invalid: ${width}° zones run ${r.first}–${r.last}.`);
  }
  return epsg;
}

async function srsWkt(db: Queryable, epsg: number): Promise<string> {
  const { rows } = await db.query<{ srtext: string }>('SELECT srtext FROM spatial_ref_sys WHERE srid = $1', [epsg]);
  return rows[0]?.srtext ?? 'undefined';
}

const quote = (v: unknown) => {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function csv(dataset: Dataset, epsg: number, encoding: TextEncoding | undefined, project: (g: GeoJSON.Geometry) => GeoJSON.Geometry): ExportFile {
  const columns = columnsOf(dataset.features);
  const decimals = epsg === 4490 ? 9 : 3;
  const lines = [[...columns.map((c) => quote(c.name)), 'crs', 'wkt'].join(',')];
  for (const f of dataset.features) {
    const wkt = f.geometry ? toWkt(project(f.geometry), decimals) : '';
    lines.push([...columns.map((c) => quote(f.properties?.[c.key])), `EPSG:${epsg}`, quote(wkt)].join(','));
  }
  const text = lines.join('\r\n') + '\r\n';
  const gbk = encoding === 'gbk';
  return {
    body: gbk ? encodeText(text, 'gbk') : Buffer.from('\uFEFF' + text, 'utf8'),
    contentType: gbk ? 'text/csv; charset=GBK' : 'text/csv; charset=utf-8',
    filename: downloadName(dataset.fileName, 'csv'),
  };
}

export async function exportDataset(db: Queryable, dataset: Dataset, format: DatasetFormat, options: DatasetCrsOptions): Promise<ExportFile> {
  const epsg = datasetEpsg(options);
  switch (format) {
    case 'gpkg':
      return exportGeoPackage(dataset.features, {
        epsg,
        wkt: await srsWkt(db, epsg),
        table: dataset.id,
        title: dataset.title,
        description: dataset.description,
        metadata: dataset.metadata,
        fileName: dataset.fileName,
      });
    case 'shp': {
      const site = { type: 'FeatureCollection', features: dataset.features.filter((f) => f.geometry) } as SiteFeatureCollection;
      if (site.features.length === 0) throw badRequest('NO_FEATURES', '没有可导出的要素', 'There are no features to export');
      const file = await exportShapefile(site, { ...options, name: dataset.id });
      return { ...file, filename: downloadName(dataset.fileName, 'zip') };
    }
    case 'geojson': {
      if (options.zone !== undefined) {
        throw badRequest('GEOJSON_IS_LONLAT', 'GeoJSON（RFC 7946）只用经纬度：请去掉 zone，或选 gpkg/shp/csv', 'GeoJSON (RFC 7946) is lon/lat only: drop zone, or choose gpkg, shp or csv');
      }
      const body = { type: 'FeatureCollection', name: dataset.id, title: dataset.title, metadata: dataset.metadata, features: dataset.features };
      return { body: Buffer.from(JSON.stringify(body)), contentType: 'application/geo+json', filename: downloadName(dataset.fileName, 'geojson') };
    }
    case 'csv':
      return csv(dataset, epsg, options.encoding, (g) => (epsg === 4490 ? g : fromWgs84(g, epsg)));
  }
}
