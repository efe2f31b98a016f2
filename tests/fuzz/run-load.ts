import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { spawnServer } from '../support/server-process.ts';
import { backtrackingCsv, combGeoJson, deepKml, kmzBomb, manyRingsCsv } from '../support/hostile-files.ts';
import { checkOp, closedLoop, createUser, login, percentile, searchOp, square, UNTHROTTLED_ENV, type Op, type Phase } from '../support/load-clients.ts';

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

const server = await spawnServer({
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'redline-load-')),
  ADMIN_USERNAME: ADMIN.username,
  ADMIN_PASSWORD: ADMIN.password,
  LOAD_DEMO_PROJECTS: 'false',
  ...UNTHROTTLED_ENV,
  TRUST_PROXY: 'loopback',
}, 900_000, NODE_ARGS);
const addressOf = (c: number) => ({ 'x-forwarded-for': `10.0.${c >> 8}.${(c & 255) + 1}` });
const HOSTILE_ADDRESS = { 'x-forwarded-for': '10.66.0.1' };
const url = server.url;

const admin = await login(url, ADMIN);
await createUser(url, admin, { ...APPLICANT, role: 'applicant' });
const applicant = await login(url, APPLICANT);

const csvOf = (lon: number, lat: number) => Buffer.from(['经度,纬度', ...square(lon, lat).coordinates[0].map(([x, y]) => `${x},${y}`)].join('\n'));

const OPS: Op[] = [
  { kind: 'map-read', run: (_i, from) => fetch(`${url}/api/layers`, { headers: from }) },
  { kind: 'map-read', run: (i, from) => fetch(`${url}/api/layers/water_source/features?bbox=106.5,26.2,106.9,26.6&i=${i}`, { headers: from }) },
  { kind: 'map-read', run: (i, from) => fetch(`${url}/tiles/eco_redline/${10}/${836 + (i % 3)}/${432 + (i % 3)}.mvt`, { headers: from }) },
  searchOp(url, 'map-read'),
  checkOp(url),
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

async function phase(withHostile: boolean): Promise<Phase & { hostileSent: number; hostileStatuses: Record<number, number> }> {
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
  const hostile = async (end: number) => {
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
  const out = await closedLoop({ clients: CLIENTS, seconds: SECONDS, ops: OPS, extra: withHostile ? hostile : undefined, headersOf: addressOf });
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
