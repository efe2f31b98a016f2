import type { Queryable } from '../db/types.ts';

/**
 * Tile geometry of a layer version (table feature_tile_geoms, issue 17): the features in Web
 * Mercator, simplified per zoom band, built once when a version is loaded, published or restored.
 *
 * A band b serves the tiles of zooms b and b + 1. Its geometry is simplified (Douglas–Peucker,
 * collapsed parts dropped) with a tolerance of one screen pixel at zoom b + 1 — MapLibre draws a
 * 4096-unit tile 512 px wide, so 8 units there, 4 at zoom b — and snapped to the unit grid of zoom
 * b + 1 (which the grid of zoom b contains), duplicates and zero-area polygons removed. What a tile
 * can show of a province's red line at zoom 6 is ~2 % of its vertices. From zoom 12 on, tiles read
 * the unsimplified copy (FULL_BAND): only projected, so a tile never reprojects its source.
 */
const TILE_BANDS = [6, 8, 10] as const;
const FULL_BAND = 99;
/** The first zoom served from the unsimplified copy. */
export const FULL_FROM_ZOOM = 12;

/** The simplification tolerance in tile units at a band's own zoom (one pixel at the next zoom). */
export const SIMPLIFY_TOLERANCE_UNITS = 4;

const HALF_WORLD_M = 20037508.342789244;
const TILE_EXTENT = 4096;
/** Web Mercator metres per tile unit at zoom z. */
const unitAt = (z: number) => (2 * HALF_WORLD_M) / 2 ** z / TILE_EXTENT;

/** Web Mercator ends at ±85.0511°: what lies beyond is cut off before projecting (it has no tile). */
export const mercatorSql = (geom: string) =>
  `ST_Transform(CASE WHEN ${geom} @ ST_MakeEnvelope(-180, -85.05, 180, 85.05, 4326) THEN ${geom} ELSE ST_ClipByBox2D(${geom}, ST_MakeEnvelope(-180, -85.05, 180, 85.05, 4326)) END, 3857)`;

/** The band holding the geometry for tiles of zoom z (below the first band: the first band's). */
export function bandFor(z: number): number {
  if (z >= FULL_FROM_ZOOM) return FULL_BAND;
  return [...TILE_BANDS].reverse().find((b) => z >= b) ?? TILE_BANDS[0];
}

/** SQL: the band's geometry from `mercator` (an expression in EPSG:3857); NULL when nothing is left. */
export function bandGeometrySql(band: number, mercator: string): string {
  if (band === FULL_BAND) return mercator;
  const tolerance = SIMPLIFY_TOLERANCE_UNITS * unitAt(band);
  const grid = unitAt(band + 1);
  const reduced = `ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Simplify(${mercator}, ${tolerance}, false), ${-HALF_WORLD_M}, ${-HALF_WORLD_M}, ${grid}, ${grid}))`;
  return `(SELECT CASE WHEN r IS NULL OR ST_IsEmpty(r) OR (ST_Dimension(r) = 2 AND ST_Area(r) = 0) THEN NULL ELSE r END
             FROM (SELECT ${validPolygonsSql('s')} AS r FROM (SELECT ${reduced} AS s) reduced) repaired)`;
}

/**
 * SQL: `g` with its polygons made valid. Simplifying and snapping a polygon can cross its rings
 * (a narrow neck, two rings closer than the grid); GEOS's clip then fails on the tile's edge, and
 * the embedded database loses that error — the tile answered 503 for good. Only polygons are
 * repaired ('structure' keeps the areas the rings enclose; collapsed parts are dropped); a
 * polygon left with no area is removed by the caller.
 */
function validPolygonsSql(g: string): string {
  return `CASE WHEN ST_Dimension(${g}) = 2 AND NOT ST_IsValid(${g}) THEN ST_CollectionExtract(ST_MakeValid(${g}, 'method=structure keepcollapsed=false'), 3) ELSE ${g} END`;
}

/**
 * Builds the tile geometry of one version (inside the caller's transaction, after its features):
 * every band, each feature projected once. Marks the version as built.
 */
export async function insertTileGeometry(db: Queryable, layerId: string, version: number): Promise<void> {
  const bands = [...TILE_BANDS, FULL_BAND];
  await db.query(
    `WITH projected AS MATERIALIZED (
       SELECT id, layer_id, version, feature_key, name, level, ${mercatorSql('geom')} AS m
         FROM features WHERE layer_id = $1 AND version = $2)
     INSERT INTO feature_tile_geoms (feature_id, layer_id, version, zoom, feature_key, name, level, geom)
     SELECT id, layer_id, version, zoom, feature_key, name, level, g FROM (
       ${bands.map((b) => `SELECT p.*, ${b} AS zoom, ${bandGeometrySql(b, 'p.m')} AS g FROM projected p`).join('\n       UNION ALL ')}
     ) banded WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)`,
    [layerId, version],
  );
  await db.query('UPDATE layer_versions SET tile_geoms_built = true WHERE layer_id = $1 AND version = $2', [layerId, version]);
}

/** Builds a version's tile geometry if it has none yet (versions loaded before it existed). */
export async function ensureTileGeometry(db: Queryable, layerId: string, version: number): Promise<boolean> {
  const { rows } = await db.query<{ built: boolean }>('SELECT tile_geoms_built AS built FROM layer_versions WHERE layer_id = $1 AND version = $2', [layerId, version]);
  if (!rows[0] || rows[0].built) return false;
  await insertTileGeometry(db, layerId, version);
  return true;
}

/**
 * The tile geometry of a restored version: its features are copies of the version it restores, so
 * is its tile geometry — copied row by row (each pointing at its copied feature), not simplified
 * again. Built from the features only when the restored version has none.
 */
export async function copyTileGeometry(db: Queryable, layerId: string, from: number, to: number): Promise<void> {
  const { rows } = await db.query<{ built: boolean }>('SELECT tile_geoms_built AS built FROM layer_versions WHERE layer_id = $1 AND version = $2', [layerId, from]);
  if (!rows[0]?.built) return insertTileGeometry(db, layerId, to);
  await db.query(
    `INSERT INTO feature_tile_geoms (feature_id, layer_id, version, zoom, feature_key, name, level, geom)
     SELECT f.id, t.layer_id, f.version, t.zoom, t.feature_key, t.name, t.level, t.geom
       FROM feature_tile_geoms t JOIN features f ON f.layer_id = t.layer_id AND f.version = $3 AND f.feature_key = t.feature_key
      WHERE t.layer_id = $1 AND t.version = $2`,
    [layerId, from, to],
  );
  await db.query('UPDATE layer_versions SET tile_geoms_built = true WHERE layer_id = $1 AND version = $2', [layerId, to]);
}
