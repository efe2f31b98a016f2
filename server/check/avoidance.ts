import type { Queryable } from '../db/types.ts';
import { OVERLAY_GRID_DEG } from './overlap-query.ts';
import type { Avoidance } from '../../common/api/check-result.ts';

/** The site with the overlaps of prohibited zones clipped out: a suggested revision of the site. */
export async function avoidProhibited(
  db: Queryable,
  site: GeoJSON.Geometry,
  siteAreaM2: number,
  prohibited: { layerId: string; overlap: GeoJSON.Geometry }[],
): Promise<Avoidance | null> {
  if (prohibited.length === 0) return null;
  const { rows } = await db.query<{ geometry: GeoJSON.Geometry | null; area: number }>(
    `WITH s AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g),
          cut AS (SELECT ST_Union(ST_SetSRID(ST_GeomFromGeoJSON(o), 4326), ${OVERLAY_GRID_DEG}) AS g FROM json_array_elements_text($2::json) o),
          rest AS (SELECT ST_CollectionExtract(ST_MakeValid(ST_Difference(s.g, cut.g, ${OVERLAY_GRID_DEG})), 3) AS g FROM s, cut)
     SELECT CASE WHEN ST_IsEmpty(g) THEN NULL ELSE ST_AsGeoJSON(g, 7)::json END AS geometry,
            COALESCE(ST_Area(g::geography), 0) AS area
       FROM rest`,
    [JSON.stringify(site), JSON.stringify(prohibited.map((p) => JSON.stringify(p.overlap)))],
  );
  const remainingAreaM2 = Number(rows[0]?.area ?? 0);
  return {
    removedAreaM2: Math.max(0, siteAreaM2 - remainingAreaM2),
    remainingAreaM2,
    remainingPct: siteAreaM2 > 0 ? (100 * remainingAreaM2) / siteAreaM2 : 0,
    geometry: rows[0]?.geometry ?? null,
    layerIds: [...new Set(prohibited.map((p) => p.layerId))],
  };
}
