import { ApiError, type ApiErrorBody } from '../api/fetch-json.ts';

/** The file name a response offers (RFC 5987 `filename*` first, for Chinese names), else the fallback. */
function fileNameFrom(res: Response, fallback: string): string {
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Turns a failed response into the API's bilingual error. */
export async function apiErrorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
  return new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? { zh: `请求失败（${res.status}）`, en: `Request failed (${res.status})` });
}

/** Saves a blob through a temporary link (the browser's own download, no extra library). */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** POSTs JSON and saves the file the server answers with; throws ApiError on failure. */
export async function postForDownload(url: string, body: unknown, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', { zh: '无法连接服务器', en: 'Cannot reach the server' });
  }
  if (!res.ok) throw await apiErrorOf(res);
  saveBlob(await res.blob(), fileNameFrom(res, fallbackName));
}
