import { ApiError } from '../api/fetch-json.ts';
import { getCsrfToken } from '../auth/auth-store.ts';
import type { CatalogLayer } from '../../common/api/layers.ts';
import type { CheckRequestBody, ProjectTypesCatalog } from '../../common/api/check.ts';
import type { AsJson, NewProjectBody, ProjectView } from '../../common/api/projects.ts';
import type { CheckResult } from '../../common/api/check-result.ts';
import type { ListedRule } from '../../common/api/rules.ts';

/** An API error that keeps the `details` of the body (e.g. where a boundary crosses itself). */
export class CheckApiError extends ApiError {
  constructor(status: number, code: string, messages: { zh: string; en: string }, readonly details?: { location?: [number, number] } & Record<string, unknown>) {
    super(status, code, messages);
  }
}

async function requestJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}), ...(init?.headers as Record<string, string> | undefined) } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new CheckApiError(0, 'NETWORK', { zh: '无法连接服务器', en: 'Cannot reach the server' });
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: { zh: string; en: string }; details?: Record<string, unknown> } } | null;
    throw new CheckApiError(
      res.status,
      body?.error?.code ?? `HTTP_${res.status}`,
      body?.error?.message ?? { zh: `请求失败（${res.status}）`, en: `Request failed (${res.status})` },
      body?.error?.details as CheckApiError['details'],
    );
  }
  return (await res.json()) as T;
}

export const postCheck = (body: CheckRequestBody, signal?: AbortSignal) =>
  requestJson<CheckResult>('/api/check', { method: 'POST', body: JSON.stringify(body), signal });

/** Static catalogues: fetched once per page and shared by every component that asks. */
const once = new Map<string, Promise<unknown>>();
function cached<T>(url: string): Promise<T> {
  let p = once.get(url) as Promise<T> | undefined;
  if (!p) {
    p = requestJson<T>(url);
    p.catch(() => once.delete(url)); // a failure may be retried later
    once.set(url, p);
  }
  return p;
}

export const getProjectTypes = () => cached<ProjectTypesCatalog>('/api/project-types');
export const getRules = () => cached<ListedRule[]>('/api/rules');
export const getLayerCatalog = () => cached<CatalogLayer[]>('/api/layers');

const csrfHeader = (): Record<string, string> => {
  const token = getCsrfToken();
  return token ? { 'X-CSRF-Token': token } : {};
};

/** POST /api/projects (login required; the session's CSRF token goes with it): a project draft with its site. */
export const postProjectDraft = (body: NewProjectBody) =>
  requestJson<AsJson<ProjectView>>('/api/projects', { method: 'POST', body: JSON.stringify(body), headers: csrfHeader() });
