import type { ValidationIssue, ValidationReport } from '../../common/api/admin.ts';
import type { Queryable } from '../db/types.ts';
import { coverageFilter } from '../check/coverage.ts';

/**
 * The validation report of a staged layer version, computed in PostGIS on the temporary table
 * `staging` (see publish.ts): per feature its id, a reason and a location. Errors block the
 * publish; warnings do not.
 *
 *  errors:   INVALID_GEOMETRY (ST_IsValidDetail; repaired with repair: true), EMPTY_GEOMETRY,
 *            WRONG_GEOMETRY_TYPE, and from the mapping UNMAPPED_LEVEL, DUPLICATE_ID
 *  warnings: DUPLICATE_GEOMETRY, OVERLAP (kinds whose features must not overlap), SLIVER,
 *            OUTSIDE_COVERAGE, REPAIRED
 */

/** Kinds whose features partition their area: two of them overlapping is a digitising error. */
export const NON_OVERLAPPING_KINDS = new Set(['eco_redline', 'basic_farmland', 'urban_boundary', 'control_unit', 'water_source', 'nature_reserve']);
/** An overlap or a polygon smaller than this (m²) is a sliver. */
const SLIVER_AREA_M2 = 1;
/** Thin polygons: isoperimetric ratio 4πA/P² below this, and smaller than SLIVER_THIN_MAX_M2. */
const SLIVER_RATIO = 0.005;
const SLIVER_THIN_MAX_M2 = 1000;
/** Findings listed per code; the counts give the rest. */
const MAX_LISTED = 200;

const round = (n: number, digits = 6) => Math.round(n * 10 ** digits) / 10 ** digits;
const loc = (x: number | null, y: number | null): [number, number] | undefined =>
  x === null || y === null ? undefined : [round(x), round(y)];

export class ReportBuilder {
  readonly errors: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];
  readonly counts: Record<string, number> = {};
  repaired?: ValidationReport['repaired'];

  add(kind: 'error' | 'warning', issue: ValidationIssue, count = 1): void {
    const n = this.counts[issue.code] ?? 0;
    this.counts[issue.code] = n + count;
    if (n < MAX_LISTED) (kind === 'error' ? this.errors : this.warnings).push(issue);
  }

  report(): ValidationReport {
    return { errors: this.errors, warnings: this.warnings, counts: this.counts, ...(this.repaired ? { repaired: this.repaired } : {}) };
  }
}

/** Dimension a layer's geometry type expects: 2 polygons, 1 lines, 0 points. */
export const dimensionOf = (geometryType: string) => (/Polygon/i.test(geometryType) ? 2 : /Line/i.test(geometryType) ? 1 : 0);

export async function reportInvalid(db: Queryable, report: ReportBuilder): Promise<number> {
  const { rows } = await db.query<{ key: string; reason: string; x: number | null; y: number | null }>(
    `SELECT key, (d).reason, ST_X((d).location) AS x, ST_Y((d).location) AS y
       FROM (SELECT idx, key, ST_IsValidDetail(geom) AS d FROM staging WHERE geom IS NOT NULL) s
      WHERE NOT (d).valid ORDER BY idx`,
  );
  for (const r of rows)
    report.add('error', {
      code: 'INVALID_GEOMETRY',
      id: r.key,
      message: { zh: `要素 ${r.key} 几何无效：${r.reason}（可选择自动修复 ST_MakeValid）`, en: `Feature ${r.key} has an invalid geometry: ${r.reason} (repair with ST_MakeValid is available)` },
      location: loc(r.x, r.y),
    });
  return rows.length;
}

/**
 * ST_MakeValid on every invalid feature, keeping only the parts of the layer's dimension; lists
 * each change with the reason and the area before and after.
 */
export async function repairInvalid(db: Queryable, dimension: number, report: ReportBuilder): Promise<void> {
  const type = dimension === 2 ? 3 : dimension === 1 ? 2 : 1;
  const { rows } = await db.query<{ key: string; reason: string; before: number; after: number; x: number | null; y: number | null }>(
    `WITH bad AS (
       SELECT idx, key, geom, ST_IsValidDetail(geom) AS d FROM staging WHERE geom IS NOT NULL AND NOT ST_IsValid(geom)
     ), fixed AS (
       UPDATE staging s SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(b.geom), $1))
         FROM bad b WHERE s.idx = b.idx
       RETURNING s.idx, s.geom AS after_geom
     )
     SELECT b.key, (b.d).reason, ST_X((b.d).location) AS x, ST_Y((b.d).location) AS y,
            COALESCE(ST_Area(b.geom::geography), 0) AS before, COALESCE(ST_Area(f.after_geom::geography), 0) AS after
       FROM bad b JOIN fixed f ON f.idx = b.idx ORDER BY b.idx`,
    [type],
  );
  report.repaired = rows.map((r) => ({ id: r.key, reason: r.reason, areaBeforeM2: round(r.before, 2), areaAfterM2: round(r.after, 2) }));
  for (const r of rows)
    report.add('warning', {
      code: 'REPAIRED',
      id: r.key,
      message: {
        zh: `要素 ${r.key} 已按 ST_MakeValid 修复（${r.reason}）：面积 ${r.before.toFixed(1)} → ${r.after.toFixed(1)} 平方米`,
        en: `Feature ${r.key} repaired with ST_MakeValid (${r.reason}): area ${r.before.toFixed(1)} → ${r.after.toFixed(1)} m²`,
      },
      location: loc(r.x, r.y),
      areaM2: round(r.after, 2),
    });
}

export async function reportEmptyAndType(db: Queryable, dimension: number, report: ReportBuilder): Promise<void> {
  const { rows } = await db.query<{ key: string; empty: boolean; dim: number | null; type: string | null }>(
    `SELECT key, geom IS NULL OR ST_IsEmpty(geom) AS empty, ST_Dimension(geom) AS dim, GeometryType(geom) AS type
       FROM staging WHERE geom IS NULL OR ST_IsEmpty(geom) OR ST_Dimension(geom) <> $1 ORDER BY idx`,
    [dimension],
  );
  for (const r of rows) {
    if (r.empty)
      report.add('error', { code: 'EMPTY_GEOMETRY', id: r.key, message: { zh: `要素 ${r.key} 没有几何（空几何）`, en: `Feature ${r.key} has no geometry (empty)` } });
    else
      report.add('error', {
        code: 'WRONG_GEOMETRY_TYPE',
        id: r.key,
        message: { zh: `要素 ${r.key} 的几何类型 ${r.type} 与图层类型不符`, en: `Feature ${r.key} is a ${r.type}, not of the layer's geometry type` },
      });
  }
}

export async function reportDuplicates(db: Queryable, report: ReportBuilder): Promise<void> {
  const { rows } = await db.query<{ keys: string[]; x: number; y: number }>(
    `SELECT array_agg(key ORDER BY idx) AS keys, ST_X(ST_PointOnSurface((array_agg(geom ORDER BY idx))[1])) AS x, ST_Y(ST_PointOnSurface((array_agg(geom ORDER BY idx))[1])) AS y
       FROM staging WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)
      GROUP BY md5(ST_AsEWKB(ST_Normalize(geom))) HAVING count(*) > 1`,
  );
  for (const r of rows)
    report.add('warning', {
      code: 'DUPLICATE_GEOMETRY',
      id: r.keys[0],
      ids: r.keys,
      message: { zh: `要素 ${r.keys.join('、')} 的几何完全相同`, en: `Features ${r.keys.join(', ')} have identical geometries` },
      location: loc(r.x, r.y),
    });
}

export async function reportOverlaps(db: Queryable, report: ReportBuilder): Promise<void> {
  const { rows } = await db.query<{ a: string; b: string; area: number; x: number | null; y: number | null }>(
    `SELECT a.key AS a, b.key AS b, ST_Area(i.g::geography) AS area, ST_X(ST_PointOnSurface(i.g)) AS x, ST_Y(ST_PointOnSurface(i.g)) AS y
       FROM staging a JOIN staging b ON a.idx < b.idx AND ST_Intersects(a.geom, b.geom)
       CROSS JOIN LATERAL (SELECT ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3) AS g) i
      WHERE ST_IsValid(a.geom) AND ST_IsValid(b.geom) AND ST_Dimension(a.geom) = 2 AND ST_Dimension(b.geom) = 2
        AND NOT ST_IsEmpty(i.g) AND md5(ST_AsEWKB(ST_Normalize(a.geom))) <> md5(ST_AsEWKB(ST_Normalize(b.geom)))
      ORDER BY a.idx, b.idx`,
  );
  for (const r of rows) {
    if (!(r.area > SLIVER_AREA_M2)) continue;
    report.add('warning', {
      code: 'OVERLAP',
      id: r.a,
      ids: [r.a, r.b],
      message: {
        zh: `要素 ${r.a} 与 ${r.b} 相互重叠 ${r.area.toFixed(1)} 平方米（该类图层的图斑不应重叠）`,
        en: `Features ${r.a} and ${r.b} overlap by ${r.area.toFixed(1)} m² (features of this kind must not overlap)`,
      },
      location: loc(r.x, r.y),
      areaM2: round(r.area, 2),
    });
  }
}

export async function reportSlivers(db: Queryable, report: ReportBuilder): Promise<void> {
  const { rows } = await db.query<{ key: string; area: number; x: number | null; y: number | null }>(
    `SELECT key, area, ST_X(p) AS x, ST_Y(p) AS y FROM (
       SELECT idx, key, ST_Area(geom::geography) AS area, ST_Perimeter(geom::geography) AS perimeter, ST_PointOnSurface(geom) AS p
         FROM staging WHERE geom IS NOT NULL AND ST_Dimension(geom) = 2 AND ST_IsValid(geom)) s
      WHERE area < $1 OR (area < $2 AND perimeter > 0 AND 4 * pi() * area / (perimeter * perimeter) < $3)
      ORDER BY idx`,
    [SLIVER_AREA_M2, SLIVER_THIN_MAX_M2, SLIVER_RATIO],
  );
  for (const r of rows)
    report.add('warning', {
      code: 'SLIVER',
      id: r.key,
      message: { zh: `要素 ${r.key} 是细碎图斑（${r.area.toFixed(2)} 平方米）`, en: `Feature ${r.key} is a sliver (${r.area.toFixed(2)} m²)` },
      location: loc(r.x, r.y),
      areaM2: round(r.area, 2),
    });
}

/** Features reaching outside the area the check covers: a warning (official data often crosses an edge). */
export async function reportOutsideCoverage(db: Queryable, report: ReportBuilder, excludeLayerId: string): Promise<void> {
  const coverage = await coverageFilter(db);
  if (!coverage || coverage.layerId === excludeLayerId) return;
  const { rows } = await db.query<{ key: string; outside: number; x: number | null; y: number | null }>(
    `WITH cov AS (SELECT ST_Union(f.geom) AS g FROM layers l JOIN features f ON f.layer_id = l.id AND f.version = l.current_version
                   WHERE l.id = $1 AND ($2::text IS NULL OR f.level = $2))
     SELECT key, ST_Area(d::geography) AS outside, ST_X(ST_PointOnSurface(d)) AS x, ST_Y(ST_PointOnSurface(d)) AS y
       FROM (SELECT s.idx, s.key, ST_CollectionExtract(ST_Difference(s.geom, cov.g), 3) AS d
               FROM staging s, cov
              WHERE cov.g IS NOT NULL AND s.geom IS NOT NULL AND ST_Dimension(s.geom) = 2 AND ST_IsValid(s.geom)
                AND NOT ST_CoveredBy(s.geom, cov.g)) x
      WHERE NOT ST_IsEmpty(d) ORDER BY idx`,
    [coverage.layerId, coverage.level],
  );
  for (const r of rows) {
    if (!(r.outside > SLIVER_AREA_M2)) continue;
    report.add('warning', {
      code: 'OUTSIDE_COVERAGE',
      id: r.key,
      message: {
        zh: `要素 ${r.key} 有 ${(r.outside / 10_000).toFixed(4)} 公顷位于核查覆盖范围之外`,
        en: `Feature ${r.key} has ${(r.outside / 10_000).toFixed(4)} ha outside the area the check covers`,
      },
      location: loc(r.x, r.y),
      areaM2: round(r.outside, 2),
    });
  }
}
