import { useTranslation } from 'react-i18next';
import { formatHectares, formatMu } from '../../common/units/area-units.ts';
import { formatBeijingTime } from '../../common/report/report-model.ts';
import { layerName, type LayerNaming } from '../../common/report/names.ts';
import { bilingualSide } from '../i18n/bundle.ts';
import type { SiteFeature } from '../draw/site-features.ts';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { AvoidanceCard } from './AvoidanceCard.tsx';
import { CHECK_NS } from './i18n.ts';
import type { ResultFocus } from './result-focus.ts';
import { ResultTable } from './ResultTable.tsx';
import type { LiveCheck } from './useLiveCheck.ts';
import { VerdictBadge } from './VerdictBadge.tsx';

const SEVERITY = { prohibited: 3, conditional: 2, notice: 1, clear: 0, outside_coverage: -1 } as const;

/**
 * The conflict check beside the map: the verdict badge, then at once the compact table of the
 * layers involved (details under a row on demand, each row linked to the map), the avoidance
 * suggestion, the 已核查无冲突 list and warnings. It shows what POST /api/check answered and
 * decides nothing itself. (The project form, which the check depends on, sits above it.)
 */
export function CheckPanel({
  live,
  layers,
  siteName,
  onAdoptAvoidance,
  onRepair,
  focus,
  onFocus,
}: {
  live: LiveCheck;
  layers: LayerNaming[];
  siteName: string;
  onAdoptAvoidance: (parts: SiteFeature[]) => void;
  onRepair: () => void;
  focus: ResultFocus;
  onFocus: (focus: ResultFocus) => void;
}) {
  const { t, i18n } = useTranslation(CHECK_NS);
  const { dispatch } = useViewState();
  const lang = bilingualSide(i18n.language);
  const { result, status, error } = live;
  const results = [...(result?.results ?? [])].sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict] || b.overlapAreaM2 - a.overlapAreaM2);
  const pending = status === 'checking';
  return (
    <div className="check-panel" aria-busy={pending}>
      <div className="check-verdict">
        <VerdictBadge verdict={status === 'idle' ? null : (result?.verdict ?? null)} size="large" pending={pending} />
        <div className="check-status" role="status" data-testid="check-status">
          {status === 'idle' && t('status.idle')}
          {status === 'checking' && t('status.checking')}
          {status === 'done' && result && t('status.checkedAt', { time: formatBeijingTime(result.checkedAt, lang) })}
          {status === 'error' && error && (
            <span className="check-error" role="alert">
              {t('status.error', { message: error.messageIn(i18n.language) })}
              {(error.code === 'SELF_INTERSECTION' || error.code === 'INVALID_GEOMETRY') && (
                <button type="button" className="link-button" onClick={onRepair}>
                  {t('status.repair')}
                </button>
              )}
            </span>
          )}
          {result && status !== 'idle' && (
            <div className="muted">{t('results.siteArea', { ha: formatHectares(result.siteAreaM2), mu: formatMu(result.siteAreaM2) })}</div>
          )}
        </div>
      </div>

      {result && status !== 'idle' && (
        <div className={`check-results${pending ? ' is-stale' : ''}`} data-testid="check-results">
          <div className="check-results-head">
            <h4>{t('results.title')}</h4>
            {results.length > 0 && (
              <button
                type="button"
                className="link-button"
                data-action="show-result-layers"
                onClick={() => dispatch({ type: 'set-layers-visible', layerIds: results.map((r) => r.layerId), visible: true })}
              >
                {t('table.showLayers')}
              </button>
            )}
          </div>
          {results.length === 0 ? (
            <p className="muted">{t('results.none')}</p>
          ) : (
            <>
              <ResultTable results={results} layers={layers} bufferM={result.bufferM} focus={focus} onFocus={onFocus} />
              <p className="muted result-map-key">
                <span className="conflict-swatch" aria-hidden="true" /> {t('table.mapKey')}
              </p>
            </>
          )}
          <AvoidanceCard result={result} siteName={siteName} layers={layers} lang={lang} onAdopt={onAdoptAvoidance} />
          {result.clearLayers.length > 0 && (
            <div className="clear-layers" data-testid="clear-layers">
              <h4>{t('clearLayers')}</h4>
              <ul>
                {result.clearLayers.map((id) => (
                  <li key={id}>
                    <VerdictBadge verdict="clear" size="small" /> {layerName(id, undefined, layers, lang)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {result.warnings.length > 0 && (
            <div className="site-alert site-alert-warn">
              <strong>{t('warnings')}</strong>
              <ul>{result.warnings.map((w, i) => <li key={i}>{lang === 'zh' ? w.zh : w.en}</li>)}</ul>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
