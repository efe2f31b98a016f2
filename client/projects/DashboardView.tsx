import { useTranslation } from 'react-i18next';
import { VERDICT_COLOURS } from '../../common/report/report-styles.ts';
import { errorText } from '../auth/api-fetch.ts';
import { useAuth } from '../auth/auth-store.ts';
import { CHECK_NS } from '../check/i18n.ts';
import { PROJECTS_NS } from './i18n.ts';
import { showRegisterFiltered, useProjectNav } from './project-nav.ts';
import { getDashboard } from './projects-api.ts';
import { STATUSES, VERDICT_ORDER } from './types.ts';
import { useApiData } from './useApiData.ts';
import { UNCHECKED_COLOUR } from './verdict-style.ts';

/** A count as a bar of the largest count's width; a click lists those projects in the register. */
function CountRow({ label, count, max, colour, onClick, testId }: { label: string; count: number; max: number; colour: string; onClick(): void; testId: string }) {
  return (
    <li>
      <button type="button" className="count-row" onClick={onClick} disabled={count === 0} data-testid={testId} data-count={count}>
        <span className="count-label">
          <span className="count-swatch" style={{ background: colour }} />
          {label}
        </span>
        <span className="count-bar">
          <span style={{ width: `${max ? (100 * count) / max : 0}%`, background: colour }} />
        </span>
        <span className="count-value">{count}</span>
      </button>
    </li>
  );
}

const STATUS_COLOURS: Record<string, string> = {
  draft: '#8a94a0',
  submitted: '#1565c0',
  revision_requested: '#ef6c00',
  approved: '#2e7d32',
  rejected: '#c62828',
};

/** 统计概览: projects by review status, by verdict (as on the map) and by township. */
export function DashboardView() {
  const { t, i18n } = useTranslation(PROJECTS_NS);
  const { t: tc } = useTranslation(CHECK_NS);
  const { user } = useAuth();
  const { dataVersion } = useProjectNav();
  const counts = useApiData(getDashboard, [dataVersion, user?.id]);
  const d = counts.data;
  if (!d) {
    return (
      <p className="panel-state" role={counts.error ? 'alert' : undefined}>
        {counts.error ? errorText(counts.error, i18n.language) : t('dashboard.loading')}
      </p>
    );
  }
  const maxStatus = Math.max(...Object.values(d.byStatus));
  const maxVerdict = Math.max(...Object.values(d.byVerdict));
  const maxTownship = Math.max(0, ...d.byTownship.map((x) => x.count));
  const q = d.queues;
  const maxIntake = Math.max(1, ...q.monthlyIntake.map((m) => m.count));
  const days = (n: number | null) => (n === null ? '—' : t('dashboard.days', { n }));
  return (
    <div className="dashboard" data-testid="dashboard">
      <p className="dashboard-total">{t('dashboard.total', { count: d.total })}</p>
      <section className="project-section dashboard-queue" data-testid="dashboard-queue">
        <h3>{t('dashboard.queue', { days: q.deadlineWorkingDays })}</h3>
        <table className="project-facts">
          <tbody>
            <tr>
              <th>{t('dashboard.waiting')}</th>
              <td data-testid="queue-waiting">{q.waiting.count}</td>
            </tr>
            <tr className={q.waiting.overdue > 0 ? 'is-overdue' : undefined}>
              <th>{t('dashboard.overdue')}</th>
              <td data-testid="queue-overdue">
                <button type="button" className="link-button" onClick={() => showRegisterFiltered({ status: 'submitted' })} disabled={q.waiting.overdue === 0}>
                  {q.waiting.overdue}
                </button>
              </td>
            </tr>
            <tr>
              <th>{t('dashboard.meanWaiting')}</th>
              <td>
                {days(q.waiting.meanWorkingDays)} {q.waiting.maxWorkingDays !== null && <span className="muted">{t('dashboard.longest', { n: q.waiting.maxWorkingDays })}</span>}
              </td>
            </tr>
            <tr>
              <th>{t('dashboard.decisionTime')}</th>
              <td>
                {days(q.decided.meanWorkingDays)} <span className="muted">{t('dashboard.late', { count: q.decided.count, late: q.decided.late })}</span>
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <section className="project-section">
        <h3>{t('dashboard.areaByVerdict')}</h3>
        <table className="project-facts" data-testid="area-by-verdict">
          <tbody>
            {[...VERDICT_ORDER, 'none' as const].map((v) => (
              <tr key={v}>
                <th>{v === 'none' ? t('filter.none') : tc(`verdict.${v}`)}</th>
                <td>{t('dashboard.hectares', { ha: (q.areaHaByVerdict[v] ?? 0).toLocaleString(i18n.language.startsWith('zh') ? 'zh-CN' : 'en', { maximumFractionDigits: 2 }) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="project-section">
        <h3>{t('dashboard.intake')}</h3>
        <ol className="intake-chart" data-testid="monthly-intake">
          {q.monthlyIntake.map((m) => (
            <li key={m.month} title={`${m.month}: ${m.count}`} data-count={m.count}>
              <span className="intake-bar" style={{ height: `${(100 * m.count) / maxIntake}%` }} />
              <span className="intake-month">{m.month.slice(5)}</span>
            </li>
          ))}
        </ol>
      </section>
      <section className="project-section">
        <h3>{t('dashboard.byStatus')}</h3>
        <ul className="count-list">
          {STATUSES.map((s) => (
            <CountRow key={s} label={t(`status.${s}`)} count={d.byStatus[s] ?? 0} max={maxStatus} colour={STATUS_COLOURS[s]} onClick={() => showRegisterFiltered({ status: s })} testId={`count-status-${s}`} />
          ))}
        </ul>
      </section>
      <section className="project-section">
        <h3>{t('dashboard.byVerdict')}</h3>
        <ul className="count-list">
          {VERDICT_ORDER.map((v) => (
            <CountRow key={v} label={tc(`verdict.${v}`)} count={d.byVerdict[v] ?? 0} max={maxVerdict} colour={VERDICT_COLOURS[v]} onClick={() => showRegisterFiltered({ verdict: v })} testId={`count-verdict-${v}`} />
          ))}
          <CountRow label={t('filter.none')} count={d.byVerdict.none ?? 0} max={maxVerdict} colour={UNCHECKED_COLOUR} onClick={() => showRegisterFiltered({ verdict: 'none' })} testId="count-verdict-none" />
        </ul>
        <p className="muted dashboard-note">{t('dashboard.mapLegend')}</p>
      </section>
      {d.byTownship.length > 0 && (
        <section className="project-section">
          <h3>{t('dashboard.byTownship')}</h3>
          <ul className="count-list">
            {d.byTownship.map((x) => (
              <CountRow
                key={x.township ?? ''}
                label={x.township ?? t('filter.unknownTownship')}
                count={x.count}
                max={maxTownship}
                colour="#6b5e4e"
                onClick={() => (x.township ? showRegisterFiltered({ township: x.township }) : undefined)}
                testId="count-township"
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
