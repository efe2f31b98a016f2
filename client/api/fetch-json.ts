/** The API's error body: { error: { code, message: { zh, en } } }. */
export interface ApiErrorBody {
  error: { code: string; message: { zh: string; en: string } };
}

/** An API failure with its bilingual message (or a network failure, code NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: { zh: string; en: string },
  ) {
    super(messages.en);
  }

  messageIn(language: string): string {
    return language.startsWith('zh') ? this.messages.zh : this.messages.en;
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, ...init });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', { zh: '无法连接服务器', en: 'Cannot reach the server' });
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? { zh: `请求失败（${res.status}）`, en: `Request failed (${res.status})` });
  }
  return (await res.json()) as T;
}
