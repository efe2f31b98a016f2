import { apiFetch } from './api-fetch.ts';
import { clearSession, setSession, type SessionUser } from './auth-store.ts';

/** POST /api/auth/login → { user, csrfToken }; the session cookie is set by the response. */
export async function logIn(username: string, password: string): Promise<SessionUser> {
  const { user, csrfToken } = await apiFetch<{ user: SessionUser; csrfToken: string }>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
  });
  setSession(user, csrfToken);
  return user;
}

/** POST /api/auth/logout; the local session ends even when the server had already forgotten it. */
export async function logOut(): Promise<void> {
  try {
    await apiFetch<void>('/api/auth/logout', { method: 'POST' });
  } finally {
    clearSession('logout');
  }
}
