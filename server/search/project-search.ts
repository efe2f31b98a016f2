import type { ProjectHit } from '../../common/api/search.ts';
import { seesAllProjects } from '../projects/access.ts';
import type { AuthUser } from '../auth/sessions.ts';
import type { Queryable } from '../db/types.ts';

/** A project whose name matches: shaped like a feature hit so the search box lists and frames it alike. */
export type ProjectSearchResult = ProjectHit;

/**
 * Projects the user may see whose name contains the query (escaped for LIKE by the caller):
 * reviewers and admins every project, applicants their own, anonymous visitors none.
 */
export async function searchProjects(
  db: Queryable,
  viewer: AuthUser | undefined,
  query: string,
  escapedQuery: string,
  limit: number,
): Promise<ProjectSearchResult[]> {
  if (!viewer) return [];
  const { rows } = await db.query<ProjectSearchResult>(
    `SELECT 'project' AS type, p.name, 'projects' AS "layerId", '项目' AS "layerNameZh", 'Project' AS "layerNameEn",
            'project' AS kind, p.status AS level, p.id::text AS "featureKey", p.version AS "layerVersion",
            p.id AS "projectId", p.status, c.verdict,
            ARRAY[ST_XMin(p.geom), ST_YMin(p.geom), ST_XMax(p.geom), ST_YMax(p.geom)] AS bbox,
            (SELECT ARRAY[ST_X(s), ST_Y(s)] FROM ST_PointOnSurface(p.geom) s) AS centroid,
            ST_AsGeoJSON(ST_SimplifyPreserveTopology(p.geom, 0.00002), 6)::json AS geometry
       FROM projects p LEFT JOIN check_runs c ON c.id = p.last_check_id
      WHERE ($1::bigint IS NULL OR p.owner_id = $1)
        AND p.name ILIKE '%' || $3::text || '%' ESCAPE '\\'
      ORDER BY (p.name = $2::text) DESC, (p.name ILIKE $3::text || '%' ESCAPE '\\') DESC, p.updated_at DESC, p.id DESC
      LIMIT $4::int`,
    [seesAllProjects(viewer) ? null : viewer.id, query, escapedQuery, limit],
  );
  return rows;
}

/** 0 = the exact name, 1 = starts with the query, 2 = contains it (case-insensitive). */
export function matchRank(name: string, query: string): number {
  if (name === query) return 0;
  return name.toLowerCase().startsWith(query.toLowerCase()) ? 1 : 2;
}
