import type pg from 'pg';
import type { RestoreBody } from '../../common/api/ledger.ts';
import { recordAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/database.ts';
import { conflict } from '../http/errors.ts';
import { insertFeatureParts } from '../layers/loader.ts';
import { copyTileGeometry } from '../layers/tile-geometry.ts';
import { enqueueRecheck } from '../recheck/store.ts';
import { assertDecreaseApproved } from './decrease-guard.ts';
import { assertVersionExists, ledgerLayerRow } from './versions.ts';

/**
 * Makes an earlier version current again — as a NEW version whose features are a copy of it
 * (nothing is overwritten, the ledger shows the step), with the same 面积不减少 guard as a publish,
 * its audit row and the re-check of the projects checked with an earlier version, in one transaction.
 */
export async function restoreLayerVersion(
  pool: pg.Pool,
  layerId: string,
  body: RestoreBody,
  ctx: { user: { id: number; username: string }; ip?: string },
): Promise<{ layerId: string; version: number; restoredFrom: number; recheckJobId: number }> {
  return withTransaction(pool, async (client) => {
    // Lock first, then read: the current version compared with is the one this restore replaces.
    await client.query('SELECT id FROM layers WHERE id = $1 FOR UPDATE', [layerId]);
    const layer = await ledgerLayerRow(client, layerId);
    await assertVersionExists(client, layerId, body.version);
    if (layer.currentVersion === body.version)
      throw conflict('ALREADY_CURRENT', `版本 ${body.version} 已是当前版本`, `Version ${body.version} is already the current version`);
    const { rows: area } = await client.query<{ area: number }>(
      'SELECT COALESCE(SUM(area_m2), 0) AS area FROM features WHERE layer_id = $1 AND version = $2',
      [layerId, body.version],
    );
    await assertDecreaseApproved(client, layer, area[0].area, body);
    const { rows } = await client.query<{ version: number }>(
      `INSERT INTO layer_versions (layer_id, version, feature_count, checksum, source, note, published_by_id, published_by,
         source_file, source_sha256, source_layer, mapping, approval_document, restored_from)
       SELECT $1, (SELECT MAX(version) + 1 FROM layer_versions WHERE layer_id = $1), feature_count, checksum, source,
              $3, $4, $5, source_file, source_sha256, source_layer, mapping, $6, version
         FROM layer_versions WHERE layer_id = $1 AND version = $2
       RETURNING version`,
      [layerId, body.version, body.note ?? `恢复版本 ${body.version} / restored version ${body.version}`, ctx.user.id, ctx.user.username, body.approvalDocument ?? null],
    );
    const version = rows[0].version;
    await client.query(
      `INSERT INTO features (layer_id, version, feature_key, name, level, properties, geom, area_m2)
       SELECT layer_id, $3, feature_key, name, level, properties, geom, area_m2 FROM features WHERE layer_id = $1 AND version = $2 ORDER BY id`,
      [layerId, body.version, version],
    );
    await insertFeatureParts(client, layerId, version);
    await copyTileGeometry(client, layerId, body.version, version);
    await client.query('UPDATE layers SET current_version = $2 WHERE id = $1', [layerId, version]);
    const recheckJobId = await enqueueRecheck(client, { layerId, version, ownerId: ctx.user.id });
    await recordAudit(client, {
      action: 'layer.version_restored',
      actor: ctx.user,
      detail: { layerId, version, restoredFrom: body.version, previousVersion: layer.currentVersion, note: body.note ?? null, approvalDocument: body.approvalDocument ?? null, recheckJobId },
      ip: ctx.ip ?? null,
    });
    return { layerId, version, restoredFrom: body.version, recheckJobId };
  });
}
