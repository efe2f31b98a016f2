import type { Queryable } from '../db/types.ts';
import { STATEMENT_CUT_OFF } from '../db/sqlstates.ts';
import { streamRows } from '../db/stream-rows.ts';
import { badRequest, serviceUnavailable } from '../http/errors.ts';
import type { LayerInfo } from './catalog.ts';
import { MvtLayerEncoder } from './mvt-encode.ts';
import { bandFor, bandGeometrySql, mercatorSql } from './tile-geometry.ts';

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** Zoom range served; below 4 a district-scale dataset is a dot, above 20 nothing gains detail. */
const TILE_MIN_ZOOM = 0;
const TILE_MAX_ZOOM = 20;

export function parseTileAddress(z: string, x: string, y: string): TileAddress {
  const [zi, xi, yi] = [z, x, y].map(Number);
  const valid =
    [zi, xi, yi].every(Number.isInteger) &&
    zi >= TILE_MIN_ZOOM &&
    zi <= TILE_MAX_ZOOM &&
    xi >= 0 &&
    yi >= 0 &&
    xi < 2 ** zi &&
    yi < 2 ** zi;
  if (!valid) {
    throw badRequest('BAD_TILE', `瓦片坐标无效：${z}/${x}/${y}（z 0–${TILE_MAX_ZOOM}，x、y 0–2^z−1）`, `Invalid tile address ${z}/${x}/${y} (z 0–${TILE_MAX_ZOOM}, x and y 0–2^z−1)`);
  }
  return { z: zi, x: xi, y: yi };
}

/** Whether this PostGIS can encode tiles itself (needs protobuf-c; the PGlite build has none). */
const asMvtSupport = new WeakMap<object, Promise<boolean>>();
function supportsAsMvt(db: Queryable): Promise<boolean> {
  let known = asMvtSupport.get(db);
  if (!known) {
    // Asked, not tried: on the embedded database a failing statement can desynchronise the socket's
    // connection (seen under load: "unexpected parseComplete", then "portal does not exist").
    known = db
      .query<{ protobuf: boolean }>(`SELECT postgis_full_version() LIKE '%PROTOBUF=%' AS protobuf`)
      .then((r) => r.rows[0]?.protobuf === true, () => false);
    asMvtSupport.set(db, known);
  }
  return known;
}

/**
 * The tile's candidate features in Web Mercator, reduced for its zoom: from the version's tile
 * geometry (tile-geometry.ts) when it is built, else projected and simplified the same way here.
 * Columns id, key, name, level, geom; uses box.clip (the tile grown by the 64-unit buffer).
 */
function tileSourceSql(z: number, built: boolean): string {
  const band = bandFor(z);
  if (built) {
    // The band as a literal: the planner then picks that band's partial GiST index.
    return `SELECT t.feature_id AS id, t.feature_key AS key, t.name, t.level, t.geom
              FROM feature_tile_geoms t, box
             WHERE t.zoom = ${band} AND t.geom && box.clip AND t.layer_id = $1 AND t.version = $2`;
  }
  return `SELECT id, key, name, level, geom FROM (
            SELECT f.id, f.feature_key AS key, f.name, f.level, ${bandGeometrySql(band, mercatorSql('f.geom'))} AS geom
              FROM features f, box
             WHERE f.layer_id = $1 AND f.version = $2 AND f.geom && ST_Transform(box.clip, 4326)) reduced
           WHERE geom IS NOT NULL`;
}

const TILE_BOX = `bounds AS (SELECT ST_TileEnvelope($3, $4, $5) AS env),
       box AS (SELECT env, ST_XMin(env) AS x0, ST_YMax(env) AS y1, (ST_XMax(env) - ST_XMin(env)) AS w,
                      ST_Expand(env, (ST_XMax(env) - ST_XMin(env)) * 64 / 4096) AS clip FROM bounds)`;

/** Features of the tile as PostGIS encodes them (ST_AsMVTGeom: clipped, quantised, made valid, oriented). */
const mvtGeomFeatures = (source: string) => `
  WITH ${TILE_BOX}, source AS (${source})
  SELECT s.id, s.key, s.name, s.level, $2::int AS version, ST_AsMVTGeom(s.geom, box.env, 4096, 64, true) AS geom
    FROM source s, box`;

/**
 * The same in plain PostGIS, for builds without protobuf-c (PGlite), where ST_AsMVTGeom is missing
 * too: clip to the tile plus a 64-unit buffer (only what crosses it), orient exteriors CLOCKWISE in
 * Web Mercator (y up), map to tile space (4096 units, y down: the flip makes them positive by the
 * surveyor's formula, which is what MVT 2.1 §4.3.4.4 calls an exterior ring), and snap to the
 * integer grid.
 * (Until issue 17 they were forced counter-clockwise here, so every exterior came out as a hole;
 * MapLibre drew them anyway, as it takes the first ring's winding for the exterior's —
 * tests/server/layers/tile-geometry.db.test.ts now checks the sign.)
 * `clip`: how what crosses the buffer is cut. GEOS's rectangle clip (ST_ClipByBox2D) fails on some
 * valid polygons — e.g. red-line feature 12 of the province bench against tile 10/819/438
 * (tests/fixtures/tiles/clip-cutoff.json): on PostgreSQL (PostGIS 3.3.2, GEOS 3.11.1) it returns
 * NULL, so the feature silently went missing from the tile; in PGlite (GEOS 3.14, WASM) the error
 * is lost and the statement is cut off (no rows, PortalSuspended: pglite-sync-ready.ts). So
 * 'box2d' falls back to ST_Intersection where the rectangle clip gives nothing, and 'intersection'
 * (PGlite) never calls the rectangle clip.
 */
/** An overlay may add lower-dimension bits where the box touches an edge: only the highest dimension's (ST_AsMVT takes no collection). */
const INTERSECTION = 'ST_CollectionExtract(ST_Intersection(s.geom, box.clip))';
const plainTileFeatures = (source: string, clip: 'box2d' | 'intersection') => `
  WITH ${TILE_BOX}, source AS (${source}),
       clipped AS (
         SELECT s.id, s.key, s.name, s.level,
                ST_ForcePolygonCW(CASE WHEN s.geom @ box.clip THEN s.geom ELSE ${clip === 'box2d' ? `COALESCE(ST_ClipByBox2D(s.geom, box.clip), ${INTERSECTION})` : INTERSECTION} END) AS g,
                box.x0, box.y1, box.w
           FROM source s, box),
       tiled AS (
         SELECT id, key, name, level,
                ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(g, 4096 / w, 0, 0, -4096 / w, -x0 * 4096 / w, y1 * 4096 / w), 1)) AS geom
           FROM clipped WHERE NOT ST_IsEmpty(g))
  SELECT id, key, name, level, $2::int AS version, geom FROM tiled WHERE NOT ST_IsEmpty(geom)`;

/** Whether the version's tile geometry is built (versions loaded before issue 17 may not be). */
const builtVersions = new WeakMap<object, Set<string>>();
async function tileGeometryBuilt(db: Queryable, layerId: string, version: number): Promise<boolean> {
  // Once built, a version's tile geometry stays (versions are never rewritten): remembered per database.
  const known = builtVersions.get(db) ?? new Set<string>();
  builtVersions.set(db, known);
  if (known.has(`${layerId}/${version}`)) return true;
  const { rows } = await db.query<{ built: boolean }>('SELECT tile_geoms_built AS built FROM layer_versions WHERE layer_id = $1 AND version = $2', [layerId, version]);
  if (rows[0]?.built) known.add(`${layerId}/${version}`);
  return rows[0]?.built ?? false;
}

/** The one statement a tile costs: the tile itself (PostGIS encodes) or its features in tile space (Node encodes). */
export interface TileStatement {
  text: string;
  values: unknown[];
  encodedBy: 'postgis' | 'node';
}

/** What a tile needs of its layer: the version served, and whether its tile geometry is built (unknown: asked). */
export type TileLayer = Pick<LayerInfo, 'id' | 'version'> & { tileGeometryBuilt?: boolean };

/**
 * Who encodes: 'auto' — PostGIS (ST_AsMVT) where it can, else Node; 'node' — always Node (the
 * embedded database's path; tests compare the two); 'asmvtgeom' — PostGIS's own ST_AsMVTGeom
 * instead of our clipping and quantising (needs protobuf-c): the reference the tests compare with.
 */
export type TileEncoder = 'auto' | 'node' | 'asmvtgeom';

export async function tileStatement(db: Queryable, layer: TileLayer, { z, x, y }: TileAddress, encoder: TileEncoder = 'auto'): Promise<TileStatement | null> {
  if (layer.version === null) return null;
  const values = [layer.id, layer.version, z, x, y];
  const source = tileSourceSql(z, layer.tileGeometryBuilt ?? (await tileGeometryBuilt(db, layer.id, layer.version)));
  const asMvt = (features: string) => `WITH mvt AS (${features})
       SELECT COALESCE(ST_AsMVT(mvt, $1, 4096, 'geom', 'id'), ''::bytea) AS tile FROM mvt WHERE geom IS NOT NULL`;
  if (encoder === 'asmvtgeom') return { text: asMvt(mvtGeomFeatures(source)), values, encodedBy: 'postgis' };
  // ST_AsMVTGeom also makes every polygon valid, which costs ~3× the rest of a low-zoom tile; the
  // plain path's snapped rings are what MapLibre draws alike, so ST_AsMVT encodes them as they are.
  if (encoder === 'auto' && (await supportsAsMvt(db))) return { text: asMvt(plainTileFeatures(source, 'box2d')), values, encodedBy: 'postgis' };
  // Node encodes: the geometry comes as TWKB (integers in tile units), not GeoJSON text.
  return {
    // In this column order (rows come as arrays: streamRows); the version is the layer's, not a column.
    text: `SELECT id, key, name, level, ST_AsTWKB(geom) AS geometry FROM (${plainTileFeatures(source, 'intersection')}) t`,
    values,
    encodedBy: 'node',
  };
}

/**
 * One Mapbox Vector Tile of a layer version, source-layer = layer id. Where PostGIS has protobuf
 * support it encodes the tile (ST_AsMVT); otherwise PostGIS still clips and quantises and the tile
 * is encoded in Node (mvt-encode.ts). Features keep key, name, level and the layer version, enough
 * for styling and popups. An empty area gives an empty (zero-byte) tile.
 */
export async function layerTile(db: Queryable, layer: TileLayer, address: TileAddress, encoder: TileEncoder = 'auto'): Promise<Buffer> {
  const statement = await tileStatement(db, layer, address, encoder);
  if (!statement) return Buffer.alloc(0);
  if (statement.encodedBy === 'postgis') {
    const { rows } = await db.query<{ tile: Buffer }>(statement.text, statement.values);
    return rows[0]?.tile ?? Buffer.alloc(0);
  }
  const mvt = new MvtLayerEncoder(layer.id);
  const version = layer.version;
  await streamRows<TileRow>(db, statement, ([id, key, name, level, twkb]) => mvt.add({ id, twkb, properties: { key, name, level, version } })).catch((e: unknown) => {
    // Cut off inside PGlite (pglite-sync-ready.ts): a 503 naming it, not a 500.
    if ((e as { code?: string }).code !== STATEMENT_CUT_OFF) throw e;
    throw serviceUnavailable('TILE_CUT_OFF', '内嵌数据库未能完成该瓦片的查询，请稍后重试', 'The embedded database could not complete this tile; try again shortly', 1);
  });
  return mvt.finish();
}

type TileRow = [id: number, key: string, name: string | null, level: string | null, twkb: Uint8Array];

/** TileJSON 3.0 for a layer; tile URLs start with `baseUrl` (PUBLIC_URL, or '' for root-relative ones). */
export function tileJson(layer: LayerInfo, baseUrl: string) {
  return {
    tilejson: '3.0.0',
    name: layer.nameZh,
    description: layer.nameEn,
    version: String(layer.version ?? 0),
    attribution: layer.illustrative ? '示意数据（非法定成果）' : String(layer.source?.zh ?? ''),
    scheme: 'xyz',
    tiles: [`${baseUrl}/tiles/${layer.id}/{z}/{x}/{y}.mvt?v=${layer.version ?? 0}`],
    minzoom: TILE_MIN_ZOOM,
    maxzoom: 16,
    bounds: layer.bbox ?? [-180, -85.0511, 180, 85.0511],
    vector_layers: [{ id: layer.id, fields: { name: 'String', level: 'String', key: 'String', version: 'Number' }, minzoom: 0, maxzoom: 16 }],
  };
}
