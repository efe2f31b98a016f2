import { useSyncExternalStore } from 'react';
import { onAuthChange } from '../auth/auth-store.ts';
import { EMPTY_FILTER, type RegisterFilter } from './types.ts';

/**
 * Where the 项目 tab is (register, dashboard or one project) and the register's filters and page.
 * Kept outside React because the tab's content unmounts on a tab switch (editing a site in 绘制与
 * 核查 and coming back must land on the same project), and the map layer opens projects too.
 */
export type ProjectsView = { view: 'register' } | { view: 'dashboard' } | { view: 'project'; id: number };

interface NavState {
  current: ProjectsView;
  filter: RegisterFilter;
  page: number;
  /** Bumped after every change of project data, so lists, counts and the map reload. */
  dataVersion: number;
}

let state: NavState = { current: { view: 'register' }, filter: EMPTY_FILTER, page: 0, dataVersion: 0 };
const listeners = new Set<() => void>();

function set(next: Partial<NavState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export const showRegister = () => set({ current: { view: 'register' } });
export const showDashboard = () => set({ current: { view: 'dashboard' } });
export const openProject = (id: number) => set({ current: { view: 'project', id } });
export const setFilter = (filter: RegisterFilter) => set({ filter, page: 0 });
export const setPage = (page: number) => set({ page });
export const projectDataChanged = () => set({ dataVersion: state.dataVersion + 1 });

/** Opens the register filtered (a count on the dashboard leads to its projects). */
export const showRegisterFiltered = (patch: Partial<RegisterFilter>) =>
  set({ current: { view: 'register' }, filter: { ...EMPTY_FILTER, ...patch }, page: 0 });

/**
 * Another account starts on the register with no filters: the previous user's open project and
 * filters are theirs (after 退出登录 on a shared computer, say).
 */
let lastUserId: number | null | undefined;
onAuthChange((auth) => {
  if (auth.status !== 'ready') return;
  const userId = auth.user?.id ?? null;
  if (lastUserId !== undefined && lastUserId !== userId) set({ current: { view: 'register' }, filter: EMPTY_FILTER, page: 0 });
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
 * Shows another tab of the side panel. The tabs keep their selection to themselves (PanelTabs), so
 * this presses the tab's own button, exactly as the user would.
 */
export function showPanelTab(id: 'layers' | 'check' | 'projects' | 'batch'): void {
  document.querySelector<HTMLButtonElement>(`[data-testid="tab-${id}"]`)?.click();
}
