import { decreaseThresholdM2, LEDGER_KINDS, type LedgerLayer } from '../../common/api/ledger.ts';
import type pg from 'pg';
import { QUERY_CANCELED, withStatementTimeout } from '../db/database.ts';
import type { Queryable } from '../db/types.ts';
import { serviceUnavailable } from '../http/errors.ts';
import { versionAreas } from './versions.ts';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The area ledger (红线面积台账) of the protected kinds: per version its area, the net change
 * against the previous version, whether that is a decrease, and how many features changed level.
 * Derived from the versions' features on every read, so it always agrees with them.
 */
async function buildLedger(db: Queryable): Promise<LedgerLayer[]> {
  const { rows: layers } = await db.query<{ id: string; kind: string; nameZh: string; nameEn: string }>(
    `SELECT id, kind, name_zh AS "nameZh", name_en AS "nameEn" FROM layers
      WHERE kind = ANY($1) AND EXISTS (SELECT 1 FROM layer_versions v WHERE v.layer_id = layers.id)
      ORDER BY legend_order, id`,
    [[...LEDGER_KINDS]],
  );
  const ids = layers.map((l) => l.id);
  const { rows: versions } = await db.query<{ layerId: string; version: number; createdAt: string; approvalDocument: string | null; note: string | null }>(
    `SELECT layer_id AS "layerId", version, to_char(loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
            approval_document AS "approvalDocument", note
       FROM layer_versions WHERE layer_id = ANY($1) ORDER BY layer_id, version`,
    [ids],
  );
  const { rows: levelChanges } = await db.query<{ layerId: string; version: number; n: number }>(
    `WITH v AS (SELECT layer_id, version, lag(version) OVER (PARTITION BY layer_id ORDER BY version) AS prev
                  FROM layer_versions WHERE layer_id = ANY($1))
     SELECT v.layer_id AS "layerId", v.version, count(*)::int AS n
       FROM v JOIN features b ON b.layer_id = v.layer_id AND b.version = v.version
              JOIN features a ON a.layer_id = v.layer_id AND a.version = v.prev AND a.feature_key = b.feature_key
      WHERE a.level IS DISTINCT FROM b.level
      GROUP BY 1, 2`,
    [ids],
  );
  const changesOf = new Map(levelChanges.map((r) => [`${r.layerId}/${r.version}`, r.n]));
  const areasOf = await versionAreas(db, ids);
  const out: LedgerLayer[] = [];
  for (const layer of layers) {
    const areas = areasOf.get(layer.id) ?? new Map();
    let previous: number | undefined;
    const rows = versions.filter((v) => v.layerId === layer.id).map((v) => {
      const areaM2 = areas.get(v.version)?.areaM2 ?? 0;
      const netChangeM2 = previous === undefined ? 0 : round2(areaM2 - previous);
      const decreased = previous !== undefined && -netChangeM2 > decreaseThresholdM2(previous);
      previous = areaM2;
      return {
        version: v.version, createdAt: v.createdAt, areaM2, netChangeM2, decreased,
        levelChanges: changesOf.get(`${layer.id}/${v.version}`) ?? 0, approvalDocument: v.approvalDocument, note: v.note,
      };
    });
    out.push({ layerId: layer.id, kind: layer.kind, nameZh: layer.nameZh, nameEn: layer.nameEn, versions: rows });
  }
  return out;
}

/** The ledger sums every version's features: bounded, so a province-scale history cannot hold a connection. */
const LEDGER_TIMEOUT_MS = 60_000;

export async function readLedger(pool: pg.Pool): Promise<LedgerLayer[]> {
  try {
    return await withStatementTimeout(pool, LEDGER_TIMEOUT_MS, (client) => buildLedger(client));
  } catch (e) {
    if ((e as { code?: string }).code === QUERY_CANCELED)
      throw serviceUnavailable('LEDGER_TOO_LONG', '台账汇总超时，请稍后重试', 'Summing up the ledger took too long; try again later', 30);
    throw e;
  }
}
