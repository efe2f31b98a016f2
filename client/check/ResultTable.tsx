import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatHectares, formatNumber } from '../../common/units/area-units.ts';
import { layerName, levelName, type LayerNaming } from '../../common/report/names.ts';
import { bilingualSide } from '../i18n/bundle.ts';
import type { LayerResult } from '../../common/api/check-result.ts';
import { CHECK_NS } from './i18n.ts';
import { LayerResultItem } from './LayerResultItem.tsx';
import type { ResultFocus } from './result-focus.ts';
import { VerdictBadge } from './VerdictBadge.tsx';

/**
 * The check at a glance: one row per layer (图层 | 结论 | 重叠公顷 | 占比 | 距离), most severe first.
 * Pointing at a row outlines its features on the map; clicking it switches its layer on, frames the
 * map on it and opens its details (rules, articles, procedures) under the row.
 */
export function ResultTable({
  results,
  layers,
  bufferM,
  focus,
  onFocus,
}: {
  results: LayerResult[];
  layers: LayerNaming[];
  bufferM: number;
  focus: ResultFocus;
  onFocus: (focus: ResultFocus) => void;
}) {
  const { t, i18n } = useTranslation(CHECK_NS);
  const lang = bilingualSide(i18n.language);
  const [open, setOpen] = useState<string | null>(null);
  const choose = (layerId: string) => {
    setOpen((o) => (o === layerId ? null : layerId));
    onFocus({ hover: null, pinned: { layerId, seq: (focus.pinned?.seq ?? 0) + 1 } });
  };
  const hover = (layerId: string | null) => onFocus({ ...focus, hover: layerId });
  return (
    <table className="result-table" data-testid="result-table">
      <thead>
        <tr>
          <th scope="col">{t('table.layer')}</th>
          <th scope="col">{t('table.verdict')}</th>
          <th scope="col" className="num">{t('table.overlapHa')}</th>
          <th scope="col" className="num">{t('table.pct')}</th>
          <th scope="col" className="num">{t('table.distance')}</th>
        </tr>
      </thead>
      <tbody onMouseLeave={() => hover(null)}>
        {results.map((r) => {
          const level = levelName(r.kind, r.level, lang);
          const overlaps = r.relation === 'overlaps' && r.overlapAreaM2 > 0;
          const isOpen = open === r.layerId;
          const pinned = focus.pinned?.layerId === r.layerId;
          return [
            <tr
              key={r.layerId}
              className={`result-row verdict-border-${r.verdict}${pinned ? ' is-pinned' : ''}${focus.hover === r.layerId ? ' is-hovered' : ''}`}
              data-layer={r.layerId}
              data-verdict={r.verdict}
              tabIndex={0}
              aria-expanded={isOpen}
              title={t('table.rowHint')}
              onMouseEnter={() => hover(r.layerId)}
              onFocus={() => hover(r.layerId)}
              onBlur={() => hover(null)}
              onClick={() => choose(r.layerId)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  choose(r.layerId);
                }
              }}
            >
              <th scope="row">
                <span className="result-row-name">{layerName(r.layerId, r.kind, layers, lang)}</span>
                {level && <span className="result-row-level">{level}</span>}
              </th>
              <td>
                <VerdictBadge verdict={r.verdict} size="small" />
              </td>
              <td className="num">{overlaps ? formatHectares(r.overlapAreaM2) : '—'}</td>
              <td className="num">{overlaps ? `${formatNumber(r.overlapPct, r.overlapPct < 1 ? 2 : 1)}%` : '—'}</td>
              <td className="num">{overlaps || r.minDistanceM === null ? (r.relation === 'touches' ? '0' : '—') : t('table.metres', { d: formatNumber(r.minDistanceM, 0) })}</td>
            </tr>,
            isOpen && (
              <tr key={`${r.layerId}-details`} className="result-details-row" data-details={r.layerId}>
                <td colSpan={5}>
                  <ul className="layer-results">
                    <LayerResultItem result={r} layers={layers} bufferM={bufferM} />
                  </ul>
                </td>
              </tr>
            ),
          ];
        })}
      </tbody>
    </table>
  );
}
