import type { AuthUser } from '../auth/sessions.ts';
import { MAX_QUERY_LENGTH, type FeatureHit } from '../../common/api/search.ts';
import type { Queryable } from '../db/types.ts';
import { matchRank, searchProjects, type ProjectSearchResult } from './project-search.ts';
import { badRequest } from '../http/errors.ts';
import { parseCoordinate, type CoordinateResult } from './coordinates.ts';
import type { SearchIndex } from './search-index.ts';
import type pg from 'pg';

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

/** A typed coordinate (lon,lat or GK X,Y) as a hit, with the township it falls in; null when the text is no coordinate. */
async function searchCoordinate(db: Queryable, query: string, districtZone: () => Promise<number>): Promise<CoordinateResult | null> {
  if (!/^[\s\d.,，;；+-]+$/.test(query)) return null;
  const parsed = parseCoordinate(query, await districtZone());
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
 * Everything searchable: feature names (from the in-memory index of the current layer set), and
 * the names of the projects the viewer may see (none for anonymous visitors), merged by how well
 * they match (features first among equals).
 */
export async function search(
  db: pg.Pool,
  index: SearchIndex,
  query: string,
  limit = DEFAULT_LIMIT,
  viewer?: AuthUser,
): Promise<(SearchResult | ProjectSearchResult | CoordinateResult)[]> {
  const coordinate = await searchCoordinate(db, query, async () => (await index.index(db)).districtZone);
  if (coordinate) return [coordinate];
  const features = await index.search(db, query, limit);
  const projects = await searchProjects(db, viewer, query, escapeLike(query), limit);
  if (projects.length === 0) return features;
  const ranked = [...features, ...projects].map((hit, i) => ({ hit, i, rank: matchRank(hit.name, query) }));
  return ranked.sort((a, b) => a.rank - b.rank || a.i - b.i).slice(0, limit).map((r) => r.hit);
}
