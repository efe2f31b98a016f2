import http from 'node:http';
import zlib from 'node:zlib';
import type { BenchSite } from '../sites.ts';

export interface ApiOutcome {
  ms: number;
  status: number;
  body: { verdict?: string; results?: { layerId: string; overlapAreaM2: number; minDistanceM: number | null }[] };
}

/**
 * One kept-alive connection, as a browser keeps one to the server it works with. Node's core HTTP
 * client, not fetch: the bench's client runs in the server's own process, and undici's fetch (its
 * WHATWG streams, Request and Headers objects) spent ≈ 1.5–2 ms of that event loop per long-line
 * check (CPU profile, session 12), time the server's answer does not take.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function post(url: URL, body: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          try {
            const raw = Buffer.concat(chunks);
            const text = (response.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw).toString('utf8');
            resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Runner 4: POST /api/check end to end over HTTP (request serialisation to parsed response, gzip as a browser takes it). */
export async function apiCheck(baseUrl: string, site: BenchSite): Promise<ApiOutcome> {
  const body = JSON.stringify({ geometry: site.geometry, project: site.project, bufferM: site.bufferM });
  const started = performance.now();
  const { status, json } = await post(new URL('api/check', baseUrl), body);
  const ms = performance.now() - started;
  return { ms, status, body: json as ApiOutcome['body'] };
}
