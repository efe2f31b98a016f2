import { exportCsv } from './csv.ts';
import { exportGeoJson } from './geojson.ts';
import { exportGuotuTxt } from './guotu-txt.ts';
import { siteFeaturesFromInput } from './input.ts';
import { exportKml } from './kml.ts';
import { exportShapefile } from './shapefile.ts';
import type { ExportFile, ExportOptions } from './types.ts';

/** One entry point for downloads: validates the EPSG:4326 input, then writes the chosen format. */
export type ExportFormat = 'geojson' | 'kml' | 'shp' | 'txt' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['geojson', 'kml', 'shp', 'txt', 'csv'];

export async function exportSite(format: ExportFormat, features: unknown, options: ExportOptions = {}): Promise<ExportFile> {
  const site = siteFeaturesFromInput(features);
  switch (format) {
    case 'geojson':
      return exportGeoJson(site, options);
    case 'kml':
      return exportKml(site, options);
    case 'shp':
      return exportShapefile(site, options);
    case 'txt':
      return exportGuotuTxt(site, options);
    case 'csv':
      return exportCsv(site, options);
  }
}

export type { ExportFile, ExportOptions } from './types.ts';
