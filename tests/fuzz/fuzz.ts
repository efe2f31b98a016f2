import { readFileSync } from 'node:fs';
import { spawnServer, type ServerProcess } from '../support/server-process.ts';
import {
  brokenBuffer, brokenBytes, brokenGeometry, brokenProject, HOSTILE, intOf, junk, pickOf, seeded, uploadMaterial, weirdNumber, weirdString,
  type Material, type Rng,
} from './fuzz-inputs.ts';

/**
 * Sends `count` generated malformed requests (seeded) across every endpoint that takes input to a
 * real server on 127.0.0.1 and holds it to issue 11's bar: no 5xx, every 4xx in the bilingual
 * error format, the server alive throughout, /api/health within 1 s, RSS under RSS_MAX_MB.
 */

/**
 * The server's RSS bound on a fuzz run. Issue 11 set 1.5 GiB (1,536 MB), which the server met with no
 * headroom (1,501 MB); after the memory work (docs/security-fuzz-load.md, memory) it peaks at
 * ≈ 950–1,000 MB, so the bound is 1,200 MB: a regression of ~200 MB fails the run.
 */
export const RSS_MAX_MB = 1_200;
export interface FuzzOptions {
  count: number;
  seed: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Stop sending after this long (the run is bounded in time as well as count). */
  maxSeconds?: number;
  log?: (line: string) => void;
  /** Extra server settings, e.g. LOAD_REFERENCE_DATA=false for the short run in npm test. */
  env?: Record<string, string>;
}

export interface FuzzReport {
  sent: number;
  seconds: number;
  byStatus: Record<number, number>;
  byEndpoint: Record<string, number>;
  failures: string[];
  healthMaxMs: number;
  healthChecks: number;
  healthFailures: number;
  rssMaxMb: number;
  alive: boolean;
}

const ADMIN = { username: 'fuzz_admin', password: 'Fuzz-admin-pass-2026!' };
const APPLICANT = { username: 'fuzz_applicant', password: 'Fuzz-applicant-pass-2026!' };
const LIMIT_SETTINGS = { RATE_LIMIT_LOGIN: '1000000', RATE_LIMIT_CHECK: '1000000', RATE_LIMIT_IMPORT: '1000000', RATE_LIMIT_EXPORT: '1000000', RATE_LIMIT_REPORT: '1000000', IMPORT_PER_CLIENT: '8' };

interface Session {
  cookie: string;
  csrf: string;
}

async function login(url: string, who: { username: string; password: string }): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
  if (!res.ok) throw new Error(`login ${who.username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: (await res.json()).csrfToken };
}

/** A path segment from any string (a lone surrogate cannot be percent-encoded). */
const safeSegment = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return 'x';
  }
};

type Request = { endpoint: string; method: string; path: string; body?: BodyInit; json?: unknown; session?: Session; headers?: Record<string, string> };

function jsonOrJunk(r: Rng, valid: () => unknown): unknown {
  return r() < 0.1 ? junk(r) : valid();
}

function rawBody(r: Rng, value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  // Now and then not JSON at all, or cut short.
  const k = r();
  if (k < 0.05) return text.slice(0, Math.floor(text.length / 2));
  if (k < 0.08) return weirdString(r);
  return text;
}

/** One request for one endpoint, chosen by the generator. */
function makeRequest(r: Rng, ctx: { material: Material[]; admin: Session; applicant: Session; projectIds: number[] }): Request {
  const site = () => ({ geometry: brokenGeometry(r), project: brokenProject(r), bufferM: brokenBuffer(r), ...(r() < 0.2 ? { repair: junk(r) } : {}) });
  const id = () => safeSegment(r() < 0.5 && ctx.projectIds.length ? String(pickOf(r, ctx.projectIds)) : String(pickOf(r, [weirdNumber(r), weirdString(r), '0', '-1', '1.5', '99999999999999999999', 'abc'])));
  const k = intOf(r, 0, 19);
  switch (k) {
    case 0:
    case 1:
    case 2:
      return { endpoint: 'check', method: 'POST', path: '/api/check', json: jsonOrJunk(r, site) };
    case 3:
    case 4:
    case 5: {
      const hostile = r() < 0.15;
      const m = hostile ? pickOf(r, HOSTILE) : pickOf(r, ctx.material);
      const form = new FormData();
      const bytes = hostile ? m.bytes : brokenBytes(r, m.bytes);
      form.append('file', new Blob([new Uint8Array(bytes)]), r() < 0.9 ? m.filename : weirdString(r).slice(0, 100));
      if (r() < 0.6) form.append('format', r() < 0.7 ? m.format : String(junk(r)).slice(0, 100));
      if (r() < 0.3) form.append('crs', pickOf(r, ['4524', '4490', 'EPSG:4545', 'gcj02', '999999', '-1', 'x', '4524+gcj02']));
      if (r() < 0.2) form.append('encoding', pickOf(r, ['gbk', 'utf-8', 'latin1', '']));
      if (r() < 0.2) form.append('geometry', pickOf(r, ['polygon', 'line', 'points', 'circle']));
      return { endpoint: `import:${m.format}`, method: 'POST', path: '/api/import', body: form };
    }
    case 6:
    case 7: {
      const q = new URLSearchParams();
      q.set('format', pickOf(r, ['geojson', 'kml', 'shp', 'txt', 'csv', 'xls', '']));
      if (r() < 0.4) q.set('zone', String(pickOf(r, [36, 35, 18, 0, 99, -1, 1e300, 'x'])));
      if (r() < 0.2) q.set('zoneWidth', String(pickOf(r, [3, 6, 4, 'x'])));
      if (r() < 0.2) q.set('prefix', String(pickOf(r, [0, 1, 2, 'x'])));
      if (r() < 0.2) q.set('encoding', pickOf(r, ['gbk', 'utf-8', 'x']));
      const body = r() < 0.5 ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: weirdString(r) }, geometry: brokenGeometry(r) }] } : { geometry: brokenGeometry(r), name: junk(r) };
      return { endpoint: 'export', method: 'POST', path: `/api/export?${q}`, json: body };
    }
    case 8:
    case 9: {
      // PDF only with bodies that are refused before the queue: a valid PDF takes seconds of Chromium.
      const kind = pickOf(r, ['csv', 'xlsx', 'pdf']);
      const body: Record<string, unknown> = kind === 'pdf' ? { geometry: pickOf(r, [null, { type: 'GeometryCollection', geometries: [null] }, junk(r)]) } : site();
      if (r() < 0.3) body.result = { verdict: 'clear', results: [{ layerId: 'x', verdict: 'clear', rules: [{}] }] };
      if (r() < 0.2) body.checkId = pickOf(r, [0, -1, 'latest', 2 ** 60, 1e300, 1]);
      if (r() < 0.2) body.mapImage = pickOf(r, ['data:image/png;base64,AAAA', 'https://example.com/x.png', 'data:image/svg+xml;base64,PHN2Zz4=', junk(r)]);
      if (r() < 0.2) body.township = junk(r);
      if (r() < 0.2) body.lang = junk(r);
      if (r() < 0.2) body.review = junk(r);
      if (r() < 0.2) body.layers = junk(r);
      return { endpoint: `report:${kind}`, method: 'POST', path: `/api/report/${kind}`, json: body };
    }
    case 10:
    case 11: {
      const op = intOf(r, 0, 5);
      const s = ctx.applicant;
      if (op === 0) return { endpoint: 'projects:create', method: 'POST', path: '/api/projects', json: { name: junk(r), ...site() }, session: s };
      if (op === 1) return { endpoint: 'projects:edit', method: 'PATCH', path: `/api/projects/${id()}`, json: { name: junk(r), geometry: brokenGeometry(r), project: brokenProject(r), version: junk(r) }, session: s };
      if (op === 2) return { endpoint: 'projects:submit', method: 'POST', path: `/api/projects/${id()}/submit`, json: { version: pickOf(r, [junk(r), 1, 2147483648, 99999999999]), bufferM: brokenBuffer(r) }, session: s };
      if (op === 3) return { endpoint: 'projects:decision', method: 'POST', path: `/api/projects/${id()}/decision`, json: { decision: junk(r), comment: junk(r), version: junk(r) }, session: ctx.admin };
      if (op === 4) return { endpoint: 'projects:read', method: 'GET', path: `/api/projects/${safeSegment(id())}${pickOf(r, ['', '/checks', '/audit', '/comments'])}`, session: s };
      const q = new URLSearchParams({ [pickOf(r, ['limit', 'before', 'status', 'verdict', 'type', 'q', 'township'])]: String(junk(r)).slice(0, 300) });
      return { endpoint: 'projects:list', method: 'GET', path: `/api/projects?${q}`, session: ctx.admin };
    }
    case 12:
      return { endpoint: 'comments', method: 'POST', path: `/api/projects/${id()}/comments`, json: { text: junk(r), checkId: junk(r) }, session: ctx.applicant };
    case 13: {
      if (r() < 0.5) return { endpoint: 'users:create', method: 'POST', path: '/api/users', json: { username: junk(r), password: junk(r), role: junk(r) }, session: ctx.admin };
      return { endpoint: 'users:edit', method: 'PATCH', path: `/api/users/${id()}`, json: { role: junk(r), password: junk(r), disabled: junk(r) }, session: ctx.admin };
    }
    case 14:
      // Never the fuzzer's own accounts: a lockout would end the run's sessions' usefulness.
      return { endpoint: 'login', method: 'POST', path: '/api/auth/login', json: { username: r() < 0.5 ? junk(r) : `x${intOf(r, 0, 1e6)}`, password: junk(r) } };
    case 15: {
      const q = new URLSearchParams({ q: String(junk(r)).slice(0, 2000) });
      if (r() < 0.3) q.set('limit', String(weirdNumber(r)));
      return { endpoint: 'search', method: 'GET', path: `/api/search?${q}` };
    }
    case 16: {
      const z = pickOf(r, ['0', '5', '14', '22', '-1', '1e3', 'x', '99999999999']);
      const x = pickOf(r, ['0', '1', '-1', '99999999999', 'x', '2147483648']);
      const y = pickOf(r, ['0', '1', '-1', '99999999999', 'x']);
      const layer = pickOf(r, ['eco_redline', 'water_source', 'nope', 'A'.repeat(300), '..%2f..', 'eco_redline%00']);
      return { endpoint: 'tiles', method: 'GET', path: pickOf(r, [`/tiles/${layer}/${z}/${x}/${y}.mvt`, `/tiles/${layer}.json`, `/tiles/${layer}/${z}/${x}/${y}.mvt?v=${weirdNumber(r)}`]) };
    }
    case 17: {
      const q = new URLSearchParams();
      if (r() < 0.6) q.set('bbox', pickOf(r, ['106,26,107,27', '1,2,3', '200,0,201,1', 'x,y,z,w', '107,27,106,26', `${weirdNumber(r)},0,1,1`]));
      if (r() < 0.6) q.set('version', String(pickOf(r, [99999999999, 0, -1, 1.5, 'x', 1, 2147483647])));
      const layer = pickOf(r, ['eco_redline', 'water_source', 'nope', 'A'.repeat(100)]);
      return { endpoint: 'layers', method: 'GET', path: `/api/layers/${layer}${r() < 0.8 ? '/features' : ''}?${q}` };
    }
    case 18:
      return { endpoint: 'audit', method: 'GET', path: `/api/audit?${new URLSearchParams({ [pickOf(r, ['limit', 'before', 'user', 'action'])]: String(junk(r)).slice(0, 200) })}`, session: ctx.admin };
    default:
      return { endpoint: 'request-id', method: 'GET', path: '/api/layers', headers: { 'x-request-id': pickOf(r, ['<script>x</script>', 'a'.repeat(5000), 'ok-123', '\u00ff\u00fe']) } };
  }
}

async function send(url: string, req: Request, r: Rng): Promise<Response> {
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  if (req.session) {
    headers.cookie = req.session.cookie;
    headers['x-csrf-token'] = req.session.csrf;
  }
  let body = req.body;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = rawBody(r, req.json);
  }
  try {
    return await fetch(`${url}${req.path}`, { method: req.method, headers, body, signal: AbortSignal.timeout(120_000) });
  } catch (e) {
    // A header value fetch itself refuses (non-Latin-1) is the client's problem, not the server's.
    if (e instanceof TypeError && /header/i.test(String(e.message))) return new Response(JSON.stringify({ error: { message: { zh: '-', en: '-' } } }), { status: 400 });
    throw e;
  }
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const dataDir = (await import('node:fs')).mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'redline-fuzz-'));
  const server: ServerProcess = await spawnServer(
    {
    DATA_DIR: dataDir,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOAD_DEMO_PROJECTS: 'false',
    PUBLIC_MAP: 'true',
    ...LIMIT_SETTINGS,
    ...options.env,
  },
    // A fresh embedded database loads the reference layers first: minutes on a busy machine.
    900_000,
  );
  const report: FuzzReport = { sent: 0, seconds: 0, byStatus: {}, byEndpoint: {}, failures: [], healthMaxMs: 0, healthChecks: 0, healthFailures: 0, rssMaxMb: 0, alive: true };
  const started = Date.now();
  let stop = false;
  // Health and memory watched from the side, the whole time.
  const watcher = (async () => {
    while (!stop) {
      const t0 = performance.now();
      const ok = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then((res) => res.ok, () => false);
      const ms = performance.now() - t0;
      report.healthChecks++;
      report.healthMaxMs = Math.max(report.healthMaxMs, ms);
      if (!ok || ms > 1_000) report.healthFailures++;
      report.rssMaxMb = Math.max(report.rssMaxMb, rssMb(server.child.pid!));
      await new Promise((res) => setTimeout(res, 250));
    }
  })();
  try {
    const admin = await login(server.url, ADMIN);
    const created = await fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: JSON.stringify({ ...APPLICANT, role: 'applicant' }),
    });
    if (!created.ok) throw new Error(`creating the applicant: ${created.status} ${await created.text()}`);
    const applicant = await login(server.url, APPLICANT);
    const projectIds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/api/projects`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: applicant.cookie, 'x-csrf-token': applicant.csrf },
        body: JSON.stringify({ name: `fuzz ${i}`, geometry: { type: 'Polygon', coordinates: [[[106.66, 26.41], [106.67, 26.41], [106.67, 26.42], [106.66, 26.41]]] }, project: { type: 'linear_infrastructure' } }),
      });
      if (res.ok) projectIds.push((await res.json()).id);
    }
    const material = await uploadMaterial(process.cwd());
    const ctx = { material, admin, applicant, projectIds };
    const rng = seeded(options.seed);
    let next = 0;
    const deadline = started + (options.maxSeconds ?? 1_800) * 1000;
    const worker = async () => {
      while (next < options.count && Date.now() < deadline && report.alive) {
        const n = next++;
        let req: Request;
        try {
          req = makeRequest(rng, ctx);
        } catch (e) {
          log(`generator: ${(e as Error).message}`); // the fuzzer's own mistake, not the server's
          continue;
        }
        const r = seeded(options.seed * 7919 + n);
        let res: Response;
        try {
          res = await send(server.url, req, r);
        } catch (e) {
          report.failures.push(`#${n} ${req.endpoint} ${req.method} ${req.path.slice(0, 80)}: no answer (${(e as Error).message})`);
          if (server.child.exitCode !== null) report.alive = false;
          continue;
        }
        report.sent++;
        report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
        report.byEndpoint[req.endpoint] = (report.byEndpoint[req.endpoint] ?? 0) + 1;
        const text = await res.text();
        const before = report.failures.length;
        if (res.status >= 500) report.failures.push(`#${n} ${req.endpoint} ${req.method} ${req.path.slice(0, 80)} → ${res.status} ${text.slice(0, 200)}`);
        else if (res.status >= 400) {
          let ok = false;
          try {
            const m = JSON.parse(text).error?.message;
            ok = typeof m?.zh === 'string' && m.zh !== '' && typeof m?.en === 'string' && m.en !== '';
          } catch {
            ok = false;
          }
          if (!ok) report.failures.push(`#${n} ${req.endpoint} ${req.method} ${req.path.slice(0, 80)} → ${res.status} not bilingual: ${text.slice(0, 120)}`);
        }
        if (report.failures.length > before) log(`FAILURE ${report.failures.at(-1)}`);
        if (report.sent % 1000 === 0) log(`${report.sent} sent, ${report.failures.length} failures, health max ${report.healthMaxMs.toFixed(0)} ms, RSS max ${report.rssMaxMb.toFixed(0)} MB`);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
    report.alive = report.alive && server.child.exitCode === null && (await fetch(`${server.url}/api/health`).then((res) => res.ok, () => false));
  } finally {
    stop = true;
    await watcher;
    report.seconds = (Date.now() - started) / 1000;
    await server.stop();
  }
  return report;
}
