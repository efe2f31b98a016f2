import { ApiError } from '../api/fetch-json.ts';
import { apiFetch, apiHeaders, apiResponse } from '../auth/api-fetch.ts';
import type { ProjectInput } from '../../common/api/check.ts';
import type {
  Attachment, AttachmentListItem, ArchiveResult, AuditEntryView, Dashboard, DecisionResponse, ProjectChangeBody, ProjectRecord, SubmitResponse,
} from '../../common/api/projects.ts';
import type { Decision } from '../../common/domain/review.ts';
import type { CheckRun, Project, ProjectComment, RegisterFilter } from './types.ts';

/** The review workflow's endpoints (issue 7), with the session's CSRF token on every write. */

function filterQuery(filter: RegisterFilter, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) {
    const text = String(value).trim();
    if (text) params.set(key, text);
  }
  return params.toString();
}

/** One page of the register and the total (X-Total-Count). */
export async function listProjects(filter: RegisterFilter, page: { limit: number; offset: number }, signal?: AbortSignal) {
  const res = await apiResponse(`/api/projects?${filterQuery(filter, page)}`, { signal });
  return { items: (await res.json()) as Project[], total: Number(res.headers.get('X-Total-Count') ?? 0) };
}

export const registerXlsxUrl = (filter: RegisterFilter) => `/api/projects.xlsx?${filterQuery(filter)}`;
export const getProject = (id: number) => apiFetch<Project>(`/api/projects/${id}`);
export const getChecks = (id: number) => apiFetch<CheckRun[]>(`/api/projects/${id}/checks`);
export const getAudit = (id: number) => apiFetch<AuditEntryView[]>(`/api/projects/${id}/audit`);
export const getComments = (id: number) => apiFetch<ProjectComment[]>(`/api/projects/${id}/comments`);
export const getDashboard = () => apiFetch<Dashboard>('/api/dashboard');
export const getProjectsGeojson = (signal?: AbortSignal) => apiFetch<GeoJSON.FeatureCollection>('/api/projects.geojson', { signal });

export const submitProject = (id: number, version: number) =>
  apiFetch<SubmitResponse>(`/api/projects/${id}/submit`, { method: 'POST', body: { version } });

export const decideProject = (id: number, version: number, decision: Decision, comment: string) =>
  apiFetch<DecisionResponse>(`/api/projects/${id}/decision`, { method: 'POST', body: { decision, comment, version } });

export const addComment = (id: number, body: string, options: { parentId?: number; checkId?: number }) =>
  apiFetch<ProjectComment>(`/api/projects/${id}/comments`, { method: 'POST', body: { body, ...options } });

export const editProjectSite = (id: number, version: number, geometry: GeoJSON.Geometry, project: ProjectInput) =>
  apiFetch<Project>(`/api/projects/${id}`, { method: 'PATCH', body: { version, geometry, project } satisfies ProjectChangeBody });

/** The record fields (申请单位, 建设单位, 项目代码, …): null clears one. */
export type RecordChange = Partial<ProjectRecord> & { applicant?: string | null; description?: string | null };
export const editProjectRecord = (id: number, version: number, change: RecordChange) =>
  apiFetch<Project>(`/api/projects/${id}`, { method: 'PATCH', body: { version, ...change } satisfies ProjectChangeBody });

export const listAttachments = (id: number) => apiFetch<AttachmentListItem[]>(`/api/projects/${id}/attachments`);
export const attachmentUrl = (projectId: number, attachmentId: number) => `/api/projects/${projectId}/attachments/${attachmentId}`;

/** POST /api/projects/:id/attachments as multipart; the server checks the type by content. */
export async function uploadAttachment(projectId: number, file: File, commentId?: number): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file);
  if (commentId !== undefined) form.append('commentId', String(commentId));
  const res = await fetch(`/api/projects/${projectId}/attachments`, { method: 'POST', body: form, headers: apiHeaders('POST', false), credentials: 'same-origin' });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? { zh: `上传失败（${res.status}）`, en: `Upload failed (${res.status})` });
  return body as Attachment;
}

export const setArchived = (id: number, archived: boolean) =>
  apiFetch<ArchiveResult>(`/api/projects/${id}/${archived ? 'archive' : 'unarchive'}`, { method: 'POST', body: {} });
