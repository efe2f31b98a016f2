import type { Queryable } from '../db/types.ts';
import type { OgcCrs } from './crs.ts';

/** One page of items: the features and how many match in all. */
export interface ItemsPage {
  features: GeoJSON.Feature[];
  numberMatched: number;
}

export interface ItemsQuery {
  /** x/y bounds in `bboxCrs` (lon/lat or easting/northing). */
  bbox?: [number, number, number, number];
  bboxCrs: OgcCrs;
  crs: OgcCrs;
  limit: number;
  offset: number;
}

/**
 * SQL pieces shared by layers and the project register. The bbox filter is exact in the bbox's
 * own CRS (a feature is returned when its geometry meets the box, not only its envelope): for a
 * projected box the stored geometry is transformed into it, after an index pre-filter on the box
 * densified and brought back to EPSG:4326. Output: transformed by PostGIS, axes flipped when the
 * CRS puts latitude or northing first, 7 decimals for degrees, 3 for metres.
 */
export function geometrySql(column: string, crs: OgcCrs, sridParam: string): string {
  // Always through ST_Transform (a no-op for the same SRID) so the SRID parameter is always used.
  const transformed = `ST_Transform(${column}, ${sridParam}::int)`;
  const ordered = crs.yFirst ? `ST_FlipCoordinates(${transformed})` : transformed;
  return `ST_AsGeoJSON(${ordered}, ${crs.geographic ? 7 : 3})::json`;
}

/** `column` meets the box $a..$d in SRID $e (4326 and 4490 share lon/lat numbers). Params: [minX, minY, maxX, maxY, srid]. */
export function bboxFilterSql(column: string, p: (i: number) => string): string {
  return `(${p(0)}::float8 IS NULL OR (
      CASE WHEN ${p(4)}::int IN (4326, 4490)
        THEN ST_Intersects(${column}, ST_MakeEnvelope(${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, 4326))
        ELSE ${column} && ST_Expand(ST_Transform(ST_Segmentize(ST_MakeEnvelope(${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}::int),
                                                  GREATEST(${p(2)} - ${p(0)}, ${p(3)} - ${p(1)}, 1) / 32), 4326), 1e-6)
             AND ST_Intersects(ST_Transform(${column}, ${p(4)}::int), ST_MakeEnvelope(${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}::int))
      END))`;
}

export const bboxParams = (q: Pick<ItemsQuery, 'bbox' | 'bboxCrs'>) =>
  q.bbox ? [...q.bbox, q.bboxCrs.srid] : [null, null, null, null, q.bboxCrs.srid];

/** Features of one layer version, in the same shape as GET /api/layers/:id/features. */
export async function layerItems(db: Queryable, layerId: string, version: number, q: ItemsQuery): Promise<ItemsPage> {
  const where = `layer_id = $1 AND version = $2 AND ${bboxFilterSql('geom', (i) => `$${i + 3}`)}`;
  const base = [layerId, version, ...bboxParams(q)];
  const matched = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM features WHERE ${where}`, base);
  const { rows } = await db.query<{ feature: GeoJSON.Feature }>(
    `SELECT json_build_object(
        'type', 'Feature',
        'id', feature_key,
        'properties', properties || jsonb_build_object('name', name, 'level', level, 'areaM2', area_m2,
                                                       'layerId', layer_id, 'layerVersion', version),
        'geometry', ${geometrySql('geom', q.crs, '$8')}) AS feature
       FROM features WHERE ${where}
      ORDER BY id LIMIT $9 OFFSET $10`,
    [...base, q.crs.srid, q.limit, q.offset],
  );
  return { features: rows.map((r) => r.feature), numberMatched: matched.rows[0].n };
}

/** One feature of a layer version by its id (feature key), or undefined. */
export async function layerItem(db: Queryable, layerId: string, version: number, featureId: string, crs: OgcCrs): Promise<GeoJSON.Feature | undefined> {
  const { rows } = await db.query<{ feature: GeoJSON.Feature }>(
    `SELECT json_build_object(
        'type', 'Feature',
        'id', feature_key,
        'properties', properties || jsonb_build_object('name', name, 'level', level, 'areaM2', area_m2,
                                                       'layerId', layer_id, 'layerVersion', version),
        'geometry', ${geometrySql('geom', crs, '$4')}) AS feature
       FROM features WHERE layer_id = $1 AND version = $2 AND feature_key = $3
      ORDER BY id LIMIT 1`,
    [layerId, version, featureId, crs.srid],
  );
  return rows[0]?.feature;
}
