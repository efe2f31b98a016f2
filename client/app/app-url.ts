import { useSyncExternalStore } from 'react';

/**
 * The app's address (issue 19): the path says which tab is open and what it shows — `/projects/12`,
 * `/projects?status=submitted`, `/check` — so a project can be sent as a link and the browser's Back
 * and Forward move between views. The hash stays the map's own (permalink.ts: centre, layers).
 */
const TAB_IDS = ['layers', 'check', 'projects', 'batch'] as const;
export type TabId = (typeof TAB_IDS)[number];
const DEFAULT_TAB: TabId = 'layers';

export function tabOfPath(pathname: string): TabId | null {
  const first = pathname.split('/')[1] ?? '';
  return (TAB_IDS as readonly string[]).includes(first) ? (first as TabId) : null;
}

/** Puts `pathAndQuery` in the address bar, keeping the map's hash: a new history entry (push) or in place. */
export function writeUrl(pathAndQuery: string, mode: 'push' | 'replace'): void {
  const current = window.location.pathname + window.location.search;
  if (current === pathAndQuery) return;
  const url = pathAndQuery + window.location.hash;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(window.history.state, '', url);
}

const listeners = new Set<() => void>();
let selected: TabId = tabOfPath(window.location.pathname) ?? DEFAULT_TAB;

/** Back/Forward: the tab follows the path; features read the rest of it (onUrlChange). */
const urlListeners = new Set<() => void>();
window.addEventListener('popstate', () => {
  selected = tabOfPath(window.location.pathname) ?? DEFAULT_TAB;
  for (const l of listeners) l();
  for (const l of urlListeners) l();
});

export function onUrlChange(listener: () => void): () => void {
  urlListeners.add(listener);
  return () => urlListeners.delete(listener);
}

/** Opens a tab as a click on it does: the address becomes the tab's (its feature may refine it, in place). */
export function selectTab(id: TabId): void {
  if (tabOfPath(window.location.pathname) !== id) writeUrl(id === DEFAULT_TAB ? '/' : `/${id}`, 'push');
  if (selected === id) return;
  selected = id;
  for (const l of listeners) l();
}

export function useSelectedTab(): TabId {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => selected,
  );
}
