import { ApiError, type ApiErrorBody } from '../api/fetch-json.ts';
import { clearSession, getAuth, getCsrfToken, restoreSession } from './auth-store.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

/** The headers a request needs: JSON, and the session's CSRF token on every write. */
export function apiHeaders(method: string, hasBody: boolean): Record<string, string> {
  const token = getCsrfToken();
  return {
    Accept: 'application/json',
    ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
    ...(MUTATING.has(method) && token ? { 'X-CSRF-Token': token } : {}),
  };
}

async function send(url: string, request: ApiRequest): Promise<Response> {
  const method = request.method ?? 'GET';
  try {
    return await fetch(url, {
      method,
      headers: apiHeaders(method, request.body !== undefined),
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', { zh: '无法连接服务器', en: 'Cannot reach the server' });
  }
}

async function toError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
  return new ApiError(
    res.status,
    body?.error?.code ?? `HTTP_${res.status}`,
    body?.error?.message ?? { zh: `请求失败（${res.status}）`, en: `Request failed (${res.status})` },
  );
}

/**
 * fetch for the API with the session: adds X-CSRF-Token to writes and turns the error format
 * { error: { code, message: { zh, en } } } into an ApiError (its messageIn(lang) is the text to
 * show). A 401 ends the session here too; a stale CSRF token (another tab logged in again) is
 * refreshed from /api/auth/me and the write sent once more.
 */
export async function apiResponse(url: string, request: ApiRequest = {}): Promise<Response> {
  let res = await send(url, request);
  if (res.status === 403 && MUTATING.has(request.method ?? 'GET')) {
    const error = await toError(res.clone());
    if (error.code === 'CSRF_TOKEN_INVALID') {
      await restoreSession();
      res = await send(url, request);
    }
  }
  if (res.ok) return res;
  if (res.status === 401 && getAuth().user) clearSession('expired');
  throw await toError(res);
}

export async function apiFetch<T>(url: string, request: ApiRequest = {}): Promise<T> {
  const res = await apiResponse(url, request);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The message of any error in the UI language. */
export function errorText(e: unknown, language: string): string {
  if (e instanceof ApiError) return e.messageIn(language);
  return e instanceof Error ? e.message : String(e);
}
