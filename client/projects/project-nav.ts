import { useSyncExternalStore } from 'react';
import { onAuthChange } from '../auth/auth-store.ts';
import { onUrlChange, selectTab, tabOfPath, writeUrl } from '../app/app-url.ts';
import { EMPTY_FILTER, type RegisterFilter } from './types.ts';

/**
 * Where the 项目 tab is (register, dashboard or one project) and the register's filters and page.
 * Kept outside React because the tab's content unmounts on a tab switch (editing a site in 绘制与
 * 核查 and coming back must land on the same project), and the map layer opens projects too.
 */
type ProjectsView = { view: 'register' } | { view: 'dashboard' } | { view: 'project'; id: number };

interface NavState {
  current: ProjectsView;
  filter: RegisterFilter;
  page: number;
  /** Bumped after every change of project data, so lists, counts and the map reload. */
  dataVersion: number;
}

const FILTER_KEYS = Object.keys(EMPTY_FILTER) as (keyof RegisterFilter)[];

/** Reviewers open on 待我审查 (the projects awaiting review); everyone else on the whole register. */
let role: string | null = null;
const defaultFilter = (): RegisterFilter => (role === 'reviewer' ? { ...EMPTY_FILTER, status: 'submitted' } : EMPTY_FILTER);

/**
 * The 项目 tab's address: `/projects?status=…&page=2`, `/projects/dashboard`, `/projects/12`. A
 * filter equal to the user's default is left out; a reviewer's 全部 is `status=all`.
 */
function urlOf(s: Pick<NavState, 'current' | 'filter' | 'page'>): string {
  if (s.current.view === 'project') return `/projects/${s.current.id}`;
  if (s.current.view === 'dashboard') return '/projects/dashboard';
  const params = new URLSearchParams();
  const fallback = defaultFilter();
  if (JSON.stringify(s.filter) !== JSON.stringify(fallback)) {
    for (const key of FILTER_KEYS) if (s.filter[key]) params.set(key, s.filter[key]);
    if (!s.filter.status && fallback.status) params.set('status', 'all');
  }
  if (s.page > 0) params.set('page', String(s.page + 1));
  const query = params.toString();
  return `/projects${query ? `?${query}` : ''}`;
}

/** The view an address names, or null when it is not the 项目 tab's. */
function navOfUrl(pathname: string, search: string): Pick<NavState, 'current' | 'filter' | 'page'> | null {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] !== 'projects') return null;
  if (parts[1] === 'dashboard') return { current: { view: 'dashboard' }, filter: state.filter, page: 0 };
  if (parts[1] && /^\d{1,15}$/.test(parts[1])) return { current: { view: 'project', id: Number(parts[1]) }, filter: state.filter, page: state.page };
  const params = new URLSearchParams(search);
  const given = FILTER_KEYS.some((k) => params.has(k));
  const filter: RegisterFilter = given ? { ...EMPTY_FILTER } : defaultFilter();
  if (given) for (const key of FILTER_KEYS) filter[key] = (params.get(key) ?? '').slice(0, 200);
  if (filter.status === 'all') filter.status = '';
  const page = Math.max(0, Math.min(10_000, Number(params.get('page') ?? 1) - 1 || 0));
  return { current: { view: 'register' }, filter, page };
}

let state: NavState = { current: { view: 'register' }, filter: EMPTY_FILTER, page: 0, dataVersion: 0 };
state = { ...state, ...navOfUrl(window.location.pathname, window.location.search) };
const listeners = new Set<() => void>();

/** Changes the view; while the 项目 tab is open the address follows (a new entry, or in place). */
function set(next: Partial<NavState>, history: 'push' | 'replace' | 'none' = 'none'): void {
  state = { ...state, ...next };
  if (history !== 'none' && tabOfPath(window.location.pathname) === 'projects') writeUrl(urlOf(state), history);
  for (const l of listeners) l();
}

/** Writes the current view into the address in place (the 项目 tab just opened). */
export const syncProjectsUrl = () => writeUrl(urlOf(state), 'replace');

export const showRegister = () => set({ current: { view: 'register' } }, 'push');
export const showDashboard = () => set({ current: { view: 'dashboard' } }, 'push');
export const openProject = (id: number) => set({ current: { view: 'project', id } }, 'push');
export const setFilter = (filter: RegisterFilter) => set({ filter, page: 0 }, 'replace');
export const setPage = (page: number) => set({ page }, 'push');
export const projectDataChanged = () => set({ dataVersion: state.dataVersion + 1 });

/** Opens the register filtered (a count on the dashboard leads to its projects). */
export const showRegisterFiltered = (patch: Partial<RegisterFilter>) =>
  set({ current: { view: 'register' }, filter: { ...EMPTY_FILTER, ...patch }, page: 0 }, 'push');

onUrlChange(() => {
  const nav = navOfUrl(window.location.pathname, window.location.search);
  if (nav) set(nav);
});

/**
 * Another account starts on the register with its default filter: the previous user's open project
 * and filters are theirs (after 退出登录 on a shared computer, say). The first login of the page
 * keeps what the address asks for (a shared link opens after login).
 */
let lastUserId: number | null | undefined;
onAuthChange((auth) => {
  if (auth.status !== 'ready') return;
  const userId = auth.user?.id ?? null;
  role = auth.user?.role ?? null;
  // From one account to another (or logged out): the register. From anonymous to logged in: what the address asks.
  if (typeof lastUserId === 'number' && lastUserId !== userId) set({ current: { view: 'register' }, filter: defaultFilter(), page: 0 }, 'replace');
  else if (lastUserId === undefined || lastUserId === null) {
    const nav = navOfUrl(window.location.pathname, window.location.search);
    if (nav) set(nav);
    else if (JSON.stringify(state.filter) === JSON.stringify(EMPTY_FILTER)) set({ filter: defaultFilter() });
  }
  lastUserId = userId;
});

export function useProjectNav(): NavState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** Opens a project's page in the 项目 tab, from anywhere (the search box, the site workspace). */
export function openProjectPage(id: number): void {
  openProject(id);
  showPanelTab('projects');
}

/**
 * Shows another tab of the side panel, as a click on it does (app-url.ts).
 */
export function showPanelTab(id: 'layers' | 'check' | 'projects' | 'batch'): void {
  selectTab(id);
  if (id === 'projects') syncProjectsUrl();
}
