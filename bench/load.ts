/**
 * `npm run bench -- --load 50 [--seconds 30]`: many users at once (issue 17). A server on the
 * embedded database with the shipped reference layers, started as `npm start` would (a child
 * process, rate limits set out of the way); first ONE client sending checks one after the other
 * (the floor: what the database does with no one else around), then N closed-loop clients mixing
 * what the map reads (catalog, a layer's features by version, a tile, search, the rule base) with
 * checks, for --seconds. Prints
 * `BENCH_LOAD clients=… requests=… errors=… throughput_ratio=… reads_p95_ms=… checks_p95_ms=…`,
 * where throughput_ratio = checks/s under load ÷ the one client's checks/s. A benchmark: it never
 * fails CI. The closed loop and the requests are the load runner's (tests/support/load-clients.ts).
 * PROF_DIR=<dir> writes the server's CPU profiles (one per thread: event loop, database) there.
 */
import os from 'node:os';
import path from 'node:path';
import { spawnServer } from '../tests/support/server-process.ts';
import { checkOp, closedLoop, percentile, SEARCH_TERMS, searchOp, UNTHROTTLED_ENV, type Op } from '../tests/support/load-clients.ts';

const loadAverage = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const fixed = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

interface CatalogLayer {
  id: string;
  version: number | null;
}

/** What a map's first load and a user panning and searching read, with the versions the catalog names. */
function readOps(url: string, layers: CatalogLayer[]): Op[] {
  const versioned = layers.filter((l) => l.version !== null);
  const redline = versioned.find((l) => l.id === 'eco_redline');
  return [
    { kind: 'read:catalog', run: () => fetch(`${url}/api/layers`) },
    { kind: 'read:features', run: (i) => { const l = versioned[i % versioned.length]; return fetch(`${url}/api/layers/${l.id}/features?version=${l.version}`); } },
    searchOp(url, 'read:search'),
    { kind: 'read:tile', run: (i) => fetch(`${url}/tiles/eco_redline/10/${836 + (i % 3)}/${432 + (i % 3)}.mvt?v=${redline?.version ?? 1}`) },
    { kind: 'read:rules', run: () => fetch(`${url}/api/rules`) },
  ];
}

export async function runLoadBench(options: { clients: number; seconds: number }, log: (s?: string) => void): Promise<void> {
  const { clients, seconds } = options;
  // Kept between runs (as --startup does): the first run loads the reference layers, later ones start at once.
  const dataDir = path.resolve('bench/.data/load');
  log(`# load benchmark: ${clients} clients × ${seconds} s, embedded database, reference layers`);
  log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; load average ${loadAverage()}`);
  const server = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: '', LOAD_DEMO_PROJECTS: 'false', ...UNTHROTTLED_ENV }, 900_000, process.env.PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF_DIR}`] : []);
  try {
    const url = server.url;
    log(`  server ready in ${(server.readyMs / 1000).toFixed(1)} s at ${url}`);
    const layers = (await (await fetch(`${url}/api/layers`)).json()) as CatalogLayer[];
    const reads = readOps(url, layers);
    const check = checkOp(url);
    // Warm-up: every read the clients will send once (first answers fill the caches), a few checks.
    for (let i = 0; i < Math.max(layers.length, SEARCH_TERMS.length, 3); i++) for (const op of reads) await (await op.run(i, {})).arrayBuffer();
    for (let i = 0; i < 3; i++) await (await check.run(i, {})).arrayBuffer();

    const floorSeconds = Math.max(5, Math.round(seconds / 3));
    const floor = await closedLoop({ clients: 1, seconds: floorSeconds, ops: [check] });
    const floorRate = (floor.byKind.check?.length ?? 0) / floorSeconds;
    log(`  one client, checks one after another, ${floorSeconds} s: ${floorRate.toFixed(1)} checks/s, p50 ${fixed(percentile(floor.latencies, 50))} ms, p95 ${fixed(percentile(floor.latencies, 95))} ms, ${floor.errors.length} errors`);

    // Each client alternates reads and checks: two reads, a check, three reads, a check.
    const ops = [reads[0], reads[1], check, reads[2], reads[3], reads[4], check];
    const load = await closedLoop({ clients, seconds, ops });
    const checks = load.byKind.check ?? [];
    const readTimes = Object.entries(load.byKind).filter(([k]) => k.startsWith('read:')).flatMap(([, xs]) => xs);
    const ratio = checks.length / seconds / floorRate;
    log(`  ${clients} clients, ${seconds} s: ${load.latencies.length} requests (${(load.latencies.length / seconds).toFixed(0)}/s), ${(checks.length / seconds).toFixed(1)} checks/s, ${load.errors.length} errors${load.errors.length ? ` (${[...new Set(load.errors)].slice(0, 5).join('; ')})` : ''}`);
    for (const [kind, xs] of Object.entries(load.byKind).sort()) {
      log(`    ${kind.padEnd(14)} n=${String(xs.length).padStart(6)}  p50 ${fixed(percentile(xs, 50)).padStart(6)} ms  p95 ${fixed(percentile(xs, 95)).padStart(6)} ms  max ${fixed(Math.max(...xs)).padStart(6)} ms`);
    }
    log(`  load average at the end ${loadAverage()} (other work on the machine inflates every figure)`);
    log(`BENCH_LOAD clients=${clients} requests=${load.latencies.length} errors=${load.errors.length + floor.errors.length} throughput_ratio=${ratio.toFixed(2)} reads_p95_ms=${fixed(percentile(readTimes, 95))} checks_p95_ms=${fixed(percentile(checks, 95))}`);
  } finally {
    await server.stop();
  }
}
