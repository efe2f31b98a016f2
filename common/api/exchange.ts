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
