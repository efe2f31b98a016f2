import type { AuthState } from '../auth/auth-store.ts';

/**
 * What the app shows: `checking` until GET /api/auth/me has answered (so a closed map never starts
 * the map and its requests only to be refused), `login` — the login screen instead of the map — when
 * the server's map is closed (PUBLIC_MAP=false) to an anonymous visitor, or the layer catalog
 * answered 401 anyway (a session that ended on the server); otherwise the app.
 */
export type GateView = 'checking' | 'login' | 'app';

export function gateView(auth: Pick<AuthState, 'status' | 'user' | 'publicMap'>, catalogErrorStatus: number | null): GateView {
  if (auth.status !== 'ready') return 'checking';
  if (auth.user) return 'app';
  return !auth.publicMap || catalogErrorStatus === 401 ? 'login' : 'app';
}
