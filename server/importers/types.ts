import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Bilingual } from '../http/errors.ts';
import type { TextEncoding } from '../geo/text-decoding.ts';

/** A non-fatal finding shown to the planner next to the imported site. */
export interface ImportWarning extends Bilingual {
  /** Stable key for the UI (e.g. RING_NOT_CLOSED); the text is for people. */
  code?: string;
  /** Where on the map, [lon, lat] in EPSG:4326, when the finding has a place. */
  location?: [number, number];
}

/** The source CRS of an import. epsg is the source's code; features are always EPSG:4326. */
export interface CrsSummary {
  epsg: number;
  /** Both names in one string, "<EPSG name>（<中文名>）" (kept for API clients). */
  name: string;
  /** The planner's name alone, for Chinese text ("2000国家大地坐标系 高斯-克吕格 3度带 第36带（Y 含带号）"). */
  nameZh: string;
  /** The EPSG registry name alone, for English text. */
  nameEn: string;
}

export interface ImportResult {
  /** Always EPSG:4326, lon/lat, RFC 7946 ring orientation. */
  features: FeatureCollection;
  crs: CrsSummary;
  warnings: ImportWarning[];
}

/** A feature as read from a file, before the checks: geometry may be missing. */
export type SourceFeature = Feature<Geometry | null>;

/** A CRS chosen by the user: an EPSG code from the catalogue, optionally with GCJ-02 undoing. */
export interface CrsChoice {
  epsg: number;
  /** Coordinates were copied from 高德/腾讯 (GCJ-02); convert to WGS84 (approximate). */
  gcj02: boolean;
}

export type CsvGeometryKind = 'polygon' | 'line' | 'points';

/** Options every importer understands; each ignores what does not apply to its format. */
export interface ImportOptions {
  crs?: CrsChoice;
  encoding?: TextEncoding;
  /** CSV only: what the coordinate list describes. Default: by point count. */
  geometry?: CsvGeometryKind;
}

export const warning = (
  code: string,
  zh: string,
  en: string,
  location?: [number, number],
): ImportWarning => (location ? { code, zh, en, location } : { code, zh, en });
