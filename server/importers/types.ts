import type { Feature, Geometry } from 'geojson';
import type { ImportNote, ImportResponse } from '../../common/api/exchange.ts';
import type { TextEncoding } from '../geo/text-decoding.ts';

// What an import answers is the API's importResponse (common/api/exchange.ts): one schema for
// validation, OpenAPI and the types of both sides — these are its inferred types, not a second copy.

/** A non-fatal finding shown to the planner next to the imported site (a stable code, a place when it has one). */
export type ImportWarning = ImportNote;
/** The source CRS of an import. epsg is the source's code; features are always EPSG:4326. */
export type CrsSummary = ImportResponse['crs'];
/** Features always EPSG:4326, lon/lat, RFC 7946 ring orientation. */
export type ImportResult = ImportResponse;

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
