// Overlays snap to the check's grid (OverlayNG): the classic overlay can throw a GEOS TopologyException,
// which PostgreSQL answers as a 500 and the embedded PGlite swallows while losing its wire protocol's step.
import { OVERLAY_GRID_DEG } from '../check/overlap-query.ts';
import type pg from 'pg';
import type { ChangedFeature, LayerDiff } from '../../common/api/ledger.ts';
import { QUERY_CANCELED, withStatementTimeout } from '../db/database.ts';
import { serviceUnavailable } from '../http/errors.ts';
import { unknownLayer, unknownVersion } from './versions.ts';

/**
 * The difference between two versions of a layer, computed in PostGIS on the ellipsoid
 * (ST_Area(geography)). Features are paired by their mapped id (feature_key) — or, when the data
 * had no id, by geometry — and a pair whose geometries lie within the tolerance of each other
 * (discrete Hausdorff distance, so re-projection's millimetres do not count) is unchanged.
 *
 * Only the features that changed take part in the overlay: gained (调入) is the union of the
 * changed/added features of `to` minus every feature of `from` they meet, lost (调出) the reverse,
 * so an unchanged neighbour never counts and a province-scale layer with 1 % changed stays fast.
 * Per level the same with both sides restricted to that level: a re-levelled part leaves one level
 * and enters another while the layer's total does not move.
 */
const DEFAULT_TOLERANCE_M = 0.05;
/** Metres per degree of latitude, rounded up: a tolerance in degrees never exceeds the one asked for. */
const M_PER_DEG = 111_320;
const DIFF_TIMEOUT_MS = 120_000;

const EMPTY = `ST_GeomFromText('GEOMETRYCOLLECTION EMPTY', 4326)`;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Pairs keyed by id: FULL JOIN on feature_key. */
const PAIRS_BY_ID = `
  INSERT INTO diff_pairs (key, a_id, b_id, level_a, level_b, status)
  SELECT COALESCE(b.feature_key, a.feature_key) AS key, a.id AS a_id, b.id AS b_id, a.level AS level_a, b.level AS level_b,
         CASE WHEN a.id IS NULL THEN 'added' WHEN b.id IS NULL THEN 'removed'
              WHEN ST_OrderingEquals(a.geom, b.geom) THEN 'same'
              WHEN NOT (ST_Expand(box2d(a.geom), $4) ~ box2d(b.geom) AND ST_Expand(box2d(b.geom), $4) ~ box2d(a.geom)) THEN 'moved'
              WHEN ST_HausdorffDistance(a.geom, b.geom) <= $4 THEN 'same'
              ELSE 'moved' END AS status
    FROM (SELECT id, feature_key, level, geom FROM features WHERE layer_id = $1 AND version = $2) a
    FULL JOIN (SELECT id, feature_key, level, geom FROM features WHERE layer_id = $1 AND version = $3) b ON a.feature_key = b.feature_key`;

/** Pairs by geometry (data without ids): a feature of `from` and one of `to` within the tolerance of each other. */
const PAIRS_BY_GEOMETRY = `
  INSERT INTO diff_pairs (key, a_id, b_id, level_a, level_b, status)
  WITH matched AS (
    SELECT DISTINCT ON (a.id) a.id AS a_id, b.id AS b_id, a.level AS level_a, b.level AS level_b, b.feature_key AS key
      FROM features a JOIN features b
        ON b.layer_id = $1 AND b.version = $3 AND ST_Expand(box2d(a.geom), $4) ~ box2d(b.geom) AND ST_Expand(box2d(b.geom), $4) ~ box2d(a.geom)
     WHERE a.layer_id = $1 AND a.version = $2 AND (ST_OrderingEquals(a.geom, b.geom) OR ST_HausdorffDistance(a.geom, b.geom) <= $4)
     ORDER BY a.id, ST_HausdorffDistance(a.geom, b.geom))
  SELECT key, a_id, b_id, level_a, level_b, 'same' AS status FROM matched
  UNION ALL
  SELECT a.feature_key, a.id, NULL, a.level, NULL, 'removed' FROM features a
   WHERE a.layer_id = $1 AND a.version = $2 AND a.id NOT IN (SELECT a_id FROM matched)
  UNION ALL
  SELECT b.feature_key, NULL, b.id, NULL, b.level, 'added' FROM features b
   WHERE b.layer_id = $1 AND b.version = $3 AND b.id NOT IN (SELECT b_id FROM matched)`;

/**
 * Gained area per level (or in total, level = NULL): the union of `side`'s changed features minus
 * the other version's features they meet. Swap the sides for the lost area.
 */
function overlaySql(side: 'a' | 'b', perLevel: boolean): string {
  const lvl = perLevel ? `COALESCE(NULLIF(f.level, ''), 'none')` : `'*'`;
  // A feature takes part when it was added/removed or moved — and, per level, when its level changed.
  const takesPart = perLevel ? `(p.status <> 'same' OR p.level_a IS DISTINCT FROM p.level_b)` : `p.status <> 'same'`;
  // The other version's features are found feature by feature through the GiST index (a union
  // spread over a province has a bounding box that would make every feature a candidate).
  return `
    WITH tf AS (
      SELECT ${lvl} AS lvl, f.geom FROM diff_pairs p JOIN features f ON f.id = p.${side}_id WHERE ${takesPart}),
    touched AS (SELECT lvl, ST_Union(geom, ${OVERLAY_GRID_DEG}) AS g FROM tf GROUP BY 1),
    near AS (
      SELECT DISTINCT tf.lvl, x.id FROM tf JOIN features x
        ON x.layer_id = $1 AND x.version = $2 AND ST_Intersects(x.geom, tf.geom)
       ${perLevel ? `WHERE COALESCE(NULLIF(x.level, ''), 'none') = tf.lvl` : ''})
    SELECT t.lvl, ST_CollectionExtract(ST_Difference(t.g, COALESCE(
             (SELECT ST_Union(x.geom, ${OVERLAY_GRID_DEG}) FROM near n JOIN features x ON x.id = n.id WHERE n.lvl = t.lvl), ${EMPTY}), ${OVERLAY_GRID_DEG}), 3) AS g
      FROM touched t`;
}

interface Overlay { lvl: string; area: number; geojson: string | null }

/** `otherVersion`: the version the changed features of `side` are compared with. */
async function overlay(client: pg.PoolClient, params: [string, number], side: 'a' | 'b', perLevel: boolean, withGeometry: boolean): Promise<Overlay[]> {
  const { rows } = await client.query<Overlay>(
    `SELECT lvl, COALESCE(ST_Area(g::geography), 0) AS area, ${withGeometry ? `CASE WHEN ST_IsEmpty(g) THEN NULL ELSE ST_AsGeoJSON(g, 7) END` : 'NULL'} AS geojson
       FROM (${overlaySql(side, perLevel)}) x`,
    params,
  );
  return rows;
}

export interface DiffOptions {
  toleranceM?: number;
}

/**
 * The layer and its two versions in one round trip: 404 for an unknown layer or version, and whether
 * both versions' data had ids (a mapping without `id` pairs by geometry).
 */
async function diffSubject(pool: pg.Pool, layerId: string, from: number, to: number): Promise<'id' | 'geometry'> {
  const { rows } = await pool.query<{ versions: number[] | null; has_ids: boolean | null }>(
    `SELECT array_agg(v.version) AS versions, bool_and(v.mapping IS NULL OR v.mapping ? 'id') AS has_ids
       FROM layers l LEFT JOIN layer_versions v ON v.layer_id = l.id AND v.version IN ($2, $3)
      WHERE l.id = $1 GROUP BY l.id`,
    [layerId, from, to],
  );
  if (!rows[0]) throw unknownLayer(layerId);
  for (const version of [from, to]) if (!rows[0].versions?.includes(version)) throw unknownVersion(layerId, version);
  return rows[0].has_ids === false ? 'geometry' : 'id';
}

export async function diffVersions(pool: pg.Pool, layerId: string, from: number, to: number, options: DiffOptions = {}): Promise<LayerDiff> {
  const matchedBy = await diffSubject(pool, layerId, from, to);
  const toleranceM = options.toleranceM ?? DEFAULT_TOLERANCE_M;
  // A version compared with itself: nothing changed, and no overlay needs to say so.
  if (from === to) {
    return {
      layerId, from, to, matchedBy, toleranceM, gainedM2: 0, lostM2: 0, netM2: 0,
      byLevel: {}, added: [], removed: [], changed: [], gained: null, lost: null, relevelled: null,
    };
  }
  const params = [layerId, from, to, toleranceM / M_PER_DEG];
  try {
    return await withStatementTimeout(pool, DIFF_TIMEOUT_MS, async (client) => {
      await client.query(
        `CREATE TEMP TABLE diff_pairs (key text NOT NULL, a_id bigint, b_id bigint, level_a text, level_b text, status text NOT NULL) ON COMMIT DROP`,
      );
      await client.query(matchedBy === 'id' ? PAIRS_BY_ID : PAIRS_BY_GEOMETRY, params);
      await client.query('ANALYZE diff_pairs');
      const { rows: pairs } = await client.query<{ key: string; status: string; level_a: string | null; level_b: string | null; gained: number | null; lost: number | null }>(
        `SELECT p.key, p.status, p.level_a, p.level_b,
                CASE WHEN p.status = 'moved' THEN ST_Area(ST_Difference(b.geom, a.geom, ${OVERLAY_GRID_DEG})::geography) ELSE 0 END AS gained,
                CASE WHEN p.status = 'moved' THEN ST_Area(ST_Difference(a.geom, b.geom, ${OVERLAY_GRID_DEG})::geography) ELSE 0 END AS lost
           FROM diff_pairs p LEFT JOIN features a ON a.id = p.a_id LEFT JOIN features b ON b.id = p.b_id
          WHERE p.status <> 'same' OR p.level_a IS DISTINCT FROM p.level_b
          ORDER BY p.key`,
      );
      const added = pairs.filter((p) => p.status === 'added').map((p) => p.key);
      const removed = pairs.filter((p) => p.status === 'removed').map((p) => p.key);
      const changed: ChangedFeature[] = pairs
        .filter((p) => p.status === 'moved' || p.status === 'same')
        .map((p) => ({ id: p.key, levelFrom: p.level_a, levelTo: p.level_b, gainedM2: round2(p.gained ?? 0), lostM2: round2(p.lost ?? 0) }));

      const againstFrom: [string, number] = [layerId, from];
      const againstTo: [string, number] = [layerId, to];
      const [gained] = await overlay(client, againstFrom, 'b', false, true);
      const [lost] = await overlay(client, againstTo, 'a', false, true);
      const byLevel: LayerDiff['byLevel'] = {};
      for (const g of await overlay(client, againstFrom, 'b', true, false)) (byLevel[g.lvl] ??= { gainedM2: 0, lostM2: 0 }).gainedM2 = round2(g.area);
      for (const l of await overlay(client, againstTo, 'a', true, false)) (byLevel[l.lvl] ??= { gainedM2: 0, lostM2: 0 }).lostM2 = round2(l.area);
      const { rows: relevelled } = await client.query<{ geojson: string | null }>(
        `SELECT ST_AsGeoJSON(ST_CollectionExtract(ST_Union(b.geom, ${OVERLAY_GRID_DEG}), 3), 7) AS geojson
           FROM diff_pairs p JOIN features b ON b.id = p.b_id
          WHERE p.a_id IS NOT NULL AND p.level_a IS DISTINCT FROM p.level_b`,
      );
      const gainedM2 = round2(gained?.area ?? 0);
      const lostM2 = round2(lost?.area ?? 0);
      return {
        layerId, from, to, matchedBy, toleranceM,
        gainedM2, lostM2, netM2: round2(gainedM2 - lostM2),
        byLevel, added, removed, changed,
        gained: gained?.geojson ? JSON.parse(gained.geojson) : null,
        lost: lost?.geojson ? JSON.parse(lost.geojson) : null,
        relevelled: relevelled[0]?.geojson ? JSON.parse(relevelled[0].geojson) : null,
      };
    });
  } catch (e) {
    if ((e as { code?: string }).code === QUERY_CANCELED)
      throw serviceUnavailable('DIFF_TOO_LONG', '版本对比超时，请稍后重试', 'Comparing the versions took too long; try again later', 30);
    throw e;
  }
}
