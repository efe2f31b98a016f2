import type { Geometry } from 'geojson';
import { fetchJson } from '../api/fetch-json.ts';

/** One hit of GET /api/search. */
export interface SearchHit {
  type: 'feature' | 'project';
  name: string;
  layerId: string;
  layerNameZh: string;
  layerNameEn: string;
  kind: string;
  level: string | null;
  featureKey: string;
  bbox: [number, number, number, number];
  centroid: [number, number];
  geometry: Geometry;
  /** Set on project hits (type 'project'), whose layerId is the pseudo layer 'projects'. */
  projectId?: number;
}

export const MAX_QUERY_LENGTH = 50;

export async function searchNames(query: string, signal: AbortSignal): Promise<SearchHit[]> {
  const body = await fetchJson<{ results: SearchHit[] }>(`/api/search?q=${encodeURIComponent(query)}`, { signal });
  return body.results;
}
