import { useTranslation } from 'react-i18next';
import { formatHectares, formatMu } from '../../common/units/area-units.ts';
import { formatBeijingTime } from '../../common/report/report-model.ts';
import { layerName, type LayerNaming } from '../../common/report/names.ts';
import { bilingualSide } from '../i18n/bundle.ts';
import type { SiteFeature } from '../draw/site-features.ts';
import type { ProjectInput } from './api-types.ts';
import { AvoidanceCard } from './AvoidanceCard.tsx';
import { CHECK_NS } from './i18n.ts';
import { LayerResultItem } from './LayerResultItem.tsx';
import { ProjectForm } from './ProjectForm.tsx';
import type { LiveCheck } from './useLiveCheck.ts';
import { VerdictBadge } from './VerdictBadge.tsx';

const SEVERITY = { prohibited: 3, conditional: 2, notice: 1, clear: 0, outside_coverage: -1 } as const;

/**
 * The conflict check beside the map: the verdict badge, the project form (re-checks on change),
 * each layer with its findings and cited rules, the 已核查无冲突 list, warnings and the avoidance
 * suggestion. It shows what POST /api/check answered and decides nothing itself.
 */
export function CheckPanel({
  live,
  project,
  onProject,
  bufferM,
  onBufferM,
  layers,
  siteName,
  onAdoptAvoidance,
  onRepair,
}: {
  live: LiveCheck;
  project: ProjectInput;
  onProject: (project: ProjectInput) => void;
  bufferM: number;
  onBufferM: (bufferM: number) => void;
  layers: LayerNaming[];
  siteName: string;
  onAdoptAvoidance: (parts: SiteFeature[]) => void;
  onRepair: () => void;
}) {
  const { t, i18n } = useTranslation(CHECK_NS);
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

      <ProjectForm project={project} onProject={onProject} bufferM={bufferM} onBufferM={onBufferM} />

      {result && status !== 'idle' && (
        <div className={`check-results${pending ? ' is-stale' : ''}`} data-testid="check-results">
          <h4>{t('results.title')}</h4>
          {results.length === 0 ? (
            <p className="muted">{t('results.none')}</p>
          ) : (
            <ul className="layer-results">
              {results.map((r) => <LayerResultItem key={r.layerId} result={r} layers={layers} bufferM={result.bufferM} />)}
            </ul>
          )}
          <AvoidanceCard result={result} siteName={siteName} onAdopt={onAdoptAvoidance} />
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
