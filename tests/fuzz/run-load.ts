import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { spawnServer } from '../support/server-process.ts';
import { backtrackingCsv, combGeoJson, deepKml, kmzBomb, manyRingsCsv } from '../support/hostile-files.ts';

/**
 * npm run load [-- --clients 50 --seconds 60]: CLIENTS concurrent clients mixing map reads, checks,
 * imports and project writes against a server on 127.0.0.1 with the embedded database, for SECONDS;
 * then the same again while one more client sends the hostile files of issue 11 without pause.
 * Passes when no request of the ordinary clients fails and their p95 with the hostile client stays
 * within 2× of the run without it. Prints the figures (docs/security-fuzz-load.md).
 * The server runs as behind nginx (TRUST_PROXY=loopback) and every client sends its own address in
 * X-Forwarded-For, as 51 machines would: per-client limits then tell the hostile client apart.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 50);
const SECONDS = arg('seconds', 60);
/** `--cpu-prof DIR`: the server writes a V8 CPU profile into DIR when it stops (where the time goes). */
const profIndex = process.argv.indexOf('--cpu-prof');
const NODE_ARGS = profIndex >= 0 ? ['--cpu-prof', `--cpu-prof-dir=${process.argv[profIndex + 1]}`] : [];

const ADMIN = { username: 'load_admin', password: 'Load-admin-pass-2026!' };
const APPLICANT = { username: 'load_applicant', password: 'Load-applicant-pass-2026!' };
const HIGH = '1000000';

const server = await spawnServer({
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'redline-load-')),
  ADMIN_USERNAME: ADMIN.username,
  ADMIN_PASSWORD: ADMIN.password,
  LOAD_DEMO_PROJECTS: 'false',
  RATE_LIMIT_LOGIN: HIGH,
  RATE_LIMIT_CHECK: HIGH,
  RATE_LIMIT_IMPORT: HIGH,
  RATE_LIMIT_EXPORT: HIGH,
  RATE_LIMIT_REPORT: HIGH,
  TRUST_PROXY: 'loopback',
}, 900_000, NODE_ARGS);
const addressOf = (c: number) => ({ 'x-forwarded-for': `10.0.${c >> 8}.${(c & 255) + 1}` });
const HOSTILE_ADDRESS = { 'x-forwarded-for': '10.66.0.1' };
const url = server.url;

async function login(who: { username: string; password: string }) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: (await res.json()).csrfToken as string };
}
const admin = await login(ADMIN);
const made = await fetch(`${url}/api/users`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
  body: JSON.stringify({ ...APPLICANT, role: 'applicant' }),
});
if (!made.ok) throw new Error(`applicant: ${made.status} ${await made.text()}`);
const applicant = await login(APPLICANT);

const square = (lon: number, lat: number, d = 0.002) => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] });
const csvOf = (lon: number, lat: number) => Buffer.from(['经度,纬度', ...square(lon, lat).coordinates[0].map(([x, y]) => `${x},${y}`)].join('\n'));

type Op = { kind: string; run: (i: number, from: Record<string, string>) => Promise<Response> };
const OPS: Op[] = [
  { kind: 'map-read', run: (_i, from) => fetch(`${url}/api/layers`, { headers: from }) },
  { kind: 'map-read', run: (i, from) => fetch(`${url}/api/layers/water_source/features?bbox=106.5,26.2,106.9,26.6&i=${i}`, { headers: from }) },
  { kind: 'map-read', run: (i, from) => fetch(`${url}/tiles/eco_redline/${10}/${836 + (i % 3)}/${432 + (i % 3)}.mvt`, { headers: from }) },
  { kind: 'map-read', run: (i, from) => fetch(`${url}/api/search?q=${encodeURIComponent(['花溪', '青岩', '水库'][i % 3])}`, { headers: from }) },
  {
    kind: 'check',
    run: (i, from) =>
      fetch(`${url}/api/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...from },
        body: JSON.stringify({ geometry: square(106.55 + (i % 40) * 0.005, 26.3 + (i % 37) * 0.005), project: { type: 'linear_infrastructure' } }),
      }),
  },
  {
    kind: 'import',
    run: (i, from) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(csvOf(106.6 + (i % 10) * 0.01, 26.4))]), 'site.csv');
      form.append('geometry', 'polygon');
      return fetch(`${url}/api/import`, { method: 'POST', body: form, headers: from });
    },
  },
  {
    kind: 'project-write',
    run: (i, from) =>
      fetch(`${url}/api/projects`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: applicant.cookie, 'x-csrf-token': applicant.csrf, ...from },
        body: JSON.stringify({ name: `负载测试 ${i}`, geometry: square(106.6 + (i % 20) * 0.003, 26.45), project: { type: 'other' } }),
      }),
  },
];

interface Phase {
  latencies: number[];
  byKind: Record<string, number[]>;
  errors: string[];
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function phase(withHostile: boolean): Promise<Phase & { hostileSent: number; hostileStatuses: Record<number, number> }> {
  const out: Phase = { latencies: [], byKind: {}, errors: [] };
  const end = Date.now() + SECONDS * 1000;
  let counter = 0;
  const client = async (c: number) => {
    while (Date.now() < end) {
      const i = counter++;
      const op = OPS[(c + i) % OPS.length];
      const t0 = performance.now();
      try {
        const res = await op.run(i, addressOf(c));
        await res.arrayBuffer();
        const ms = performance.now() - t0;
        if (!res.ok) out.errors.push(`${op.kind} → ${res.status}`);
        out.latencies.push(ms);
        (out.byKind[op.kind] ??= []).push(ms);
      } catch (e) {
        out.errors.push(`${op.kind} → ${(e as Error).message}`);
      }
    }
  };
  let hostileSent = 0;
  const hostileStatuses: Record<number, number> = {};
  const files = withHostile
    ? [
        { name: 'bomb.kmz', bytes: await kmzBomb(10) },
        { name: 'backtrack.csv', bytes: backtrackingCsv() },
        { name: 'rings.csv', bytes: manyRingsCsv(6_000) },
        { name: 'comb.geojson', bytes: combGeoJson(7_500) },
        { name: 'deep.kml', bytes: deepKml(100_000) },
      ]
    : [];
  const hostile = async () => {
    while (Date.now() < end) {
      const f = files[hostileSent % files.length];
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(f.bytes)]), f.name);
      const res = await fetch(`${url}/api/import`, { method: 'POST', body: form, headers: HOSTILE_ADDRESS }).catch(() => null);
      if (res) {
        hostileStatuses[res.status] = (hostileStatuses[res.status] ?? 0) + 1;
        await res.arrayBuffer();
      }
      hostileSent++;
    }
  };
  await Promise.all([...Array.from({ length: CLIENTS }, (_, c) => client(c)), ...(withHostile ? [hostile()] : [])]);
  return { ...out, hostileSent, hostileStatuses };
}

const summary = (name: string, p: Awaited<ReturnType<typeof phase>>) => ({
  phase: name,
  loadAverageAfter: loadavg().map((x) => Number(x.toFixed(2))),
  requests: p.latencies.length,
  perSecond: Math.round(p.latencies.length / SECONDS),
  errors: p.errors.length,
  firstErrors: p.errors.slice(0, 5),
  p50Ms: Math.round(percentile(p.latencies, 50)),
  p95Ms: Math.round(percentile(p.latencies, 95)),
  p95ByKindMs: Object.fromEntries(Object.entries(p.byKind).map(([k, xs]) => [k, Math.round(percentile(xs, 95))])),
  ...(p.hostileSent ? { hostileFilesSent: p.hostileSent, hostileStatuses: p.hostileStatuses } : {}),
});

try {
  console.log(`load: ${CLIENTS} clients × ${SECONDS} s on ${url} (embedded database); load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const quiet = summary('without hostile client', await phase(false));
  console.log(JSON.stringify(quiet, null, 2));
  const attacked = summary('with one hostile client', await phase(true));
  console.log(JSON.stringify(attacked, null, 2));
  const ratio = attacked.p95Ms / Math.max(1, quiet.p95Ms);
  const ok = quiet.errors === 0 && attacked.errors === 0 && ratio <= 2;
  console.log(`p95 ratio (with / without hostile client): ${ratio.toFixed(2)} — ${ok ? 'LOAD OK' : 'LOAD FAILED'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await server.stop();
}
