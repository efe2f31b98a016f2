/**
 * Changes to the engine's SQL (server/check/overlap-query.ts), applied as exact text replacements
 * to the statement querySiteFacts sends, so that `bench/profile.ts` can time them on the same data
 * and check that they give the same answers. Most variants UNDO one of the engine's optimisations,
 * to show what each is worth; the rest are candidates that were tried and not (yet) adopted. A
 * variant whose anchor text is no longer in the engine's SQL reports itself as not applicable
 * instead of silently timing the original.
 */
import { dissolvedSql } from '../server/check/overlap-query.ts';

export interface SqlVariant {
  name: string;
  why: string;
  /** Session settings around the statement (SET … before, RESET ALL after). */
  settings?: string[];
  replacements?: [from: string | RegExp, to: string][];
}

const NEAR_ZONE_JOIN = ' AND (s.near_zone IS NULL OR ST_Intersects(p.geom, s.near_zone))';
const CLIPPED_DISTANCE =
  /CASE WHEN p\.hit THEN 0\s+(?:WHEN p\.feature_id IN \(SELECT feature_id FROM candidates WHERE hit\) THEN NULL\s+)?ELSE ST_Distance\(p\.geom::geography, ST_ClipByBox2D\(s\.geom, ST_Expand\(p\.geom::box2d, \$5::float8, \$6::float8\)\)::geography\)\s+END AS distance_m/;
/** The distance of a part whose feature meets the site elsewhere: skipped (NULL) by the engine. */
const SKIPPED_DISTANCE = /WHEN p\.feature_id IN \(SELECT feature_id FROM candidates WHERE hit\) THEN NULL\s+/;
const MATERIALIZED = 'part_facts AS MATERIALIZED (';
/** A hit part's overlay with the site, on the grid. */
const PART_OVERLAY = 'THEN ST_Intersection(p.geom, s.geom, 1e-9) END AS inter';
/** The site grown by the screening distance (the near-zone prefilter). */
const NEAR_ZONE_BUFFER = 'ST_Buffer(geom::geography, $4::float8 * 1.01 + 1)::geometry';
/** A line site's near zone: its lines grown by the screening distance plus half the width. */
const LINE_NEAR_ZONE = 'WHEN (SELECT ST_Dimension(fixed) FROM validity) = 1';
/** The union of a layer's part overlaps, up to its grid argument. */
const PARTS_UNION_CALL = 'ST_UnaryUnion(ST_Collect(ST_CollectionExtract(np.inter, 3)) FILTER (WHERE np.inter IS NOT NULL)';
/** The union of a layer's part overlaps (dissolvedSql), the only union of the overlap query since session 13. */
const PARTS_UNION = /CASE WHEN count\(\*\) FILTER \(WHERE np\.inter IS NOT NULL\) = 1 THEN .*? END AS overlap_geom/;
/** A feature's part overlaps, collected for avoidance and reroute (not dissolved). */
const FEATURE_PIECES = 'ST_Collect(ST_CollectionExtract(np.inter, 3)) FILTER (WHERE np.inter IS NOT NULL) AS overlap_pieces';
const LAYER_OVERLAP_FROM_PARTS = '(SELECT lo.overlap_geom FROM layer_overlaps lo WHERE lo.layer_id = ff.layer_id) AS overlap_geom';

const withoutNearZone: [RegExp | string, string][] = [[NEAR_ZONE_JOIN, '']];
const withoutClippedDistance: [RegExp | string, string][] = [[CLIPPED_DISTANCE, 'CASE WHEN p.hit THEN 0 ELSE ST_Distance(p.geom::geography, s.geom::geography) END AS distance_m']];
const everyPartDistance: [RegExp | string, string][] = [[SKIPPED_DISTANCE, '']];
const notMaterialized: [RegExp | string, string][] = [[MATERIALIZED, 'part_facts AS (']];

export const SQL_VARIANTS: SqlVariant[] = [
  { name: 'engine', why: 'the SQL as the engine sends it (jit = off, as the server sets it)' },
  {
    name: 'jit-on',
    why: 'SET jit = on (the PostgreSQL default; no effect in PGlite, built without LLVM): the plan cost (≈ 100,000, mostly ST_Union) crosses jit_above_cost, so PostgreSQL compiles the statement with LLVM on every check',
    settings: ['SET jit = on'],
  },
  {
    name: 'no-near-zone',
    why: 'without the prefilter by the site buffered once by the screening distance: every part in the screening box gets a geodesic distance (a long diagonal line has a large box)',
    replacements: withoutNearZone,
  },
  {
    name: 'no-clipped-distance',
    why: 'geodesic distance from every part to the whole site (also for intersecting parts), not 0 / distance to the site clipped to the part box grown by the screening distance',
    replacements: withoutClippedDistance,
  },
  {
    name: 'every-part-distance',
    why: 'a geodesic distance for every part that does not meet the site, also when another part of its feature does (the feature is at 0 anyway): a line across a large zone passes dozens of its parts',
    replacements: everyPartDistance,
  },
  {
    name: 'not-materialized',
    why: 'part_facts inlined: PostgreSQL then repeats its CASE … ST_Intersection in every aggregate of feature_facts (SUM, bool_or, ST_Union and their FILTERs), so each overlay runs several times',
    replacements: notMaterialized,
  },
  {
    name: 'before',
    why: 'the engine before the profile (session 1): none of the three changes above',
    replacements: [...withoutNearZone, ...everyPartDistance, ...withoutClippedDistance, ...notMaterialized],
  },
  {
    name: 'clipped-overlay',
    why: 'candidate: the site clipped to the part box (grown by 1e-6°) before the overlay; a long line site has hundreds of vertices, a part at most 256',
    replacements: [[PART_OVERLAY, 'THEN ST_Intersection(p.geom, ST_ClipByBox2D(s.geom, ST_Expand(p.geom::box2d, 1e-6)), 1e-9) END AS inter']],
  },
  {
    name: 'coarse-near-zone',
    why: 'candidate: the near-zone prefilter buffered with 2 segments per quarter circle (chords lie at ≥ cos(22.5°) of the radius, so the radius grows by 1.1 to stay a superset): fewer vertices to buffer, project and test',
    replacements: [[LINE_NEAR_ZONE, 'WHEN false'], [NEAR_ZONE_BUFFER, "ST_Buffer(geom::geography, $4::float8 * 1.1 + 1, 'quad_segs=2')::geometry"]],
  },
  {
    name: 'corridor-near-zone',
    why: 'the near zone of a line site as it was before session 13: the corridor (three times the line\'s vertices) grown by the screening distance',
    replacements: [[LINE_NEAR_ZONE, 'WHEN false']],
  },
  {
    name: 'cost-of-distance',
    why: 'attribution, wrong answers: every distance 0 — what the geodesic distances cost',
    replacements: [[CLIPPED_DISTANCE, '0::float8 AS distance_m']],
  },
  {
    name: 'cost-of-overlay',
    why: 'attribution, wrong answers: no overlay — what the intersections cost',
    replacements: [[PART_OVERLAY, 'THEN NULL::geometry END AS inter']],
  },
  {
    name: 'floating-overlay',
    why: 'candidate: the part overlays without a grid (GEOS OverlayNGRobust: floating point, falling back to snapping and snap-rounding itself); the unions keep the grid',
    replacements: [[PART_OVERLAY, 'THEN ST_Intersection(p.geom, s.geom) END AS inter']],
  },
  {
    name: 'union-of-one',
    why: 'the ST_Union aggregate as it was (session 7): a layer with one overlapping part is unioned alone — a cascaded union over its polygons that changes nothing',
    replacements: [
      [PARTS_UNION, 'ST_Union(ST_CollectionExtract(np.inter, 3), 1e-9) FILTER (WHERE np.inter IS NOT NULL) AS overlap_geom'],
    ],
  },
  {
    name: 'cost-of-site-union',
    why: 'attribution, wrong answers for multi-piece sites: the site is its pieces collected, not unioned on the grid and made valid',
    replacements: [['ST_MakeValid(ST_Union(geom, 1e-9)) AS geom FROM pieces', 'ST_Collect(geom) AS geom FROM pieces']],
  },
  {
    name: 'cost-of-near-zone-buffer',
    why: 'attribution, wrong answers: the near zone is the screening box (no geodesic buffer of the site)',
    replacements: [[LINE_NEAR_ZONE, 'WHEN false'], [NEAR_ZONE_BUFFER, 'ST_Expand(geom, $5::float8, $6::float8)']],
  },
  {
    name: 'cost-of-geojson',
    why: 'attribution, wrong answers: no GeoJSON nor EWKB of the overlaps and of the site',
    replacements: [
      ['THEN ST_AsGeoJSON(overlap_geom, 7)::json END', 'THEN NULL::json END'],
      ["THEN encode(ST_AsEWKB(overlap_geom), 'hex') END,\n      'features'", "THEN NULL END,\n      'features'"],
      ["THEN encode(ST_AsEWKB(ff.overlap_geom), 'hex') END)", 'THEN NULL END)'],
      ['(SELECT ST_AsGeoJSON(geom, 7)::json FROM site_facts) AS site', 'NULL::json AS site'],
    ],
  },
  {
    name: 'cost-of-areas',
    why: 'attribution, wrong answers: no ellipsoidal area of the parts overlaps and of the layers',
    replacements: [
      ['SUM(ST_Area(ST_CollectionExtract(np.inter, 3)::geography))', 'SUM(0::float8)'],
      ["'overlapAreaM2', COALESCE(ST_Area(overlap_geom::geography), 0)", "'overlapAreaM2', 0"],
    ],
  },
  {
    name: 'floating-union',
    why: 'candidate: the union of a layer\'s part overlaps without a grid (GEOS OverlayNGRobust: floating point, falling back to snap-rounding itself; tried per feature in session 12)',
    replacements: [[`${PARTS_UNION_CALL}, 1e-9)`, `${PARTS_UNION_CALL})`]],
  },
  {
    name: 'whole-site-distance',
    why: 'candidate: the distance of a part that does not meet the site measured to the whole site (the same geography on every row: PostGIS keeps a tree of it), not to the site clipped to the part box',
    replacements: [['ELSE ST_Distance(p.geom::geography, ST_ClipByBox2D(s.geom, ST_Expand(p.geom::box2d, $5::float8, $6::float8))::geography)', 'ELSE ST_Distance(p.geom::geography, s.geom::geography)']],
  },
  {
    name: 'feature-unions',
    why: 'the engine before session 13: every feature\'s part overlaps dissolved, then the layer\'s from those (two cascaded unions where one does)',
    replacements: [
      [FEATURE_PIECES, `${dissolvedSql('ST_CollectionExtract(np.inter, 3)', 'np.inter IS NOT NULL')} AS overlap_pieces`],
      [LAYER_OVERLAP_FROM_PARTS, `${dissolvedSql('ff.overlap_pieces', 'ff.overlap_pieces IS NOT NULL')} AS overlap_geom`],
    ],
  },
  {
    name: 'cost-of-unions',
    why: 'attribution, wrong answers: ST_Collect instead of the union of a layer\'s part overlaps — what dissolving the overlaps costs',
    replacements: [
      [PARTS_UNION, 'ST_CollectionExtract(ST_Collect(np.inter), 3) AS overlap_geom'],
    ],
  },
];

/** The statement with the variant's replacements, or null if an anchor is missing. */
export function applyVariant(variant: SqlVariant, sql: string): string | null {
  let out = sql;
  for (const [from, to] of variant.replacements ?? []) {
    if (typeof from === 'string' ? !out.includes(from) : !from.test(out)) return null;
    out = out.replace(from, () => to); // a function: `$5` in the replacement is SQL, not a regex group
  }
  return out;
}
