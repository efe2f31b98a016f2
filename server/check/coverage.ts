import type { Queryable } from '../db/types.ts';
import type { Bilingual } from '../http/errors.ts';
import type { SiteCoverage } from '../../common/api/check-result.ts';

/**
 * Where the check's data covers: the features of one layer (by default the district boundary,
 * admin_boundary at level 'district'), settable by an administrator (app_settings 'coverage').
 * Outside it the absence of a zone says nothing, so the check must not call a site clear there.
 */
export interface CoverageFilter {
  layerId: string;
  /** Only features of this level; null for all of the layer's features. */
  level: string | null;
}

const DEFAULT_COVERAGE: CoverageFilter = { layerId: 'admin_boundary', level: 'district' };

/** The coverage layer and level, or null when the layer holds no features (nothing to judge by). */
export async function coverageFilter(db: Queryable): Promise<CoverageFilter | null> {
  const { rows } = await db.query<{ value: { layerId?: string; level?: string | null } }>(`SELECT value FROM app_settings WHERE key = 'coverage'`);
  const setting = rows[0]?.value;
  const filter: CoverageFilter = setting?.layerId ? { layerId: setting.layerId, level: setting.level ?? null } : DEFAULT_COVERAGE;
  const { rows: present } = await db.query(
    `SELECT 1 FROM layers l JOIN features f ON f.layer_id = l.id AND f.version = l.current_version
      WHERE l.id = $1 AND ($2::text IS NULL OR f.level = $2) LIMIT 1`,
    [filter.layerId, filter.level],
  );
  return present.length ? filter : null;
}

export async function setCoverage(db: Queryable, filter: CoverageFilter): Promise<void> {
  await db.query(
    `INSERT INTO app_settings (key, value) VALUES ('coverage', $1) ON CONFLICT (key) DO UPDATE SET value = $1`,
    [JSON.stringify(filter)],
  );
}

export type { SiteCoverage };

/**
 * SQL: how much of the site (`site`, an expression in EPSG:4326) lies outside the coverage area, as
 * json {layerId, level, outside (m²), covered}: `covered` is the part of the site inside the area
 * (GeoJSON), given when more than `sliverM2` lies outside; no row without a coverage area. Part of
 * the overlap query (overlap-query.ts), which has the site exact at hand: one round trip less per
 * check, and the outside area and the covered part come from the same geometry. Both overlays on
 * the overlap query's grid (`gridDeg`): the covered part of a site shares its edge with the
 * district's, and a floating overlay of it again (the judged pass) failed inside PGlite, which
 * loses the GEOS error and cuts the statement off (a 花溪 parcel of 1 ha, half outside).
 */
export function coverageOutsideSql(site: string, sliverM2: number, gridDeg: number): string {
  const literal = (s: string | null) => (s === null ? 'NULL' : `'${s.replace(/'/g, "''")}'`);
  return `(WITH setting AS (
       SELECT COALESCE(s.value->>'layerId', ${literal(DEFAULT_COVERAGE.layerId)}) AS layer_id,
              CASE WHEN s.value IS NULL THEN ${literal(DEFAULT_COVERAGE.level)}::text ELSE s.value->>'level' END AS level
         FROM (SELECT NULL) x LEFT JOIN app_settings s ON s.key = 'coverage'
     ), cov AS (
       -- One feature (the district) is the area as it is: a union of it alone is a whole overlay for nothing.
       SELECT st.layer_id, st.level, CASE WHEN count(*) = 1 THEN (array_agg(f.geom))[1] ELSE ST_UnaryUnion(ST_Collect(f.geom)) END AS g
         FROM setting st JOIN layers l ON l.id = st.layer_id
         JOIN features f ON f.layer_id = l.id AND f.version = l.current_version AND (st.level IS NULL OR f.level = st.level)
        GROUP BY st.layer_id, st.level
     ), measured AS (
       SELECT cov.*, CASE WHEN ST_CoveredBy(${site}, cov.g) THEN 0
                        -- Disjoint: the whole site, exactly (the grid would move its area by a hair).
                        WHEN NOT ST_Intersects(${site}, cov.g) THEN ST_Area(${site}::geography)
                        ELSE COALESCE(ST_Area(ST_Difference(${site}, cov.g, ${gridDeg})::geography), 0) END AS outside FROM cov
     )
     SELECT json_build_object('layerId', layer_id, 'level', level, 'outside', outside,
              'covered', CASE WHEN outside > ${sliverM2} THEN ST_AsGeoJSON(ST_CollectionExtract(ST_Intersection(${site}, g, ${gridDeg}), 3), 9)::json END)
       FROM measured)`;
}

/** coverageOutsideSql's answer. */
export interface CoverageAnswer {
  layerId: string;
  level: string | null;
  outside: number;
  covered: GeoJSON.Geometry | null;
}

/** The coverage of a site from coverageOutsideSql's answer (null: no coverage area). */
export function siteCoverageOf(
  answer: CoverageAnswer | null,
  siteAreaM2: number,
  sliverM2: number,
): SiteCoverage | null {
  if (!answer) return null;
  const outside = Math.min(siteAreaM2, Math.max(0, answer.outside));
  const inside = Math.max(0, siteAreaM2 - outside);
  const status = outside <= sliverM2 ? 'inside' : inside <= sliverM2 ? 'outside' : 'partial';
  return { layerId: answer.layerId, level: answer.level, insideAreaM2: inside, outsideAreaM2: outside, status };
}

const ha = (m2: number) => (m2 / 10_000).toFixed(4);

/** The warning for a site not wholly inside the coverage area (both texts name the coverage). */
export function coverageWarning(c: SiteCoverage): Bilingual {
  if (c.status === 'outside')
    return {
      zh: '选址位于数据覆盖范围之外：该处没有管控数据，不能据此判断无冲突，请向当地主管部门核实',
      en: 'The site lies outside the area the data covers: there are no control data there, so no conflict cannot be concluded; verify with the local authority',
    };
  return {
    zh: `选址有 ${ha(c.outsideAreaM2)} 公顷位于数据覆盖范围之外，核查结论仅针对覆盖范围内的 ${ha(c.insideAreaM2)} 公顷`,
    en: `${ha(c.outsideAreaM2)} ha of the site lie outside the area the data covers; the verdict applies to the ${ha(c.insideAreaM2)} ha inside it`,
  };
}
