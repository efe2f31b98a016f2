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
 * How much of the site (GeoJSON, EPSG:4326) lies outside the coverage area; null without one. One
 * round trip: the setting, the area and the difference.
 */
export async function siteCoverage(db: Queryable, site: GeoJSON.Geometry, siteAreaM2: number, sliverM2: number): Promise<SiteCoverage | null> {
  // Named, as the overlap query: planned once per connection, not with every check.
  const { rows } = await db.query<{ layer_id: string; level: string | null; outside: number }>({
    name: 'check-coverage',
    text: `WITH setting AS (
       SELECT COALESCE(s.value->>'layerId', $2) AS layer_id, CASE WHEN s.value IS NULL THEN $3 ELSE s.value->>'level' END AS level
         FROM (SELECT NULL) x LEFT JOIN app_settings s ON s.key = 'coverage'
     ), cov AS (
       SELECT st.layer_id, st.level, ST_Union(f.geom) AS g
         FROM setting st JOIN layers l ON l.id = st.layer_id
         JOIN features f ON f.layer_id = l.id AND f.version = l.current_version AND (st.level IS NULL OR f.level = st.level)
        GROUP BY st.layer_id, st.level
     ), site AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g)
     SELECT cov.layer_id, cov.level,
            CASE WHEN ST_CoveredBy(site.g, cov.g) THEN 0 ELSE COALESCE(ST_Area(ST_Difference(site.g, cov.g)::geography), 0) END AS outside
       FROM cov, site`,
    values: [JSON.stringify(site), DEFAULT_COVERAGE.layerId, DEFAULT_COVERAGE.level],
  });
  if (!rows[0]) return null;
  const outside = Math.min(siteAreaM2, Math.max(0, rows[0].outside));
  const inside = Math.max(0, siteAreaM2 - outside);
  const status = outside <= sliverM2 ? 'inside' : inside <= sliverM2 ? 'outside' : 'partial';
  return { layerId: rows[0].layer_id, level: rows[0].level, insideAreaM2: inside, outsideAreaM2: outside, status };
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

/** The part of the site inside the coverage area, as GeoJSON (EPSG:4326). */
export async function coveredPart(db: Queryable, site: GeoJSON.Geometry, filter: CoverageFilter): Promise<GeoJSON.Geometry> {
  const { rows } = await db.query<{ g: string }>(
    `WITH cov AS (SELECT ST_Union(f.geom) AS g FROM layers l JOIN features f ON f.layer_id = l.id AND f.version = l.current_version
                   WHERE l.id = $2 AND ($3::text IS NULL OR f.level = $3))
     SELECT ST_AsGeoJSON(ST_CollectionExtract(ST_Intersection(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), cov.g), 3), 9) AS g FROM cov`,
    [JSON.stringify(site), filter.layerId, filter.level],
  );
  return JSON.parse(rows[0].g) as GeoJSON.Geometry;
}
