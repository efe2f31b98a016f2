import { ApiError } from '../api/fetch-json.ts';
import type { ImportResponse } from '../../common/api/exchange.ts';
import { apiErrorOf } from './download.ts';

export interface ImportChoices {
  /** '' = detect; else geojson | kml | shp | csv | txt. */
  format: string;
  /** '' = detect (or from the file); else an EPSG code or gcj02. */
  crs: string;
  /** '' = detect; utf-8 | gbk. */
  encoding: string;
  /** CSV only: polygon | line | points; '' = by point count. */
  geometry: string;
}

/** POST /api/import (multipart): the file plus the options the planner chose. */
export async function importSiteFile(file: File, choices: ImportChoices, signal?: AbortSignal): Promise<ImportResponse> {
  const form = new FormData();
  form.append('file', file, file.name);
  for (const [key, value] of Object.entries(choices)) if (value) form.append(key, value);
  let res: Response;
  try {
    res = await fetch('/api/import', { method: 'POST', body: form, signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', { zh: '无法连接服务器', en: 'Cannot reach the server' });
  }
  if (!res.ok) throw await apiErrorOf(res);
  return (await res.json()) as ImportResponse;
}
