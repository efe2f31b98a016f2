import type { Queryable } from '../db/types.ts';
import { badRequest } from '../http/errors.ts';
import type { LayerInfo } from './catalog.ts';
import { encodeMvtLayer } from './mvt-encode.ts';

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** Zoom range served; below 4 a district-scale dataset is a dot, above 20 nothing gains detail. */
export const TILE_MIN_ZOOM = 0;
export const TILE_MAX_ZOOM = 20;

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
    known = db
      .query(`SELECT ST_AsMVT(t, 'probe') FROM (SELECT 1 AS id, ST_AsMVTGeom(ST_MakePoint(1, 1), ST_MakeEnvelope(0, 0, 2, 2)) AS geom) t`)
      .then(() => true, () => false);
    asMvtSupport.set(db, known);
  }
  return known;
}

/** Features of the tile as PostGIS encodes them (ST_AsMVTGeom: clipped, quantised, oriented). */
const MVT_GEOM_FEATURES = `
  WITH bounds AS (SELECT ST_TileEnvelope($3, $4, $5) AS env)
  SELECT f.id, f.feature_key AS key, f.name, f.level, f.version,
         ST_AsMVTGeom(ST_Transform(f.geom, 3857), bounds.env, 4096, 64, true) AS geom
    FROM features f, bounds
   WHERE f.layer_id = $1 AND f.version = $2
     AND f.geom && ST_Transform(bounds.env, 4326)`;

/**
 * The same in plain PostGIS, for builds without protobuf-c (PGlite), where ST_AsMVTGeom is missing
 * too: clip to the tile plus a 64-unit buffer, orient exteriors CLOCKWISE in Web Mercator (y up),
 * map to tile space (4096 units, y down: the flip makes them positive by the surveyor's formula,
 * which is what MVT 2.1 §4.3.4.4 calls an exterior ring), and snap to the integer grid.
 * (Until issue 17 they were forced counter-clockwise here, so every exterior came out as a hole;
 * MapLibre drew them anyway, as it takes the first ring's winding for the exterior's —
 * tests/server/layers/tile-geometry.db.test.ts now checks the sign.)
 */
const PLAIN_TILE_FEATURES = `
  WITH bounds AS (SELECT ST_TileEnvelope($3, $4, $5) AS env),
       box AS (SELECT env, ST_XMin(env) AS x0, ST_YMax(env) AS y1, (ST_XMax(env) - ST_XMin(env)) AS w,
                      ST_Expand(env, (ST_XMax(env) - ST_XMin(env)) * 64 / 4096) AS clip FROM bounds),
       clipped AS (
         SELECT f.id, f.feature_key AS key, f.name, f.level, f.version,
                ST_ForcePolygonCW(ST_ClipByBox2D(ST_Transform(f.geom, 3857), box.clip)) AS g, box.x0, box.y1, box.w
           FROM features f, box
          WHERE f.layer_id = $1 AND f.version = $2 AND f.geom && ST_Transform(box.clip, 4326))
  SELECT id, key, name, level, version,
         ST_RemoveRepeatedPoints(ST_SnapToGrid(
           ST_Affine(g, 4096 / w, 0, 0, -4096 / w, -x0 * 4096 / w, y1 * 4096 / w), 1)) AS geom
    FROM clipped WHERE NOT ST_IsEmpty(g)`;

/**
 * One Mapbox Vector Tile of a layer's current version, source-layer = layer id. Where PostGIS has
 * protobuf support it builds the tile (ST_AsMVTGeom + ST_AsMVT); otherwise PostGIS still clips and
 * quantises and the tile is encoded in Node (mvt-encode.ts). Features keep key, name, level and the
 * layer version, enough for styling and popups. An empty area gives an empty (zero-byte) tile.
 */
export async function layerTile(
  db: Queryable,
  layer: LayerInfo,
  { z, x, y }: TileAddress,
  /** 'node': the embedded database's path even where ST_AsMVT exists (tests compare the two). */
  encoder: 'auto' | 'node' = 'auto',
): Promise<Buffer> {
  if (layer.version === null) return Buffer.alloc(0);
  const params = [layer.id, layer.version, z, x, y];
  if (encoder === 'auto' && (await supportsAsMvt(db))) {
    const { rows } = await db.query<{ tile: Buffer }>(
      `WITH mvt AS (${MVT_GEOM_FEATURES})
       SELECT COALESCE(ST_AsMVT(mvt, $1, 4096, 'geom', 'id'), ''::bytea) AS tile FROM mvt WHERE geom IS NOT NULL`,
      params,
    );
    return rows[0]?.tile ?? Buffer.alloc(0);
  }
  const { rows } = await db.query<{ id: number; key: string; name: string | null; level: string | null; version: number; geometry: GeoJSON.Geometry }>(
    `SELECT id, key, name, level, version, ST_AsGeoJSON(geom)::json AS geometry FROM (${PLAIN_TILE_FEATURES}) t
      WHERE NOT ST_IsEmpty(geom)`,
    params,
  );
  return encodeMvtLayer(
    layer.id,
    rows.map((r) => ({ id: r.id, geometry: r.geometry, properties: { key: r.key, name: r.name, level: r.level, version: r.version } })),
  );
}

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
