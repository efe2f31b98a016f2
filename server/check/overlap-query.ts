import type { Queryable } from '../db/types.ts';
import { STATEMENT_CUT_OFF } from '../db/sqlstates.ts';
import { distrustDatabase } from '../db/database.ts';
import { coverageOutsideSql, type CoverageAnswer } from './coverage.ts';

/** Overlaps thinner than this (m²) are slivers from digitising, not conflicts (rules.md §12). */
export const SLIVER_M2 = 1;

/**
 * Every overlay (intersection, union, difference) in the check runs with a fixed precision of 1e-9°
 * (≈ 0.1 mm): GEOS then uses snap-rounding, which cannot fail on nearly coincident edges — the
 * floating-point overlay can, and the embedded PGlite build mishandles such a GEOS error (an
 * empty result and a broken connection instead of an error).
 */
export const OVERLAY_GRID_DEG = 1e-9;

/**
 * SQL: the union (an aggregate) of the overlaps `g` of the rows where `where` holds; NULL when none.
 * One overlap is returned as it is: it already came out of a fixed-precision overlay (a part's
 * intersection with the site), and a union of it alone redid that work for nothing — a
 * cascaded union over its polygons, ≈ 5 ms for a line that enters and leaves a zone 34 times.
 */
export function dissolvedSql(g: string, where: string): string {
  const only = `FILTER (WHERE ${where})`;
  return `CASE WHEN count(*) ${only} = 1 THEN (array_agg(${g}) ${only})[1] ELSE ST_UnaryUnion(ST_Collect(${g}) ${only}, ${OVERLAY_GRID_DEG}) END`;
}

export interface FeatureFact {
  id: string;
  name: string | null;
  level: string | null;
  /** The English name from the feature's properties, if any (the rest of them stays in the database). */
  nameEn: string | null;
  overlapAreaM2: number;
  intersects: boolean;
  distanceM: number;
  /**
   * The feature's overlap with the site as hex EWKB, exact (not rounded as GeoJSON), for the
   * avoidance and reroute queries; never sent to clients. The pieces its subdivided parts gave,
   * collected, not dissolved (adjacent pieces share edges: union them before any overlay). Only
   * for the kinds asked (exactOverlapKinds): null otherwise and when none.
   */
  overlapPiecesWkb: string | null;
}

export interface LayerFact {
  layerId: string;
  kind: string;
  version: number;
  geometryType: string;
  /** The layer's levels in catalog order, strictest first (ties between levels follow it). */
  levels: string[];
  /** Area of site ∩ union(features): overlapping features are not counted twice. */
  overlapAreaM2: number;
  minDistanceM: number;
  overlap: GeoJSON.Geometry | null;
  /** `overlap` as hex EWKB, exact, as the features' (only for exactOverlapKinds); null when none. */
  overlapWkb: string | null;
  features: FeatureFact[];
}

export interface SiteFacts {
  /** The site as checked: input repaired if needed, points and lines buffered. */
  site: GeoJSON.Geometry;
  /**
   * The same as hex EWKB, exact: the avoidance query starts from this, not from the GeoJSON rounded
   * to 1e-7°. Null when no layer of exactOverlapKinds overlaps the site (no avoidance to compute).
   */
  siteWkb: string | null;
  siteAreaM2: number;
  /** Geodesic length of the line parts of the input (m); null when it has none. */
  siteLengthM: number | null;
  centroid: [number, number];
  inputValid: boolean;
  invalidReason: string | null;
  invalidLocation: [number, number] | null;
  layers: LayerFact[];
  /** Checked layers with their current versions (all of them, also those not near the site). */
  versions: { layerId: string; kind: string; version: number }[];
  /** How much of the site lies outside the coverage area (coverage.ts); null without one. */
  coverage: CoverageAnswer | null;
}

/**
 * The whole geometric part of a check in ONE round trip:
 *  - the site: input made valid, points and lines buffered on the ellipsoid by half the impact width;
 *  - candidates from the ST_Subdivide'd parts of every checked layer's current version, by index
 *    (bounding box grown by the screening distance), then exact geodesic distance;
 *  - per feature the overlap area (sum over its parts: subdivided parts do not overlap) and distance;
 *  - per layer the area of the site ∩ the union of its features and the overlap geometry (the
 *    union of its parts' overlaps).
 * Parameters: $1 site GeoJSON, $2 point footprint width (m), $3 line footprint width (m),
 * $4 screening distance (m), $5/$6 the screening distance in degrees of longitude/latitude, $7 the
 * layer kinds whose overlaps also come back as exact hex EWKB (with the site). Also how much of
 * the site lies outside the coverage area (coverage.ts).
 */
const OVERLAP_SQL = `
WITH input AS (
  SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g
), validity AS (
  SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason,
         (SELECT location FROM ST_IsValidDetail(g)) AS location, ST_MakeValid(g) AS fixed
    FROM input
), pieces AS (
  SELECT CASE ST_Dimension(d.geom)
           WHEN 2 THEN d.geom
           WHEN 1 THEN ST_Buffer(d.geom::geography, $3::float8 / 2, 'endcap=flat join=round')::geometry
           ELSE ST_Buffer(d.geom::geography, $2::float8 / 2)::geometry
         END AS geom
    FROM validity, ST_Dump(fixed) d
   WHERE NOT ST_IsEmpty(d.geom)
), site AS (
  SELECT ST_MakeValid(ST_Union(geom, ${OVERLAY_GRID_DEG})) AS geom FROM pieces
), site_facts AS (
  SELECT geom, ST_Area(geom::geography) AS area_m2,
         ST_Expand(geom, $5::float8, $6::float8) AS screen,
         -- The site grown by the screening distance, as a prefilter that is cheap to test (prepared
         -- once, then ST_Intersects per part): only parts really that near get a geodesic distance.
         -- ST_Buffer(geography) buffers in the UTM zone PostGIS picks for a site narrower than 6°
         -- (scale error < 0.6 %, covered by the +1 % +1 m); wider sites would get a projection with
         -- more distortion, so they go without it (the screening box alone, slower, same answer).
         -- A site given as lines: the lines grown by the screening distance plus half the width
         -- contain the corridor grown by the screening distance, and buffer from a third of its
         -- vertices (≈ 0.5 ms of a long line's check); the 1 % covers the width as well.
         CASE WHEN ST_XMax(geom) - ST_XMin(geom) >= 6 THEN NULL
              WHEN (SELECT ST_Dimension(fixed) FROM validity) = 1
              THEN ST_Buffer((SELECT fixed FROM validity)::geography, ($4::float8 + $3::float8 / 2) * 1.01 + 1)::geometry
              ELSE ST_Buffer(geom::geography, $4::float8 * 1.01 + 1)::geometry END AS near_zone
    FROM site
), checked AS (
  SELECT id, kind, current_version AS version, geometry_type, levels FROM layers WHERE checked AND current_version IS NOT NULL
), candidates AS MATERIALIZED (
  SELECT p.feature_id, p.layer_id, p.geom, ST_Intersects(p.geom, s.geom) AS hit
    FROM site_facts s
    JOIN feature_parts p ON p.geom && s.screen AND (s.near_zone IS NULL OR ST_Intersects(p.geom, s.near_zone))
    JOIN checked c ON c.id = p.layer_id AND c.version = p.version
), part_facts AS MATERIALIZED (
  -- MATERIALIZED: inlined, this CTE's ST_Intersection was repeated in every aggregate below.
  SELECT p.feature_id, p.layer_id,
         CASE WHEN p.hit THEN ST_Intersection(p.geom, s.geom, ${OVERLAY_GRID_DEG}) END AS inter,
         -- 0 when touching or overlapping; none when another part of the same feature meets the site
         -- (the feature is at 0 whatever this part's distance: a line across a large subdivided zone
         -- passes dozens of its parts); otherwise the geodesic distance to the part of the site
         -- within the part's box grown by the screening distance: the nearest point, if it is within
         -- that distance, lies there, and a long line site is cut down to a few vertices.
         CASE WHEN p.hit THEN 0
              WHEN p.feature_id IN (SELECT feature_id FROM candidates WHERE hit) THEN NULL
              ELSE ST_Distance(p.geom::geography, ST_ClipByBox2D(s.geom, ST_Expand(p.geom::box2d, $5::float8, $6::float8))::geography)
         END AS distance_m
    FROM site_facts s, candidates p
), near_parts AS (
  SELECT * FROM part_facts WHERE distance_m <= $4::float8
), feature_facts AS (
  SELECT f.id AS fid, f.layer_id, f.feature_key, f.name, f.level, f.properties->>'nameEn' AS name_en,
         COALESCE(SUM(ST_Area(ST_CollectionExtract(np.inter, 3)::geography)) FILTER (WHERE np.inter IS NOT NULL), 0) AS overlap_m2,
         bool_or(np.inter IS NOT NULL) AS intersects,
         MIN(np.distance_m) AS distance_m,
         -- The feature's overlap as the pieces its parts gave, not dissolved: only avoidance and
         -- reroute read it, when a layer prohibits in some of its features only, and they union
         -- it then. Dissolving every feature here took 0.7–1.5 ms of a long line's check.
         ST_Collect(ST_CollectionExtract(np.inter, 3)) FILTER (WHERE np.inter IS NOT NULL) AS overlap_pieces
    FROM near_parts np JOIN features f ON f.id = np.feature_id
   GROUP BY f.id
), layer_overlaps AS (
  -- A layer's overlap dissolved from its parts' overlaps at once (one cascaded union, not a union
  -- per feature and another of those).
  SELECT layer_id, ${dissolvedSql('ST_CollectionExtract(np.inter, 3)', 'np.inter IS NOT NULL')} AS overlap_geom
    FROM near_parts np
   GROUP BY layer_id
), layer_facts AS (
  SELECT ff.layer_id, c.kind, c.version, c.geometry_type, c.levels,
         (SELECT lo.overlap_geom FROM layer_overlaps lo WHERE lo.layer_id = ff.layer_id) AS overlap_geom,
         MIN(ff.distance_m) AS min_distance_m,
         json_agg(json_build_object(
           'id', ff.feature_key, 'name', ff.name, 'nameEn', ff.name_en, 'level', ff.level,
           'overlapAreaM2', ff.overlap_m2, 'intersects', ff.intersects, 'distanceM', ff.distance_m,
           'overlapPiecesWkb', CASE WHEN c.kind = ANY($7::text[]) AND ff.overlap_pieces IS NOT NULL AND NOT ST_IsEmpty(ff.overlap_pieces) THEN encode(ST_AsEWKB(ff.overlap_pieces), 'hex') END)
           ORDER BY ff.overlap_m2 DESC, ff.distance_m, ff.feature_key) AS features
    FROM feature_facts ff JOIN checked c ON c.id = ff.layer_id
   GROUP BY ff.layer_id, c.kind, c.version, c.geometry_type, c.levels
)
SELECT
  (SELECT ST_AsGeoJSON(geom, 7)::json FROM site_facts) AS site,
  (SELECT encode(ST_AsEWKB(geom), 'hex') FROM site_facts
    WHERE EXISTS (SELECT 1 FROM layer_facts WHERE kind = ANY($7::text[]) AND overlap_geom IS NOT NULL)) AS site_wkb,
  (SELECT area_m2 FROM site_facts) AS site_area_m2,
  (SELECT SUM(ST_Length(d.geom::geography)) FROM validity, ST_Dump(fixed) d WHERE ST_Dimension(d.geom) = 1) AS site_length_m,
  (SELECT json_build_array(ST_X(c), ST_Y(c)) FROM (SELECT ST_PointOnSurface(geom) c FROM site_facts) x) AS centroid,
  (SELECT valid FROM validity) AS input_valid,
  (SELECT reason FROM validity) AS invalid_reason,
  (SELECT json_build_array(ST_X(location), ST_Y(location)) FROM validity WHERE location IS NOT NULL) AS invalid_location,
  (SELECT json_agg(json_build_object('layerId', id, 'kind', kind, 'version', version) ORDER BY id) FROM checked) AS versions,
  (SELECT json_agg(json_build_object(
      'layerId', layer_id, 'kind', kind, 'version', version, 'geometryType', geometry_type, 'levels', levels,
      'overlapAreaM2', COALESCE(ST_Area(overlap_geom::geography), 0),
      'minDistanceM', min_distance_m,
      'overlap', CASE WHEN overlap_geom IS NOT NULL AND NOT ST_IsEmpty(overlap_geom) THEN ST_AsGeoJSON(overlap_geom, 7)::json END,
      'overlapWkb', CASE WHEN kind = ANY($7::text[]) AND overlap_geom IS NOT NULL AND NOT ST_IsEmpty(overlap_geom) THEN encode(ST_AsEWKB(overlap_geom), 'hex') END,
      'features', features) ORDER BY layer_id)
     FROM layer_facts) AS layers,
  -- Always, not under a CASE on a parameter: PostgreSQL then priced every custom plan below the
  -- generic one and planned the statement at every check (≈ 3.5 ms).
  ${coverageOutsideSql('(SELECT geom FROM site_facts)', SLIVER_M2, OVERLAY_GRID_DEG)} AS coverage`;

export async function querySiteFacts(
  db: Queryable,
  geometry: GeoJSON.Geometry,
  {
    pointWidthM,
    lineWidthM,
    bufferM,
    exactOverlapKinds = [],
  }: {
    pointWidthM: number;
    lineWidthM: number;
    bufferM: number;
    /** Layer kinds whose overlaps (and the site) come back exact as well (hex EWKB: ≈ 3× the answer's bytes on a long line). */
    exactOverlapKinds?: readonly string[];
  },
): Promise<SiteFacts> {
  // Degrees that surely cover bufferM at any latitude up to 60° (the screening box is a prefilter only).
  const dLat = bufferM / 110_574 + 1e-6;
  const dLon = bufferM / (111_320 * Math.cos((60 * Math.PI) / 180)) + 1e-6;
  // Named: each connection parses and plans the statement once and then only binds the site
  // (planning alone took ≈ 3.5 ms of a median 11 ms check on the embedded database).
  const { rows } = await db.query({
    name: 'check-site-facts',
    text: OVERLAP_SQL,
    values: [JSON.stringify(geometry), pointWidthM, lineWidthM, bufferM, dLon, dLat, exactOverlapKinds],
  });
  const r = rows[0];
  // The statement always answers one row; none means the database lost it (embedded: see
  // pglite-sync-ready.ts): the same failure as a statement cut off, not a TypeError and a 500.
  if (!r) {
    distrustDatabase(db, 'the overlap query returned no row');
    throw Object.assign(new Error('the overlap query returned no row'), { code: STATEMENT_CUT_OFF });
  }
  return {
    site: r.site,
    siteWkb: r.site_wkb,
    siteAreaM2: Number(r.site_area_m2 ?? 0),
    siteLengthM: r.site_length_m === null || r.site_length_m === undefined ? null : Number(r.site_length_m),
    centroid: r.centroid,
    inputValid: r.input_valid,
    invalidReason: r.input_valid ? null : r.invalid_reason,
    invalidLocation: r.invalid_location,
    layers: r.layers ?? [],
    versions: r.versions ?? [],
    coverage: r.coverage ?? null,
  };
}
