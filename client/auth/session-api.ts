import { apiFetch } from './api-fetch.ts';
import type { LoginBody, LoginResponse } from '../../common/api/auth.ts';
import { clearSession, setSession } from './auth-store.ts';

/** POST /api/auth/login → { user, csrfToken }; the session cookie is set by the response. */
export async function logIn(username: string, password: string): Promise<LoginResponse['user']> {
  const { user, csrfToken } = await apiFetch<LoginResponse>('/api/auth/login', {
    method: 'POST',
    body: { username, password } satisfies LoginBody,
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
