import type { AuthUser } from '../auth/sessions.ts';
import type { Queryable } from '../db/types.ts';
import { seesAllProjects } from '../projects/access.ts';
import { bboxFilterSql, bboxParams, geometrySql, type ItemsPage, type ItemsQuery } from './items.ts';

/** The project register (项目台账) as an OGC collection: its id outside the layer id pattern. */
export const REGISTER_COLLECTION = 'project-register';

/** Flat attributes a desktop GIS can show in its table (GeoPackage/Shapefile downloads use them too). */
const FEATURE_SQL = (geometry: string) => `json_build_object(
    'type', 'Feature',
    'id', p.id,
    'properties', json_build_object(
      'projectId', p.id, 'name', p.name, 'applicant', p.applicant, 'owner', o.username,
      'type', p.attributes->>'type', 'status', p.status, 'verdict', c.verdict, 'township', p.township,
      'recordVersion', p.version, 'lastCheckId', p.last_check_id,
      'areaM2', ST_Area(p.geom::geography),
      'updatedAt', to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
    'geometry', ${geometry}) AS feature`;

const FROM = `FROM projects p JOIN users o ON o.id = p.owner_id LEFT JOIN check_runs c ON c.id = p.last_check_id`;

/** Register rows the viewer may see, as /api/projects decides (an applicant: their own), oldest first. */
export async function registerItems(db: Queryable, viewer: AuthUser, q: ItemsQuery): Promise<ItemsPage> {
  const where = `WHERE ($1::bigint IS NULL OR p.owner_id = $1) AND ${bboxFilterSql('p.geom', (i) => `$${i + 2}`)}`;
  const base = [seesAllProjects(viewer) ? null : viewer.id, ...bboxParams(q)];
  const matched = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} ${where}`, base);
  const { rows } = await db.query<{ feature: GeoJSON.Feature }>(
    `SELECT ${FEATURE_SQL(geometrySql('p.geom', q.crs, '$7'))} ${FROM} ${where} ORDER BY p.id LIMIT $8 OFFSET $9`,
    [...base, q.crs.srid, q.limit, q.offset],
  );
  return { features: rows.map((r) => r.feature), numberMatched: matched.rows[0].n };
}

/** One project the viewer may see, or undefined (another applicant's project reads as absent). */
export async function registerItem(db: Queryable, viewer: AuthUser, projectId: number, crs: ItemsQuery['crs']): Promise<GeoJSON.Feature | undefined> {
  const { rows } = await db.query<{ feature: GeoJSON.Feature }>(
    `SELECT ${FEATURE_SQL(geometrySql('p.geom', crs, '$3'))} ${FROM} WHERE p.id = $1 AND ($2::bigint IS NULL OR p.owner_id = $2)`,
    [projectId, seesAllProjects(viewer) ? null : viewer.id, crs.srid],
  );
  return rows[0]?.feature;
}

/** Lon/lat extent of the register rows the viewer may see (for the collection's CRS list). */
export async function registerExtent(db: Queryable, viewer: AuthUser): Promise<[number, number, number, number] | null> {
  const { rows } = await db.query<{ e: [number, number, number, number] | null }>(
    `SELECT CASE WHEN e IS NULL THEN NULL ELSE ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] END AS e
       FROM (SELECT ST_Extent(p.geom)::geometry AS e FROM projects p WHERE $1::bigint IS NULL OR p.owner_id = $1) x`,
    [seesAllProjects(viewer) ? null : viewer.id],
  );
  return rows[0]?.e ?? null;
}
