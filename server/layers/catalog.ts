import type { Queryable } from '../db/types.ts';
import { notFound } from '../http/errors.ts';
import { LAYER_ID_PATTERN } from './catalog-entry.ts';
import { rowsAtStamp } from './layer-stamp.ts';

/** A layer as the API describes it (GET /api/layers). */
export interface LayerInfo {
  id: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  group: string;
  levels: string[];
  geometryType: string;
  featureCount: number;
  checked: boolean;
  illustrative: boolean;
  source: Record<string, unknown>;
  version: number | null;
  loadedAt: string | null;
  style: Record<string, unknown>;
  legendOrder: number;
  bbox: [number, number, number, number] | null;
}

const LAYER_SELECT = `
  SELECT l.id, l.kind, l.name_zh AS "nameZh", l.name_en AS "nameEn", l.group_id AS "group", l.levels,
         l.geometry_type AS "geometryType", COALESCE(v.feature_count, 0) AS "featureCount", l.checked,
         l.illustrative, l.source, l.current_version AS version, v.loaded_at AS "loadedAt", l.style,
         l.legend_order AS "legendOrder",
         (SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)]
            FROM (SELECT ST_Extent(geom)::geometry AS e FROM features f
                   WHERE f.layer_id = l.id AND f.version = l.current_version) x WHERE e IS NOT NULL) AS bbox
    FROM layers l LEFT JOIN layer_versions v ON v.layer_id = l.id AND v.version = l.current_version`;

export async function listLayers(db: Queryable): Promise<LayerInfo[]> {
  const { rows } = await db.query<LayerInfo>(`${LAYER_SELECT} WHERE NOT l.retired ORDER BY l.legend_order, l.id`);
  return rows;
}

/** The catalog (listLayers) and the layer stamp it is of, in one statement. */
export async function listLayersAtStamp(db: Queryable): Promise<{ stamp: number; layers: LayerInfo[] }> {
  const { stamp, rows } = await rowsAtStamp<LayerInfo>(db, `${LAYER_SELECT} WHERE NOT l.retired`, [], 'q."legendOrder", q.id');
  return { stamp, layers: rows };
}

/** The layer, or a 404 naming it. */
export async function getLayer(db: Queryable, layerId: string): Promise<LayerInfo> {
  const row = LAYER_ID_PATTERN.test(layerId)
    ? (await db.query<LayerInfo>(`${LAYER_SELECT} WHERE l.id = $1`, [layerId])).rows[0]
    : undefined;
  if (!row) throw notFound('UNKNOWN_LAYER', `图层不存在：${layerId}`, `Unknown layer: ${layerId}`);
  return row;
}
