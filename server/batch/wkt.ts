import type { Geometry } from 'geojson';
import type { Queryable } from '../db/types.ts';

/**
 * WKT → GeoJSON by PostGIS (ST_GeomFromText), all rows in one query; a malformed WKT comes back as
 * its PostGIS message for that row only (081_batch.sql: wkt_to_geojson_or_error).
 */
export async function wktToGeoJson(db: Queryable, wkts: string[]): Promise<({ geometry: Geometry } | { error: string })[]> {
  if (wkts.length === 0) return [];
  const { rows } = await db.query<{ i: number; out: { geometry?: Geometry; error?: string } }>(
    `SELECT (i - 1)::int AS i, CASE WHEN w = '' THEN jsonb_build_object('error', 'empty') ELSE wkt_to_geojson_or_error(w) END AS out
       FROM unnest($1::text[]) WITH ORDINALITY AS t(w, i) ORDER BY i`,
    [wkts],
  );
  return rows.map((r) => (r.out.geometry ? { geometry: r.out.geometry } : { error: r.out.error ?? 'unreadable' }));
}
