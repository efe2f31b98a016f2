import { useTranslation } from 'react-i18next';
import { layerName, type LayerNaming } from '../../common/report/names.ts';
import { CHECK_NS } from '../check/i18n.ts';
import { VerdictBadge } from '../check/VerdictBadge.tsx';
import { bilingualSide } from '../i18n/bundle.ts';
import { formatTime } from './format.ts';
import { PROJECTS_NS } from './i18n.ts';
import type { CheckRun } from './types.ts';
import { verdictChanges } from './verdict-diff.ts';

/**
 * 核查记录: every stored check of the project, newest first, with the project version and layer
 * versions it used, the decision taken on it, and how each layer's verdict changed since the run
 * before (what moved after a revision).
 */
export function CheckHistory({ runs, layers, onReport }: { runs: CheckRun[]; layers: LayerNaming[]; onReport(run: CheckRun): void }) {
  const { t, i18n } = useTranslation(PROJECTS_NS);
  const { t: tc } = useTranslation(CHECK_NS);
  const lang = bilingualSide(i18n.language);
  const verdict = (v: string | null) => (v ? tc(`verdict.${v}`) : '');
  return (
    <section className="project-section" data-testid="check-history">
      <h3>{t('history.title')}</h3>
      {runs.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ol className="check-runs">
        {runs.map((run, i) => {
          const previous = runs[i + 1];
          const changes = previous ? verdictChanges(previous.result, run.result) : [];
          return (
            <li key={run.id} className="check-run" data-check-id={run.id} data-verdict={run.verdict}>
              <div className="check-run-head">
                <VerdictBadge verdict={run.verdict} size="small" />
                <strong>{t('history.run', { id: run.id })}</strong>
                <button type="button" className="link-button" onClick={() => onReport(run)} data-action="run-report">
                  {t('history.report')}
                </button>
              </div>
              <div className="muted check-run-meta">
                {t('history.meta', { version: run.projectVersion, time: formatTime(run.createdAt), by: run.createdBy ?? '—' })}
              </div>
              {run.decision && (
                <div className={`check-run-decision decision-tone-${run.decision.decision}`}>
                  {t('history.decision', { decision: t(`decision.${run.decision.decision}`), reviewer: run.decision.reviewer })}
                </div>
              )}
              {previous && (
                <div className="check-run-diff" data-testid="verdict-diff">
                  <span className="muted">{t('history.diffTitle', { id: previous.id })}</span>
                  {changes.length === 0 ? (
                    <span className="muted"> · {t('history.noChange')}</span>
                  ) : (
                    <ul>
                      {changes.map((c) => {
                        const layer = layerName(c.layerId, c.kind, layers, lang);
                        const key = c.from && c.to ? 'history.changed' : c.to ? 'history.appeared' : 'history.resolved';
                        return (
                          <li key={c.layerId} data-layer={c.layerId} data-from={c.from ?? 'none'} data-to={c.to ?? 'none'}>
                            {t(key, { layer, from: verdict(c.from), to: verdict(c.to) })}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </div>
              )}
              <details className="check-run-versions">
                <summary>{t('history.layerVersions')}</summary>
                <span className="muted">
                  {Object.entries(run.layerVersions)
                    .map(([id, v]) => `${layerName(id, undefined, layers, lang)} v${v}`)
                    .join(lang === 'zh' ? '、' : ', ')}
                </span>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
