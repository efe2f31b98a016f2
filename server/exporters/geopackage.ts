import { fromWgs84, getCrs } from '../geo/crs.ts';
import { downloadName } from './file-name.ts';
import { writeGeoPackage, type GpkgColumn } from './gpkg-writer.ts';
import type { ExportFile } from './types.ts';

/** What a GeoPackage download carries besides the features. */
export interface GeoPackageOptions {
  /** Target CRS: 4490 (lon/lat) or a CGCS2000 Gauss-Krüger EPSG code. */
  epsg: number;
  /** OGC WKT of the target CRS (PostGIS spatial_ref_sys.srtext). */
  wkt: string;
  /** Table name (ASCII) and title (the layer's Chinese name). */
  table: string;
  title: string;
  description: string;
  metadata: Record<string, string>;
  fileName: string;
}

const RESERVED = new Set(['fid', 'geom']);

/** One column per property key, typed by its values: integers, reals, booleans, else text (objects as JSON). */
export function columnsOf(features: GeoJSON.Feature[]): (GpkgColumn & { key: string })[] {
  const kinds = new Map<string, Set<string>>();
  for (const f of features) {
    for (const [key, value] of Object.entries(f.properties ?? {})) {
      const seen = kinds.get(key) ?? new Set<string>();
      if (value !== null && value !== undefined) {
        seen.add(typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'real') : typeof value === 'boolean' ? 'bool' : 'text');
      }
      kinds.set(key, seen);
    }
  }
  const used = new Set<string>();
  const columns: (GpkgColumn & { key: string })[] = [];
  for (const [key, seen] of kinds) {
    let name = key;
    for (let n = 1; RESERVED.has(name.toLowerCase()) || used.has(name.toLowerCase()); n++) name = `${key}_${n}`;
    used.add(name.toLowerCase());
    const type: GpkgColumn['type'] =
      seen.size === 1 && seen.has('int') ? 'INTEGER'
      : [...seen].every((k) => k === 'int' || k === 'real') && seen.size > 0 ? 'REAL'
      : seen.size === 1 && seen.has('bool') ? 'BOOLEAN'
      : 'TEXT';
    columns.push({ name, type, key });
  }
  return columns;
}

function cell(value: unknown, type: GpkgColumn['type']): string | number | null {
  if (value === null || value === undefined) return null;
  if (type === 'BOOLEAN') return value ? 1 : 0;
  if (type === 'INTEGER' || type === 'REAL') return Number(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Features in EPSG:4326 → a GeoPackage in EPSG:4490 or a Gauss-Krüger zone (proj4, as the Shapefile export). */
export async function exportGeoPackage(features: GeoJSON.Feature[], options: GeoPackageOptions): Promise<ExportFile> {
  const crs = getCrs(options.epsg);
  const columns = columnsOf(features);
  const body = await writeGeoPackage({
    table: options.table,
    title: options.title,
    description: options.description,
    srs: { id: options.epsg, name: crs?.name ?? `EPSG:${options.epsg}`, wkt: options.wkt },
    columns,
    rows: features.map((f) => ({
      geometry: f.geometry && options.epsg !== 4490 && options.epsg !== 4326 ? fromWgs84(f.geometry, options.epsg) : f.geometry,
      values: columns.map((c) => cell(f.properties?.[c.key], c.type)),
    })),
    metadata: options.metadata,
  });
  return { body, contentType: 'application/geopackage+sqlite3', filename: downloadName(options.fileName, 'gpkg') };
}
