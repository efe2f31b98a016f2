/**
 * Candidate changes to the engine's SQL (server/check/overlap-query.ts), applied as exact text
 * replacements to the statement querySiteFacts sends, so that `bench/profile.ts` can time them on
 * the same data and check that they give the same answers. A variant whose anchor text is no longer
 * in the engine's SQL reports itself as not applicable instead of silently timing the original.
 */
export interface SqlVariant {
  name: string;
  why: string;
  /** Session settings around the statement (SET … before, RESET ALL after). */
  settings?: string[];
  replacements?: [from: string, to: string][];
}

const PART_JOIN = '    JOIN feature_parts p ON p.geom && s.screen\n';
const PART_DISTANCE = '         ST_Distance(p.geom::geography, s.geom::geography) AS distance_m\n';
const FEATURE_UNION = '         ST_Union(ST_CollectionExtract(np.inter, 3)) FILTER (WHERE np.inter IS NOT NULL) AS overlap_geom\n';

const variants: SqlVariant[] = [
  { name: 'engine', why: 'the SQL as the engine sends it' },
  {
    name: 'jit-off',
    why: 'SET jit = off: the plan cost (≈ 100,000, mostly ST_Union) crosses jit_above_cost, so PostgreSQL compiles the query with LLVM on every check',
    settings: ['SET jit = off'],
  },
  {
    name: 'planar-prefilter',
    why: 'candidates must also lie within the screening distance in planar degrees (ST_DWithin on geometry, cheap) before the geodesic distance is computed; the bbox of a long diagonal line holds many far parts',
    replacements: [[PART_JOIN, '    JOIN feature_parts p ON p.geom && s.screen AND ST_DWithin(p.geom, s.geom, $5::float8)\n']],
  },
  {
    name: 'zero-if-intersects',
    why: 'a part that intersects the site is at distance 0: skip its geodesic distance',
    replacements: [[PART_DISTANCE, '         CASE WHEN ST_Intersects(p.geom, s.geom) THEN 0 ELSE ST_Distance(p.geom::geography, s.geom::geography) END AS distance_m\n']],
  },
  {
    name: 'collect-per-feature',
    why: 'per feature ST_Collect the part overlaps instead of ST_Union: the layer-level ST_Union dissolves them anyway, once',
    replacements: [[FEATURE_UNION, FEATURE_UNION.replace('ST_Union(', 'ST_Collect(')]],
  },
];

/** All three SQL changes together, with and without JIT. */
const combined: SqlVariant = {
  name: 'combined',
  why: 'planar-prefilter + zero-if-intersects + collect-per-feature',
  replacements: variants.flatMap((v) => v.replacements ?? []),
};
variants.push(combined, { ...combined, name: 'combined+jit-off', why: `${combined.why}, jit = off`, settings: ['SET jit = off'] });

export const SQL_VARIANTS = variants;

/** The statement with the variant's replacements, or null if an anchor is missing. */
export function applyVariant(variant: SqlVariant, sql: string): string | null {
  let out = sql;
  for (const [from, to] of variant.replacements ?? []) {
    if (!out.includes(from)) return null;
    out = out.replace(from, to);
  }
  return out;
}
