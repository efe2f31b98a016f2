import { useEffect, useSyncExternalStore } from 'react';

import type { SessionState, SessionUser } from '../../common/api/auth.ts';

export interface AuthState {
  /** 'loading' until GET /api/auth/me has answered once (a reload keeps the session cookie). */
  status: 'loading' | 'ready';
  user: SessionUser | null;
  /** Sent as X-CSRF-Token on every write; handed out at login and by /api/auth/me. */
  csrfToken: string | null;
  /** Anonymous visitors may view the map (server setting). */
  publicMap: boolean;
  /**
   * The last session ended by 退出登录, not by expiring (a 401): the user meant to leave, so what
   * they were working on goes too (see check/workspace-owner.ts). Reset by the next login.
   */
  loggedOut: boolean;
}

/**
 * The logged-in user, shared by every component and by plain API helpers (which need the CSRF
 * token outside React). A module store, like the panel slot: no provider to mount.
 */
let state: AuthState = { status: 'loading', user: null, csrfToken: null, publicMap: true, loggedOut: false };
const listeners = new Set<() => void>();
let restoring: Promise<void> | null = null;

function set(next: Partial<AuthState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export const getAuth = (): AuthState => state;

/** Calls `listener` whenever the session changes (login, logout, restore); returns the unsubscribe. */
export function onAuthChange(listener: (auth: AuthState) => void): () => void {
  const l = () => listener(state);
  listeners.add(l);
  return () => listeners.delete(l);
}
export const getCsrfToken = (): string | null => state.csrfToken;

/** Reads the session behind the cookie (after a reload, or when a token turned out stale). */
export function restoreSession(): Promise<void> {
  restoring ??= fetch('/api/auth/me', { headers: { Accept: 'application/json' }, cache: 'no-store' })
    .then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const me = (await res.json()) as SessionState;
      set({ status: 'ready', user: me.user, csrfToken: me.csrfToken, publicMap: me.publicMap, ...(me.user ? { loggedOut: false } : {}) });
    })
    .catch(() => set({ status: 'ready' }))
    .finally(() => {
      restoring = null;
    });
  return restoring;
}

/** After POST /api/auth/login answered { user, csrfToken }. */
export function setSession(user: SessionUser, csrfToken: string): void {
  set({ status: 'ready', user, csrfToken, loggedOut: false });
}

/** Logged out (`logout`), or the server no longer knows the session (`expired`, a 401). */
export function clearSession(reason: 'logout' | 'expired'): void {
  set({ status: 'ready', user: null, csrfToken: null, ...(reason === 'logout' ? { loggedOut: true } : {}) });
}

let restoredOnce = false;

/** The auth state; the first component to ask restores the session from the cookie. */
export function useAuth(): AuthState {
  useEffect(() => {
    if (restoredOnce) return;
    restoredOnce = true;
    void restoreSession();
  }, []);
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
