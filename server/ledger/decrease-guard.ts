import { decreaseThresholdM2, LEDGER_KINDS } from '../../common/api/ledger.ts';
import type { Queryable } from '../db/types.ts';
import { unprocessable } from '../http/errors.ts';

const fmtHa = (m2: number) => (m2 / 10_000).toFixed(4);

/**
 * 面积不减少: a new version that makes a protected layer (LEDGER_KINDS) smaller than its current
 * version needs a 批准文号 and a note giving the reason; without both it is refused (422) and
 * nothing is published. Returns the decrease (m², > 0) or 0.
 */
export async function assertDecreaseApproved(
  db: Queryable,
  layer: { id: string; kind: string },
  newAreaM2: number,
  provenance: { approvalDocument?: string | null; note?: string | null },
): Promise<number> {
  if (!(LEDGER_KINDS as readonly string[]).includes(layer.kind)) return 0;
  const { rows } = await db.query<{ area: number | null }>(
    `SELECT SUM(f.area_m2) AS area FROM layers l JOIN features f ON f.layer_id = l.id AND f.version = l.current_version WHERE l.id = $1`,
    [layer.id],
  );
  const current = rows[0]?.area;
  if (current === null || current === undefined) return 0;
  const decrease = current - newAreaM2;
  if (!(decrease > decreaseThresholdM2(current))) return 0;
  if (!provenance.approvalDocument?.trim() || !provenance.note?.trim()) {
    throw unprocessable(
      'AREA_DECREASE_NEEDS_APPROVAL',
      `新版本使受保护图层面积减少 ${fmtHa(decrease)} 公顷（${fmtHa(current)} → ${fmtHa(newAreaM2)} 公顷）：面积不减少，减少须填写批准文号及调整说明，未发布`,
      `The new version reduces the protected layer's area by ${fmtHa(decrease)} ha (${fmtHa(current)} → ${fmtHa(newAreaM2)} ha): a decrease needs an approval document and a note giving the reason; nothing was published`,
      { currentAreaM2: current, newAreaM2, decreaseM2: decrease },
    );
  }
  return decrease;
}
