/**
 * Closed-loop load against a running server, shared by `npm run load` (tests/fuzz/run-load.ts,
 * issue 11) and `npm run bench -- --load` (bench/load.ts, issue 17): the environment that keeps rate
 * limits out of the way, logging in, the requests a map user and a planner send, and the loop that
 * runs N clients for a fixed time and collects latencies per kind of request.
 */

/** Rate limits high enough that a load run measures the server, not its limiter. */
const HIGH = '1000000';
export const UNTHROTTLED_ENV: Record<string, string> = {
  RATE_LIMIT_LOGIN: HIGH,
  RATE_LIMIT_CHECK: HIGH,
  RATE_LIMIT_IMPORT: HIGH,
  RATE_LIMIT_EXPORT: HIGH,
  RATE_LIMIT_REPORT: HIGH,
};

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(url: string, who: { username: string; password: string }): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Creates an account with an administrator's session (POST /api/users). */
export async function createUser(url: string, admin: Session, who: { username: string; password: string; role: string }): Promise<void> {
  const made = await fetch(`${url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    body: JSON.stringify(who),
  });
  if (!made.ok) throw new Error(`user ${who.username}: ${made.status} ${await made.text()}`);
}

export const square = (lon: number, lat: number, d = 0.002) => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});

/**
 * One kind of request; `i` varies what is asked (site, tile, query) from one call to the next;
 * `from` are the client's own headers (its address in X-Forwarded-For behind a trusted proxy).
 */
export interface Op {
  kind: string;
  run: (i: number, from: Record<string, string>) => Promise<Response>;
}

/** The anonymous check of a small site that wanders over the district (the planner's request). */
export const checkOp = (url: string): Op => ({
  kind: 'check',
  run: (i, from) =>
    fetch(`${url}/api/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...from },
      body: JSON.stringify({ geometry: square(106.55 + (i % 40) * 0.005, 26.3 + (i % 37) * 0.005), project: { type: 'linear_infrastructure' } }),
    }),
});

/** Place names of the reference data the search box is typed with. */
export const SEARCH_TERMS = ['花溪', '青岩', '水库'];

export const searchOp = (url: string, kind = 'search'): Op => ({
  kind,
  run: (i, from) => fetch(`${url}/api/search?q=${encodeURIComponent(SEARCH_TERMS[i % SEARCH_TERMS.length])}`, { headers: from }),
});

export interface Phase {
  seconds: number;
  latencies: number[];
  byKind: Record<string, number[]>;
  errors: string[];
}

/**
 * `clients` closed-loop clients for `seconds`: each sends its next request as soon as the last one
 * is answered, cycling through `ops` (client c starts at op c, so all kinds run at once).
 * `extra` runs beside them until the end (e.g. a hostile client) and is not counted.
 */
export async function closedLoop(options: {
  clients: number;
  seconds: number;
  ops: Op[];
  extra?: (end: number) => Promise<void>;
  /** Headers client c sends with every request (default none). */
  headersOf?: (c: number) => Record<string, string>;
}): Promise<Phase> {
  const out: Phase = { seconds: options.seconds, latencies: [], byKind: {}, errors: [] };
  const end = Date.now() + options.seconds * 1000;
  let counter = 0;
  const client = async (c: number) => {
    while (Date.now() < end) {
      const i = counter++;
      const op = options.ops[(c + i) % options.ops.length];
      const t0 = performance.now();
      try {
        const res = await op.run(i, options.headersOf?.(c) ?? {});
        await res.arrayBuffer();
        const ms = performance.now() - t0;
        if (!res.ok && res.status !== 304) out.errors.push(`${op.kind} → ${res.status}`);
        out.latencies.push(ms);
        (out.byKind[op.kind] ??= []).push(ms);
      } catch (e) {
        out.errors.push(`${op.kind} → ${(e as Error).message}`);
      }
    }
  };
  await Promise.all([...Array.from({ length: options.clients }, (_, c) => client(c)), ...(options.extra ? [options.extra(end)] : [])]);
  return out;
}

/** Nearest-rank percentile (p in 0–100). */
export const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
