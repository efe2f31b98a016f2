import type { AuthUser } from '../auth/sessions.ts';
import { MAX_QUERY_LENGTH, type FeatureHit } from '../../common/api/search.ts';
import type { Queryable } from '../db/types.ts';
import { matchRank, searchProjects, type ProjectSearchResult } from './project-search.ts';
import { badRequest } from '../http/errors.ts';
import { parseCoordinate, type CoordinateResult } from './coordinates.ts';
import { looksLikePinyin, namesMatchingPinyin } from './pinyin-index.ts';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 50;

export type SearchResult = FeatureHit;

/** The query string, trimmed; 400 when missing, empty, repeated or too long. */
export function parseQuery(raw: unknown): string {
  if (Array.isArray(raw)) throw badRequest('BAD_QUERY', '只能有一个查询参数 q', 'Give the query parameter q once');
  const q = typeof raw === 'string' ? raw.trim() : '';
  if (q === '') throw badRequest('EMPTY_QUERY', '请输入要查找的名称', 'Enter a name to search for');
  if ([...q].length > MAX_QUERY_LENGTH) {
    throw badRequest('QUERY_TOO_LONG', `查询过长（最多 ${MAX_QUERY_LENGTH} 个字符）`, `Query too long (at most ${MAX_QUERY_LENGTH} characters)`);
  }
  return q;
}

export function parseLimit(raw: unknown): number {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw badRequest('BAD_LIMIT', `limit 应为 1–${MAX_LIMIT} 的整数`, `limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  return n;
}

/** Escapes LIKE wildcards so a query matches literally. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Features of the current version of every layer whose name (or control-unit code) contains the
 * query, case-insensitively. Exact names first, then names starting with the query, then the rest;
 * among equals, layers in legend order (places first) and shorter names first.
 */
async function searchFeatures(db: Queryable, query: string, limit = DEFAULT_LIMIT): Promise<SearchResult[]> {
  const pinyinNames = looksLikePinyin(query) ? await namesMatchingPinyin(db, query) : [];
  const { rows } = await db.query<SearchResult>(
    `SELECT 'feature' AS type, f.name, f.layer_id AS "layerId", l.name_zh AS "layerNameZh", l.name_en AS "layerNameEn",
            l.kind, f.level, f.feature_key AS "featureKey", f.version AS "layerVersion",
            ARRAY[ST_XMin(f.geom), ST_YMin(f.geom), ST_XMax(f.geom), ST_YMax(f.geom)] AS bbox,
            ARRAY[ST_X(p.pt), ST_Y(p.pt)] AS centroid,
            ST_AsGeoJSON(ST_SimplifyPreserveTopology(f.geom, 0.00002), 6)::json AS geometry,
            f.properties->>'nameEn' AS "nameEn",
            t.name AS township,
            CASE WHEN f.name ILIKE '%' || $2::text || '%' ESCAPE '\\' THEN 'name'
                 WHEN f.properties->>'nameEn' ILIKE '%' || $2::text || '%' ESCAPE '\\' THEN 'nameEn'
                 WHEN f.name = ANY($4::text[]) THEN 'pinyin'
                 ELSE 'code' END AS "matchedBy"
       FROM features f
       JOIN layers l ON l.id = f.layer_id AND f.version = l.current_version
       CROSS JOIN LATERAL (SELECT CASE WHEN ST_Dimension(f.geom) = 2 THEN ST_PointOnSurface(f.geom)
                                       ELSE ST_ClosestPoint(f.geom, ST_Centroid(f.geom)) END AS pt) p
       LEFT JOIN LATERAL (
         SELECT tf.name FROM features tf JOIN layers tl ON tl.id = tf.layer_id AND tf.version = tl.current_version
          WHERE tl.kind = 'admin_boundary' AND tf.level = 'township' AND tf.geom && p.pt AND ST_Intersects(tf.geom, p.pt)
          ORDER BY tf.name LIMIT 1) t ON true
      WHERE f.name ILIKE '%' || $2::text || '%' ESCAPE '\\'
         OR f.properties->>'code' ILIKE '%' || $2::text || '%' ESCAPE '\\'
         OR f.properties->>'nameEn' ILIKE '%' || $2::text || '%' ESCAPE '\\'
         OR f.name = ANY($4::text[])
      ORDER BY (f.name = $1::text OR lower(f.properties->>'nameEn') = lower($1::text)) DESC,
               (f.name ILIKE $2::text || '%' ESCAPE '\\' OR f.properties->>'nameEn' ILIKE $2::text || '%' ESCAPE '\\') DESC,
               (SELECT u.r FROM unnest($4::text[], $5::int[]) AS u(n, r) WHERE u.n = f.name LIMIT 1) NULLS LAST,
               l.legend_order, char_length(f.name), f.name, f.id
      LIMIT $3::int`,
    [query, escapeLike(query), limit, pinyinNames.map((p) => p.name), pinyinNames.map((p) => p.rank)],
  );
  return rows;
}

/** The 3° Gauss-Krüger zone of the district (its outline's centre), for GK eastings typed without the zone prefix. */
async function districtZone(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ lon: number | null }>(
    `SELECT ST_X(ST_Centroid(ST_Extent(f.geom)::geometry)) AS lon
       FROM features f JOIN layers l ON l.id = f.layer_id AND f.version = l.current_version
      WHERE l.kind = 'admin_boundary' AND f.level = 'district'`,
  );
  const lon = rows[0]?.lon;
  return lon == null ? 36 : Math.round(lon / 3);
}

/** A typed coordinate (lon,lat or GK X,Y) as a hit, with the township it falls in; null when the text is no coordinate. */
async function searchCoordinate(db: Queryable, query: string): Promise<CoordinateResult | null> {
  if (!/^[\s\d.,，;；+-]+$/.test(query)) return null;
  const parsed = parseCoordinate(query, await districtZone(db));
  if (!parsed) return null;
  const { rows } = await db.query<{ name: string }>(
    `SELECT tf.name FROM features tf JOIN layers tl ON tl.id = tf.layer_id AND tf.version = tl.current_version
      WHERE tl.kind = 'admin_boundary' AND tf.level = 'township' AND ST_Intersects(tf.geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))
      ORDER BY tf.name LIMIT 1`,
    [parsed.lon, parsed.lat],
  );
  return {
    type: 'coordinate',
    name: parsed.label.zh,
    nameEn: parsed.label.en,
    crs: parsed.crs,
    zone: parsed.zone,
    centroid: [parsed.lon, parsed.lat],
    bbox: [parsed.lon, parsed.lat, parsed.lon, parsed.lat],
    geometry: { type: 'Point', coordinates: [parsed.lon, parsed.lat] },
    township: rows[0]?.name ?? null,
  };
}

/**
 * Everything searchable: feature names, and the names of the projects the viewer may see (none
 * for anonymous visitors), merged by how well they match (features first among equals).
 */
export async function search(
  db: Queryable,
  query: string,
  limit = DEFAULT_LIMIT,
  viewer?: AuthUser,
): Promise<(SearchResult | ProjectSearchResult | CoordinateResult)[]> {
  const coordinate = await searchCoordinate(db, query);
  if (coordinate) return [coordinate];
  const features = await searchFeatures(db, query, limit);
  const projects = await searchProjects(db, viewer, query, escapeLike(query), limit);
  if (projects.length === 0) return features;
  const ranked = [...features, ...projects].map((hit, i) => ({ hit, i, rank: matchRank(hit.name, query) }));
  return ranked.sort((a, b) => a.rank - b.rank || a.i - b.i).slice(0, limit).map((r) => r.hit);
}
