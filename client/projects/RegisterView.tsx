import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-store.ts';
import { errorText } from '../auth/api-fetch.ts';
import { PROJECTS_NS } from './i18n.ts';
import { openProject, setFilter, setPage, showPanelTab, useProjectNav } from './project-nav.ts';
import { getDashboard, listProjects, registerXlsxUrl } from './projects-api.ts';
import { ProjectListItem } from './ProjectListItem.tsx';
import { RegisterFilters } from './RegisterFilters.tsx';
import { EMPTY_FILTER } from './types.ts';
import { useApiData } from './useApiData.ts';
import { useTypeLabel } from './useTypeLabel.ts';

const PAGE_SIZE = 20;

/** 项目台账: filters, the page of projects, paging and the XLSX export of everything filtered. */
export function RegisterView() {
  const { t, i18n } = useTranslation(PROJECTS_NS);
  const { user } = useAuth();
  const { filter, page, dataVersion } = useProjectNav();
  const { label } = useTypeLabel();
  const offset = page * PAGE_SIZE;
  const list = useApiData(() => listProjects(filter, { limit: PAGE_SIZE, offset }), [JSON.stringify(filter), offset, dataVersion, user?.id]);
  // The townships that have projects (from the dashboard counts) fill the township filter.
  const counts = useApiData(getDashboard, [dataVersion, user?.id]);
  const townships = (counts.data?.byTownship ?? []).flatMap((x) => (x.township ? [x.township] : [])).sort((a, b) => a.localeCompare(b, 'zh-CN'));

  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];
  const unfiltered = JSON.stringify(filter) === JSON.stringify(EMPTY_FILTER);
  return (
    <div className="register" data-testid="register">
      <RegisterFilters filter={filter} onFilter={setFilter} townships={townships} />
      <div className="register-bar">
        <span className="muted" data-testid="register-total">
          {total > 0 ? t('register.range', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, total), total }) : ''}
        </span>
        <a className="register-export" href={registerXlsxUrl(filter)} download data-testid="register-xlsx">
          {t('register.export')}
        </a>
      </div>
      {list.error !== null && (
        <p className="panel-state register-error" role="alert">
          {errorText(list.error, i18n.language)}
        </p>
      )}
      {list.loading && !list.data && <p className="panel-state">{t('register.loading')}</p>}
      {list.data && items.length === 0 && (
        <p className="panel-state">{unfiltered && user?.role === 'applicant' ? t('register.emptyApplicant') : t('register.empty')}</p>
      )}
      <ul className={`register-list${list.loading ? ' is-stale' : ''}`} aria-busy={list.loading}>
        {items.map((p) => (
          <ProjectListItem key={p.id} project={p} typeLabel={label(p.project.type)} onOpen={() => openProject(p.id)} />
        ))}
      </ul>
      {total > PAGE_SIZE && (
        <div className="register-paging">
          <button type="button" onClick={() => setPage(page - 1)} disabled={page === 0}>
            {t('register.prev')}
          </button>
          <button type="button" onClick={() => setPage(page + 1)} disabled={offset + PAGE_SIZE >= total}>
            {t('register.next')}
          </button>
        </div>
      )}
      {user?.role === 'applicant' && (
        <button type="button" className="link-button register-new" onClick={() => showPanelTab('check')}>
          {t('register.newProject')}
        </button>
      )}
    </div>
  );
}
