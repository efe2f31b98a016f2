import type { Queryable } from '../db/types.ts';
import { badRequest } from '../http/errors.ts';
import type { LayerInfo } from './catalog.ts';

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

/**
 * One Mapbox Vector Tile of a layer's current version (PostGIS ST_AsMVT), source-layer = layer id.
 * Features keep id, name, level and the layer version, enough for styling and popups; the full
 * attributes come from /api/layers/:id/features when a feature is clicked. An empty area gives an
 * empty (zero-byte) tile.
 */
export async function layerTile(db: Queryable, layer: LayerInfo, { z, x, y }: TileAddress): Promise<Buffer> {
  if (layer.version === null) return Buffer.alloc(0);
  const { rows } = await db.query<{ tile: Buffer }>(
    `WITH bounds AS (SELECT ST_TileEnvelope($3, $4, $5) AS env),
          mvt AS (
            SELECT f.id, f.feature_key AS key, f.name, f.level, f.version,
                   ST_AsMVTGeom(ST_Transform(f.geom, 3857), bounds.env, 4096, 64, true) AS geom
              FROM features f, bounds
             WHERE f.layer_id = $1 AND f.version = $2
               AND f.geom && ST_Transform(bounds.env, 4326))
     SELECT COALESCE(ST_AsMVT(mvt, $1, 4096, 'geom', 'id'), ''::bytea) AS tile FROM mvt WHERE geom IS NOT NULL`,
    [layer.id, layer.version, z, x, y],
  );
  return rows[0]?.tile ?? Buffer.alloc(0);
}

/** TileJSON 3.0 for a layer, with absolute tile URLs on the requesting host. */
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
