import type { BatchResultRow, BatchStatusView } from '../../common/api/batch.ts';
import { ApiError } from '../api/fetch-json.ts';
import { apiFetch, apiHeaders } from '../auth/api-fetch.ts';

/** The batch check endpoints (issue 16); types from the shared schemas in common/api/batch.ts. */
export type { BatchResultRow, BatchStatusView };

export interface UploadFields {
  mapping?: Record<string, string>;
  defaultType?: string;
  bufferM?: number;
}

/** POST /api/batch as multipart (the file and the form fields); the CSRF token as on every write. */
export async function uploadPool(file: File, fields: UploadFields): Promise<{ id: number; total: number }> {
  const form = new FormData();
  form.append('file', file);
  if (fields.mapping && Object.keys(fields.mapping).length > 0) form.append('mapping', JSON.stringify(fields.mapping));
  if (fields.defaultType) form.append('defaultType', fields.defaultType);
  if (fields.bufferM !== undefined) form.append('bufferM', String(fields.bufferM));
  const headers = apiHeaders('POST', false);
  const res = await fetch('/api/batch', { method: 'POST', body: form, headers, credentials: 'same-origin' });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const error = new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? { zh: `上传失败（${res.status}）`, en: `Upload failed (${res.status})` });
    (error as ApiError & { details?: unknown }).details = body?.error?.details;
    throw error;
  }
  return body as { id: number; total: number };
}

export const getBatch = (id: number, signal?: AbortSignal) => apiFetch<BatchStatusView>(`/api/batch/${id}`, { signal });
export const listBatches = () => apiFetch<Omit<BatchStatusView, 'summary'>[]>('/api/batch');
export const getResults = (id: number) => apiFetch<BatchResultRow[]>(`/api/batch/${id}/results`);
export const getSites = (id: number) => apiFetch<GeoJSON.FeatureCollection>(`/api/batch/${id}/results.geojson`);
export const cancelOrDeleteBatch = (id: number) => apiFetch<BatchStatusView | undefined>(`/api/batch/${id}`, { method: 'DELETE' });
export const rowsToProjects = (id: number, indexes: number[]) =>
  apiFetch<{ created: { index: number; projectId: number }[] }>(`/api/batch/${id}/projects`, { method: 'POST', body: { indexes } });
export const resultsXlsxUrl = (id: number) => `/api/batch/${id}/results.xlsx`;
export const resultsGpkgUrl = (id: number) => `/api/batch/${id}/results.gpkg`;
