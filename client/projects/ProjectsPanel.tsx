import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-store.ts';
import { AUTH_NS } from '../auth/i18n.ts';
import { requestLogin } from '../auth/login-request.ts';
import { DashboardView } from './DashboardView.tsx';
import { PROJECTS_NS } from './i18n.ts';
import { setFilter, showDashboard, showRegister, syncProjectsUrl, useProjectNav } from './project-nav.ts';
import { EMPTY_FILTER } from './types.ts';
import { ProjectPage } from './ProjectPage.tsx';
import { ProjectsMapLayer } from './ProjectsMapLayer.tsx';
import { RegisterView } from './RegisterView.tsx';
import './projects.css';

/** The 项目 tab: 项目台账 and 统计概览 (with the projects on the map), or one project's page. */
export function ProjectsPanel() {
  const { t } = useTranslation(PROJECTS_NS);
  const { t: ta } = useTranslation(AUTH_NS);
  const auth = useAuth();
  const { current, filter } = useProjectNav();
  // The tab just opened: its address names what it shows (the open project, the filters).
  useEffect(() => syncProjectsUrl(), []);
  if (auth.status === 'loading') return <p className="panel-state">{ta('checking')}</p>;
  if (!auth.user) {
    return (
      <div className="projects-login">
        <p className="panel-state">{t('loginNeeded')}</p>
        <button type="button" className="primary" onClick={requestLogin} data-testid="projects-login">
          {t('login')}
        </button>
      </div>
    );
  }
  const myQueue = JSON.stringify(filter) === JSON.stringify({ ...EMPTY_FILTER, status: 'submitted' });
  if (current.view === 'project') return <ProjectPage key={current.id} id={current.id} />;
  return (
    <div className="projects-panel">
      <ProjectsMapLayer fitToProjects={current.view === 'dashboard'} />
      <nav className="projects-nav" aria-label={t('nav.register')}>
        <button type="button" aria-pressed={current.view === 'register' && !myQueue} onClick={() => (myQueue ? setFilter(EMPTY_FILTER) : showRegister())} data-testid="nav-register">
          {t('nav.register')}
        </button>
        {auth.user.role === 'reviewer' && (
          <button
            type="button"
            aria-pressed={current.view === 'register' && myQueue}
            onClick={() => {
              if (current.view !== 'register') showRegister();
              setFilter({ ...EMPTY_FILTER, status: 'submitted' });
            }}
            data-testid="nav-my-queue"
          >
            {t('nav.myQueue')}
          </button>
        )}
        <button type="button" aria-pressed={current.view === 'dashboard'} onClick={showDashboard} data-testid="nav-dashboard">
          {t('nav.dashboard')}
        </button>
      </nav>
      {current.view === 'register' ? <RegisterView /> : <DashboardView />}
    </div>
  );
}
