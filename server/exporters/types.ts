import type { Feature, FeatureCollection, Geometry, GeometryCollection } from 'geojson';
import type { TextEncoding } from '../geo/text-decoding.ts';

/** A file ready to download. */
export interface ExportFile {
  body: Buffer;
  contentType: string;
  /** Suggested download name (may contain Chinese; the route encodes it safely). */
  filename: string;
}

export type SiteGeometry = Exclude<Geometry, GeometryCollection>;
/** What exporters receive: EPSG:4326 lon/lat, 2D, no GeometryCollections (see input.ts). */
export type SiteFeatureCollection = FeatureCollection<SiteGeometry> & { features: Feature<SiteGeometry>[] };

export interface ExportOptions {
  /** Site name: download file name, and the 地块名称 when a feature has none. */
  name?: string;
  /** Gauss-Krüger zone for projected output (TXT always; Shapefile/CSV when given). */
  zone?: number;
  zoneWidthDeg?: 3 | 6;
  /** Write the zone number in front of Y/easting (default true). */
  zonePrefix?: boolean;
  /** Text encoding for TXT (and the Shapefile .dbf); default UTF-8. */
  encoding?: TextEncoding;
  /** 数据产生日期 for TXT, YYYY-MM-DD; default today. */
  date?: string;
}
