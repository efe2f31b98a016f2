import { fetchJson } from '../api/fetch-json.ts';

import { MAX_QUERY_LENGTH, type SearchHit, type SearchResponse } from '../../common/api/search.ts';

export { MAX_QUERY_LENGTH, type SearchHit };

export async function searchNames(query: string, signal: AbortSignal): Promise<SearchHit[]> {
  const body = await fetchJson<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}`, { signal });
  return body.results;
}
