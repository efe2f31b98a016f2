import { z } from 'zod';
import { domainChecked } from './domain-checked.ts';

/**
 * The layer catalog and its features and tiles: GET /api/layers, /api/layers/:id,
 * /api/layers/:id/features, /tiles/… . The map, the check panel and the report read layers through
 * these types.
 */
export const catalogLayer = z.object({
  id: z.string(),
  kind: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  group: z.string(),
  levels: z.array(z.string()),
  geometryType: z.string(),
  featureCount: z.number(),
  checked: z.boolean(),
  /** 示意 data (not official): the map and every report say so. */
  illustrative: z.boolean(),
  source: z.record(z.string(), z.unknown()),
  version: z.number().int().nullable(),
  loadedAt: z.string().nullable(),
  style: z.record(z.string(), z.unknown()),
  legendOrder: z.number(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
});
export type CatalogLayer = z.infer<typeof catalogLayer>;

export const layerParams = z.object({ id: z.string().max(64) });

export const featuresQuery = z.looseObject({
  bbox: domainChecked(z.string(), '范围 west,south,east,north（经纬度） / Extent west,south,east,north (lon/lat)').optional(),
  version: domainChecked(z.string().regex(/^\d+$/), '图层版本（默认当前版本） / Layer version (default: current)').optional(),
});

/** GET /tiles/:file — ":layerId.json" (TileJSON). */
export const tileJsonParams = z.object({ file: z.string().max(80).meta({ description: '"<layerId>.json"' }) });
/** GET /tiles/:layerId/:z/:x/:file — ":y.mvt" (a vector tile of the layer's current version). */
export const tileParams = z.object({
  layerId: z.string().max(64),
  z: domainChecked(z.string().regex(/^\d{1,2}$/), '缩放级别 / Zoom'),
  x: domainChecked(z.string().regex(/^\d{1,7}$/), '列号 / Column'),
  file: z.string().max(20).meta({ description: '"<y>.mvt"' }),
});
