import type { Queryable } from '../db/types.ts';
import { OVERLAY_GRID_DEG } from './overlap-query.ts';

/** Functional minimum width of a corridor when its data gives none (rules.md §11: tool convention). */
const DEFAULT_CORRIDOR_MIN_WIDTH_M = 100;

/**
 * Which of the given corridor features the site severs: the corridor minus the site falls apart
 * into ≥ 2 substantial pieces, or what is left somewhere narrower than the corridor's minimum width
 * (a morphological opening by that width splits it into more pieces than the intact corridor).
 * Computed in metres in the UTM zone of the site.
 */
export async function severedCorridors(
  db: Queryable,
  site: GeoJSON.Geometry,
  layerId: string,
  version: number,
  featureKeys: string[],
): Promise<Set<string>> {
  if (featureKeys.length === 0) return new Set();
  const { rows } = await db.query<{ key: string; severed: boolean }>(
    `WITH s AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g),
          z AS (SELECT 32600 + floor((ST_X(ST_Centroid(g)) + 180) / 6)::int + 1 AS srid FROM s),
          c AS (
            SELECT f.feature_key AS key,
                   ST_Transform(f.geom, z.srid) AS corridor,
                   ST_Transform(ST_Difference(f.geom, s.g, ${OVERLAY_GRID_DEG}), z.srid) AS rest,
                   COALESCE((f.properties->>'minWidthM')::float8, $5) AS w
              FROM features f, s, z
             WHERE f.layer_id = $2 AND f.version = $3 AND f.feature_key = ANY($4))
     SELECT key,
            (SELECT count(*) FROM ST_Dump(rest) d WHERE ST_Area(d.geom) > 0.01 * ST_Area(corridor)) > 1
            OR ST_NumGeometries(ST_Buffer(ST_Buffer(rest, -w / 2), w / 2))
               > ST_NumGeometries(ST_Buffer(ST_Buffer(corridor, -w / 2), w / 2)) AS severed
       FROM c`,
    [JSON.stringify(site), layerId, version, featureKeys, DEFAULT_CORRIDOR_MIN_WIDTH_M],
  );
  return new Set(rows.filter((r) => r.severed).map((r) => r.key));
}
