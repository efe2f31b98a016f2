import { createHash } from 'node:crypto';
import type pg from 'pg';
import { withTransaction } from '../db/database.ts';
import type { Queryable } from '../db/types.ts';
import { LAYER_ID_PATTERN, type CatalogEntry } from './catalog-entry.ts';
import { unprocessable } from '../http/errors.ts';
import { ensureTileGeometry, insertTileGeometry } from './tile-geometry.ts';

export interface LoadResult {
  layerId: string;
  version: number;
  featureCount: number;
  /** false when the same data was already the current version (idempotent reload). */
  loaded: boolean;
}

/** Vertices per piece in the subdivided copy used for fast intersection candidates. */
const SUBDIVIDE_MAX_VERTICES = 96;
/**
 * Features per INSERT, and the JSON size at which a batch is cut earlier: a province-scale layer
 * (millions of vertices) must not travel as one JSON parameter of hundreds of MB.
 */
const BATCH_FEATURES = 2_000;
const BATCH_JSON_CHARS = 16 * 1024 * 1024;

/** JSON arrays of the items, each at most BATCH_FEATURES items or about BATCH_JSON_CHARS long. */
function* jsonBatches(items: unknown[]): Generator<string> {
  let parts: string[] = [];
  let chars = 0;
  for (const item of items) {
    const json = JSON.stringify(item);
    if (parts.length > 0 && (parts.length >= BATCH_FEATURES || chars + json.length > BATCH_JSON_CHARS)) {
      yield `[${parts.join(',')}]`;
      parts = [];
      chars = 0;
    }
    parts.push(json);
    chars += json.length + 1;
  }
  if (parts.length > 0) yield `[${parts.join(',')}]`;
}

/** The subdivided copy of a version's features (fast intersection candidates for the check). */
export async function insertFeatureParts(db: Queryable, layerId: string, version: number): Promise<void> {
  await db.query(
    `INSERT INTO feature_parts (feature_id, layer_id, version, geom)
     SELECT id, layer_id, version, ST_Subdivide(geom, $3) FROM features WHERE layer_id = $1 AND version = $2`,
    [layerId, version, SUBDIVIDE_MAX_VERTICES],
  );
}

function checksumOf(collection: GeoJSON.FeatureCollection): string {
  return createHash('sha256').update(JSON.stringify(collection)).digest('hex');
}

/** The layer's current version was published by an administrator from an official file (issue 13). */
const OFFICIAL_CURRENT = `EXISTS (SELECT 1 FROM layer_versions v WHERE v.layer_id = layers.id AND v.version = layers.current_version
  AND v.source_sha256 IS NOT NULL)`;

/**
 * Writes the catalog metadata of a layer. A retired layer stays unchecked, and a layer whose current
 * version is official data keeps its provenance and stays non-illustrative (metadata is not
 * versioned; the features are).
 */
export async function upsertLayerMetadata(db: Queryable, entry: CatalogEntry): Promise<void> {
  if (!LAYER_ID_PATTERN.test(entry.id)) throw new Error(`invalid layer id ${entry.id}`);
  await db.query(
    `INSERT INTO layers (id, kind, name_zh, name_en, group_id, geometry_type, levels, checked, illustrative, legend_order, style, source)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
     ON CONFLICT (id) DO UPDATE SET kind=$2, name_zh=$3, name_en=$4, group_id=$5, geometry_type=$6, levels=$7,
       checked = $8 AND NOT layers.retired,
       illustrative = CASE WHEN ${OFFICIAL_CURRENT} THEN false ELSE $9 END,
       legend_order=$10, style=$11,
       source = CASE WHEN ${OFFICIAL_CURRENT} THEN layers.source ELSE $12 END`,
    [entry.id, entry.kind, entry.nameZh, entry.nameEn, entry.group, entry.geometryType, entry.levels, entry.checked,
      entry.illustrative, entry.legendOrder, entry.style, entry.source],
  );
}

/**
 * Loads a FeatureCollection as a NEW version of a layer, in one transaction: features, precomputed
 * ellipsoidal areas, the subdivided copy, and the layer's current version. Loading the same data as
 * the current version again changes nothing. Invalid geometries are refused (official data must be
 * repaired at the source, not silently here).
 */
export async function loadLayerVersion(
  pool: pg.Pool,
  entry: CatalogEntry,
  collection: GeoJSON.FeatureCollection,
  note?: string,
): Promise<LoadResult> {
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw unprocessable('NOT_A_FEATURE_COLLECTION', '图层数据必须是 GeoJSON FeatureCollection', 'Layer data must be a GeoJSON FeatureCollection');
  }
  const checksum = checksumOf(collection);
  return withTransaction(pool, async (client) => {
    await upsertLayerMetadata(client, entry);
    // Serialise concurrent loads of the same layer.
    await client.query('SELECT id FROM layers WHERE id = $1 FOR UPDATE', [entry.id]);
    const current = await client.query<{ version: number; checksum: string; feature_count: number }>(
      `SELECT v.version, v.checksum, v.feature_count FROM layers l JOIN layer_versions v
         ON v.layer_id = l.id AND v.version = l.current_version WHERE l.id = $1`,
      [entry.id],
    );
    if (current.rows[0]?.checksum === checksum) {
      // A version loaded before tile geometry existed gets it now (the reference layers at start).
      await ensureTileGeometry(client, entry.id, current.rows[0].version);
      return { layerId: entry.id, version: current.rows[0].version, featureCount: current.rows[0].feature_count, loaded: false };
    }
    const { rows } = await client.query<{ version: number }>(
      `INSERT INTO layer_versions (layer_id, version, feature_count, checksum, source, note)
       SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5 FROM layer_versions WHERE layer_id = $1
       RETURNING version`,
      [entry.id, collection.features.length, checksum, entry.source, note ?? null],
    );
    const version = rows[0].version;
    const features = collection.features.map((f, i) => ({
      key: String(f.id ?? f.properties?.id ?? `${entry.id}-${i + 1}`),
      name: (f.properties?.name as string | undefined) ?? null,
      level: (f.properties?.level as string | undefined) ?? null,
      properties: f.properties ?? {},
      geometry: f.geometry,
    }));
    // Refuse invalid geometries before inserting anything; at most five are named.
    const invalid: { key: string; reason: string }[] = [];
    for (const batch of jsonBatches(features)) {
      const { rows } = await client.query<{ key: string; reason: string }>(
        `SELECT f->>'key' AS key, ST_IsValidReason(ST_GeomFromGeoJSON(f->>'geometry')) AS reason
           FROM json_array_elements($1::json) f
          WHERE NOT ST_IsValid(ST_GeomFromGeoJSON(f->>'geometry'))`,
        [batch],
      );
      invalid.push(...rows);
      if (invalid.length >= 5) break;
    }
    if (invalid.length > 0) {
      const list = invalid.slice(0, 5).map((r) => `${r.key}: ${r.reason}`).join('; ');
      throw unprocessable('INVALID_LAYER_GEOMETRY', `图层 ${entry.id} 含无效几何：${list}`, `Layer ${entry.id} has invalid geometries: ${list}`);
    }
    for (const batch of jsonBatches(features)) {
      await client.query(
        `INSERT INTO features (layer_id, version, feature_key, name, level, properties, geom, area_m2)
         SELECT $2, $3, f->>'key', f->>'name', f->>'level', COALESCE(f->'properties', '{}'::json)::jsonb, g.geom,
                CASE WHEN ST_Dimension(g.geom) = 2 THEN ST_Area(g.geom::geography) END
           FROM json_array_elements($1::json) f,
                LATERAL (SELECT ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326) AS geom) g`,
        [batch, entry.id, version],
      );
    }
    await insertFeatureParts(client, entry.id, version);
    await insertTileGeometry(client, entry.id, version);
    await client.query('UPDATE layers SET current_version = $2 WHERE id = $1', [entry.id, version]);
    return { layerId: entry.id, version, featureCount: features.length, loaded: true };
  });
}
