import type { BenchSite } from '../sites.ts';

export interface ApiOutcome {
  ms: number;
  status: number;
  body: { verdict?: string; results?: { layerId: string; overlapAreaM2: number; minDistanceM: number | null }[] };
}

/** Runner 4: POST /api/check end to end over HTTP (request serialisation to parsed response). */
export async function apiCheck(baseUrl: string, site: BenchSite): Promise<ApiOutcome> {
  const body = JSON.stringify({ geometry: site.geometry, project: site.project, bufferM: site.bufferM });
  const started = performance.now();
  const res = await fetch(new URL('api/check', baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const parsed = (await res.json()) as ApiOutcome['body'];
  const ms = performance.now() - started;
  return { ms, status: res.status, body: parsed };
}
