import { z } from 'zod';
import { domainChecked } from './domain-checked.ts';

/**
 * Site files in and out: POST /api/import (multipart upload) and POST /api/export. Each option is
 * checked by the importer's or exporter's own parser (UNSUPPORTED_FORMAT, BAD_PARAMETER, CRS codes …).
 */
export const importFields = z.looseObject({
  format: domainChecked(z.enum(['geojson', 'kml', 'shapefile', 'csv', 'guotu-txt']), '文件格式（默认按文件识别） / Format (default: detected)').optional(),
  crs: domainChecked(z.string().max(200), '坐标系，如 EPSG:4545 / CRS, e.g. EPSG:4545').optional(),
  encoding: domainChecked(z.string().max(20), '文本编码（GBK、UTF-8） / Text encoding').optional(),
  geometry: domainChecked(z.string().max(20), '几何类型 / Geometry type').optional(),
});

export const exportQuery = z.looseObject({
  format: domainChecked(z.enum(['geojson', 'kml', 'shp', 'txt', 'csv', 'json', 'shapefile', 'zip', 'guotu-txt']), '导出格式 / Format'),
  zone: domainChecked(z.string().regex(/^\d{1,3}$/), '高斯-克吕格带号 / Gauss-Krüger zone').optional(),
  zoneWidth: domainChecked(z.enum(['3', '6']), '分带宽度（度） / Zone width (degrees)').optional(),
  prefix: domainChecked(z.string(), '坐标是否带带号前缀 / Zone prefix on eastings').optional(),
  encoding: domainChecked(z.string().max(20), '文本编码 / Text encoding').optional(),
});

export const exportBody = z.looseObject({
  features: domainChecked(z.looseObject({ type: z.string() }), 'GeoJSON FeatureCollection、Feature 或几何（EPSG:4326） / GeoJSON FeatureCollection, Feature or geometry (EPSG:4326)'),
  name: domainChecked(z.string()).optional(),
});

/**
 * The features of an import: a GeoJSON FeatureCollection in EPSG:4326. A response the server builds
 * itself (never input), so the schema states the envelope; the geometries are checked on the way in
 * by the importer (geojson-validation, PostGIS on save).
 */
const featureCollection = z
  .custom<GeoJSON.FeatureCollection>((v) => typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'FeatureCollection' && Array.isArray((v as { features?: unknown }).features))
  .meta({ description: 'GeoJSON FeatureCollection（EPSG:4326） / GeoJSON FeatureCollection (EPSG:4326)' });

/** A non-fatal finding of the importer, possibly with a place on the map. */
const importWarningSchema = z.object({
  zh: z.string(),
  en: z.string(),
  /** Stable key for the UI (e.g. RING_NOT_CLOSED); the text is for people. */
  code: z.string().optional(),
  /** [lon, lat] in EPSG:4326. */
  location: z.tuple([z.number(), z.number()]).optional(),
});
export type ImportNote = z.infer<typeof importWarningSchema>;

/** POST /api/import: the features (always EPSG:4326), the source CRS and the findings. */
export const importResponse = z.object({
  features: featureCollection,
  crs: z.object({
    epsg: z.number().int(),
    /** Both names in one string, "<EPSG name>（<中文名>）" (kept for API clients). */
    name: z.string(),
    /** The planner's name alone, for Chinese text. */
    nameZh: z.string(),
    /** The EPSG registry name alone, for English text. */
    nameEn: z.string(),
  }),
  warnings: z.array(importWarningSchema),
});
export type ImportResponse = z.infer<typeof importResponse>;
