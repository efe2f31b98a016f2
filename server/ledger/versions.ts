import type { LayerVersion } from '../../common/api/ledger.ts';
import type { Queryable } from '../db/types.ts';
import { notFound } from '../http/errors.ts';

/** The layer row the ledger needs; 404 for an unknown layer. */
export async function ledgerLayerRow(db: Queryable, id: string): Promise<{ id: string; kind: string; nameZh: string; nameEn: string; currentVersion: number | null }> {
  const { rows } = await db.query<{ id: string; kind: string; nameZh: string; nameEn: string; currentVersion: number | null }>(
    `SELECT id, kind, name_zh AS "nameZh", name_en AS "nameEn", current_version AS "currentVersion" FROM layers WHERE id = $1`,
    [id],
  );
  if (!rows[0]) throw unknownLayer(id);
  return rows[0];
}

export const unknownLayer = (id: string) => notFound('UNKNOWN_LAYER', `图层不存在：${id}`, `Unknown layer: ${id}`);
export const unknownVersion = (layerId: string, version: number) =>
  notFound('UNKNOWN_VERSION', `图层 ${layerId} 没有版本 ${version}`, `Layer ${layerId} has no version ${version}`);

/** 404 unless the layer has this version. */
export async function assertVersionExists(db: Queryable, layerId: string, version: number): Promise<void> {
  const { rows } = await db.query('SELECT 1 FROM layer_versions WHERE layer_id = $1 AND version = $2', [layerId, version]);
  if (!rows[0]) throw unknownVersion(layerId, version);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

type VersionArea = { areaM2: number; areaByLevel: Record<string, number> };

/**
 * Area of each version of the given layers, per level, from their features (the ledger is derived,
 * never stored), in one query: keyed by layer id, then version.
 */
export async function versionAreas(db: Queryable, layerIds: string[]): Promise<Map<string, Map<number, VersionArea>>> {
  const { rows } = await db.query<{ layerId: string; version: number; level: string; area: number }>(
    `SELECT layer_id AS "layerId", version, COALESCE(NULLIF(level, ''), 'none') AS level, COALESCE(SUM(area_m2), 0) AS area
       FROM features WHERE layer_id = ANY($1) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [layerIds],
  );
  const out = new Map<string, Map<number, VersionArea>>();
  for (const r of rows) {
    const layer = out.get(r.layerId) ?? new Map<number, VersionArea>();
    const v = layer.get(r.version) ?? { areaM2: 0, areaByLevel: {} };
    v.areaM2 += r.area;
    v.areaByLevel[r.level] = round2(r.area);
    layer.set(r.version, v);
    out.set(r.layerId, layer);
  }
  for (const layer of out.values()) for (const v of layer.values()) v.areaM2 = round2(v.areaM2);
  return out;
}

/** GET /api/layers/:id/versions: every version, newest first, with who/when/source and areas. */
export async function listLayerVersions(db: Queryable, layerId: string): Promise<LayerVersion[]> {
  const layer = await ledgerLayerRow(db, layerId);
  const { rows } = await db.query<{
    version: number; createdAt: string; createdBy: string | null; featureCount: number; fileName: string | null; sha256: string | null;
    note: string | null; approvalDocument: string | null; restoredFrom: number | null;
  }>(
    `SELECT version, to_char(loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
            published_by AS "createdBy", feature_count AS "featureCount",
            COALESCE(source_file, source->>'file', source->>'package') AS "fileName", COALESCE(source_sha256, checksum) AS sha256,
            note, approval_document AS "approvalDocument", restored_from AS "restoredFrom"
       FROM layer_versions WHERE layer_id = $1 ORDER BY version DESC`,
    [layerId],
  );
  const areas = (await versionAreas(db, [layerId])).get(layerId) ?? new Map<number, VersionArea>();
  return rows.map((r) => ({
    version: r.version,
    current: r.version === layer.currentVersion,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    featureCount: r.featureCount,
    areaM2: areas.get(r.version)?.areaM2 ?? 0,
    areaByLevel: areas.get(r.version)?.areaByLevel ?? {},
    source: { fileName: r.fileName, sha256: r.sha256 },
    note: r.note,
    approvalDocument: r.approvalDocument,
    restoredFrom: r.restoredFrom,
    downloadUrl: `/api/layers/${encodeURIComponent(layerId)}/features?version=${r.version}`,
  }));
}
