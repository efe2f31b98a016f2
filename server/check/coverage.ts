import type { Queryable } from '../db/types.ts';

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

export const DEFAULT_COVERAGE: CoverageFilter = { layerId: 'admin_boundary', level: 'district' };

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

export interface SiteCoverage {
  layerId: string;
  level: string | null;
  /** Share of the site inside the coverage area. */
  insideAreaM2: number;
  outsideAreaM2: number;
  /** 'inside' | 'partial' | 'outside' (slivers along the edge ignored). */
  status: 'inside' | 'partial' | 'outside';
}

/** How much of the site (GeoJSON, EPSG:4326) lies outside the coverage area; null without one. */
export async function siteCoverage(db: Queryable, site: GeoJSON.Geometry, siteAreaM2: number, sliverM2: number): Promise<SiteCoverage | null> {
  const filter = await coverageFilter(db);
  if (!filter) return null;
  const { rows } = await db.query<{ outside: number }>(
    `WITH cov AS (SELECT ST_Union(f.geom) AS g FROM layers l JOIN features f ON f.layer_id = l.id AND f.version = l.current_version
                   WHERE l.id = $2 AND ($3::text IS NULL OR f.level = $3)),
          site AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g)
     SELECT CASE WHEN ST_CoveredBy(site.g, cov.g) THEN 0
                 ELSE COALESCE(ST_Area(ST_Difference(site.g, cov.g)::geography), 0) END AS outside
       FROM site, cov`,
    [JSON.stringify(site), filter.layerId, filter.level],
  );
  const outside = Math.min(siteAreaM2, Math.max(0, rows[0]?.outside ?? 0));
  const inside = Math.max(0, siteAreaM2 - outside);
  const status = outside <= sliverM2 ? 'inside' : inside <= sliverM2 ? 'outside' : 'partial';
  return { ...filter, insideAreaM2: inside, outsideAreaM2: outside, status };
}
