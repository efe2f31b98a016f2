import type { ProjectAttributes } from '../../common/domain/development.ts';
import type { ProjectStatus } from '../../common/domain/review.ts';
import type { Queryable } from '../db/types.ts';
import { notFound, unprocessable } from '../http/errors.ts';
import type { NewProject, ProjectChange } from './project-input.ts';
import { RECORD_TEXT_FIELDS, type ProjectRecord, type ProjectView, type RecordTextField } from '../../common/api/projects.ts';

export type { ProjectView };

/** The stored geometry must already be EPSG:4326 lon/lat; Z values are dropped. */
const GEOM_FROM_JSON = (param: string) => `ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${param}), 4326))`;

/** The township (admin_boundary, level township, current version) holding a point of the site. */
const TOWNSHIP_OF = (geom: string) => `(
  SELECT f.name FROM features f JOIN layers l ON l.id = f.layer_id AND f.version = l.current_version
   WHERE f.layer_id = 'admin_boundary' AND f.level = 'township' AND ST_Intersects(f.geom, ST_PointOnSurface(${geom}))
   ORDER BY f.id LIMIT 1)`;

const ISO = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The verdict of the latest check a person saw (save or submission) before the layer-update check `c`. */
const VERDICT_BEFORE_LAYER_UPDATE = `(SELECT b.verdict FROM check_runs b WHERE b.project_id = p.id AND b.reason <> 'layer_update' ORDER BY b.id DESC LIMIT 1)`;

/** True when the project's latest check (`c`) is a layer-update re-check whose verdict differs from the one a person saw. */
export const VERDICT_CHANGED_BY_LAYER_UPDATE = `(c.reason = 'layer_update' AND c.verdict IS DISTINCT FROM ${VERDICT_BEFORE_LAYER_UPDATE})`;

/** Text fields of the project record (issue 19): API name → column. */
const RECORD_TEXT_COLUMNS = {
  builder: 'builder',
  projectCode: 'project_code',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  landUse: 'land_use',
} as const satisfies Record<RecordTextField, string>;

const RECORD_SELECT = (t: string) =>
  [...Object.entries(RECORD_TEXT_COLUMNS).map(([k, c]) => `${t}.${c} AS "${k}"`), `${t}.investment_wan::float8 AS "investmentWan"`].join(', ');

/** The SELECT behind every project view; filter with WHERE on `p`. */
export const projectSelect = ({ withGeometry = false, withTotal = false } = {}) => `
  SELECT ${withTotal ? 'count(*) OVER ()::int AS total, ' : ''}p.id, p.name, p.description, p.applicant,
         ${RECORD_SELECT('p')}, p.archived_at AS "archivedAt",
         json_build_object('id', o.id, 'username', o.username) AS owner,
         p.attributes || CASE WHEN p.width_m IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('widthM', p.width_m) END AS project,
         p.status, p.version, p.township, c.verdict, p.last_check_id AS "lastCheckId",
         (c.id IS NOT NULL AND c.project_version < p.site_version) AS "checkStale",
         ST_Area(p.geom::geography) AS "areaM2",
         (SELECT ARRAY[ST_X(s), ST_Y(s)] FROM ST_PointOnSurface(p.geom) s) AS centroid,
         CASE WHEN c.reason = 'layer_update' THEN json_build_object('checkId', c.id, 'verdictBefore', ${VERDICT_BEFORE_LAYER_UPDATE},
           'verdict', c.verdict, 'verdictChanged', ${VERDICT_CHANGED_BY_LAYER_UPDATE}) END AS "layerUpdate",
         ld.j AS "lastDecision",${withGeometry ? ' ST_AsGeoJSON(p.geom)::json AS geometry,' : ''}
         p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.submitted_at AS "submittedAt", p.decided_at AS "decidedAt"
    FROM projects p
    JOIN users o ON o.id = p.owner_id
    LEFT JOIN check_runs c ON c.id = p.last_check_id
    LEFT JOIN LATERAL (
      SELECT json_build_object('decision', d.decision, 'comment', d.comment, 'reviewer', u.username,
                               'at', ${ISO('d.created_at')}, 'checkId', d.check_id) AS j
        FROM decisions d JOIN users u ON u.id = d.reviewer_id
       WHERE d.project_id = p.id ORDER BY d.id DESC LIMIT 1) ld ON true`;

/**
 * Refuses a polygon that is not valid (self-intersection, …) with the reason and the location,
 * as issue 5 asks for saves: the check could repair it, but a stored draft should be what was meant.
 */
export async function assertStorableGeometry(db: Queryable, geometry: GeoJSON.Geometry): Promise<void> {
  const { rows } = await db.query<{ valid: boolean; reason: string | null; location: [number, number] | null }>(
    `SELECT (d).valid, (d).reason, CASE WHEN (d).location IS NULL THEN NULL ELSE ARRAY[ST_X((d).location), ST_Y((d).location)] END AS location
       FROM (SELECT ST_IsValidDetail(${GEOM_FROM_JSON('$1')}) AS d) x`,
    [JSON.stringify(geometry)],
  );
  const { valid, reason, location } = rows[0];
  if (!valid) {
    const at = location ? ` [${location[0].toFixed(6)}, ${location[1].toFixed(6)}]` : '';
    throw unprocessable(
      'INVALID_SITE_GEOMETRY',
      `选址几何无效（${reason ?? '未知原因'}）${at ? `，位置${at}` : ''}，请修正后再保存`,
      `The site geometry is invalid (${reason ?? 'unknown reason'})${at ? ` at${at}` : ''}; fix it before saving`,
      { reason, location },
    );
  }
}

const attributesOf = ({ widthM, ...rest }: ProjectAttributes) => ({ attributes: rest, widthM: widthM ?? null });

/** Inserts a draft owned by `ownerId`; returns its id. */
export async function insertProject(db: Queryable, ownerId: number, input: NewProject): Promise<number> {
  const { attributes, widthM } = attributesOf(input.project);
  const columns = Object.values(RECORD_TEXT_COLUMNS);
  const { rows } = await db.query<{ id: number }>(
    `WITH g AS (SELECT ${GEOM_FROM_JSON('$1')} AS geom)
     INSERT INTO projects (name, description, applicant, owner_id, attributes, width_m, geom, township, investment_wan, ${columns.join(', ')})
     SELECT $2, $3, $4, $5, $6, $7, g.geom, ${TOWNSHIP_OF('g.geom')}, $8, ${columns.map((_, i) => `$${i + 9}`).join(', ')} FROM g
     RETURNING id`,
    [
      JSON.stringify(input.geometry), input.name, input.description, input.applicant, ownerId, JSON.stringify(attributes), widthM,
      input.investmentWan ?? null, ...RECORD_TEXT_FIELDS.map((f) => input[f] ?? null),
    ],
  );
  return rows[0].id;
}

export const projectNotFound = (id: number | string) => notFound('UNKNOWN_PROJECT', `项目不存在：${id}`, `No such project: ${id}`);

export async function getProject(db: Queryable, id: number, { withGeometry = false } = {}): Promise<ProjectView> {
  const { rows } = await db.query<ProjectView>(
    `${projectSelect({ withGeometry })} WHERE p.id = $1`,
    [id],
  );
  if (!rows[0]) throw projectNotFound(id);
  return rows[0];
}

/** Who owns a project — a plain read, no lock and no geometry: enough to decide who may add to it. */
export async function projectOwner(db: Queryable, id: number): Promise<{ ownerId: number }> {
  const { rows } = await db.query<{ ownerId: number }>('SELECT owner_id AS "ownerId" FROM projects WHERE id = $1', [id]);
  if (!rows[0]) throw projectNotFound(id);
  return rows[0];
}

/** The workflow facts of a project, row-locked until the transaction ends (FOR UPDATE). */
export interface LockedProject extends ProjectRecord {
  id: number;
  archivedAt: Date | null;
  ownerId: number;
  status: ProjectStatus;
  version: number;
  lastCheckId: number | null;
  name: string;
  description: string | null;
  applicant: string | null;
  project: ProjectAttributes;
  geometry: GeoJSON.Geometry;
}

export async function lockProject(db: Queryable, id: number): Promise<LockedProject> {
  const { rows } = await db.query<LockedProject>(
    `SELECT p.id, owner_id AS "ownerId", status, version, last_check_id AS "lastCheckId", name, description, applicant,
            ${RECORD_SELECT('p')}, archived_at AS "archivedAt",
            attributes || CASE WHEN width_m IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('widthM', width_m) END AS project,
            ST_AsGeoJSON(geom)::json AS geometry
       FROM projects p WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!rows[0]) throw projectNotFound(id);
  return rows[0];
}

/** Applies a validated change to a locked project and increments its version. */
export async function updateProjectRow(db: Queryable, current: LockedProject, change: ProjectChange): Promise<void> {
  const project = change.project ? attributesOf(change.project) : attributesOf(current.project);
  const columns = Object.values(RECORD_TEXT_COLUMNS);
  await db.query(
    `WITH g AS (SELECT COALESCE(${GEOM_FROM_JSON('$2::text')}, (SELECT geom FROM projects WHERE id = $1)) AS geom)
     UPDATE projects p SET name = $3, description = $4, applicant = $5, attributes = $6, width_m = $7,
            geom = g.geom, township = CASE WHEN $2::text IS NULL THEN p.township ELSE ${TOWNSHIP_OF('g.geom')} END,
            investment_wan = $8, ${columns.map((c, i) => `${c} = $${i + 9}`).join(', ')},
            version = p.version + 1, updated_at = now()
       FROM g WHERE p.id = $1`,
    [
      current.id,
      change.geometry ? JSON.stringify(change.geometry) : null,
      change.name ?? current.name,
      change.description === undefined ? current.description : change.description,
      change.applicant === undefined ? current.applicant : change.applicant,
      JSON.stringify(project.attributes),
      project.widthM,
      change.investmentWan === undefined ? current.investmentWan : change.investmentWan,
      ...RECORD_TEXT_FIELDS.map((f) => (change[f] === undefined ? current[f] : change[f])),
    ],
  );
}

/** Names of the fields a change really alters (for the audit detail). */
export function changedFields(current: LockedProject, change: ProjectChange): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const fields: string[] = [];
  if (change.name !== undefined && change.name !== current.name) fields.push('name');
  if (change.description !== undefined && change.description !== current.description) fields.push('description');
  if (change.applicant !== undefined && change.applicant !== current.applicant) fields.push('applicant');
  for (const f of [...RECORD_TEXT_FIELDS, 'investmentWan'] as const) if (change[f] !== undefined && change[f] !== current[f]) fields.push(f);
  if (change.geometry !== undefined && !same(change.geometry, current.geometry)) fields.push('geometry');
  if (change.project !== undefined) {
    const sorted = (p: object) => Object.fromEntries(Object.entries(p).sort(([a], [b]) => a.localeCompare(b)));
    if (!same(sorted(change.project), sorted(current.project))) fields.push('project');
  }
  return fields;
}
