/**
 * `npm run bench -- --scale small|province`: the province-scale benchmark of the conflict check
 * (issue 6). Generates a seeded synthetic dataset, loads it into a database of its own, runs the same
 * seeded sites through four runners and ends with one BENCH line. A benchmark: it never fails CI.
 */
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parseArgs } from 'node:util';
import type { SiteFacts } from '../server/check/overlap-query.ts';
import { startServer } from '../server/main.ts';
import { crossCheck } from './cross-check.ts';
import { benchDatabaseConfig, describeDatabase, loadBenchLayers } from './database.ts';
import { generateDataset } from './dataset.ts';
import { extentAreaKm2, scaleSpec } from './dataset/scale.ts';
import { benchLine, p95Of, runnerTable, sameSampleTable, targetLines, type RunnerTimes } from './report.ts';
import { apiCheck } from './runners/api.ts';
import { buildFeatureIndex, indexedTurfCheck } from './runners/indexed-turf.ts';
import { naiveTurfCheck } from './runners/naive-turf.ts';
import { indexesUsed, siteFacts, timeEngineSqlInDb } from './runners/raw-sql.ts';
import type { TurfFacts } from './runners/turf-check.ts';
import { generateSites, type BenchSite } from './sites.ts';
import { ms } from './stats.ts';
import { runBatchBench } from './batch.ts';
import { runStartupBench } from './startup.ts';
import { runDiffBench } from './diff.ts';
import { runLoadBench } from './load.ts';
import { runTilesBench } from './tiles.ts';

const log = (msg = '') => console.log(msg);
const loadAverage = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      sites: { type: 'string' },
      'naive-sites': { type: 'string' },
      // Database-only comparisons (PGlite vs PostgreSQL, SQL variants): the Turf figures print as NaN.
      'no-turf': { type: 'boolean', default: false },
      // The batch check of a project pool instead (bench/batch.ts).
      batch: { type: 'boolean', default: false },
      // `npm start` to a 200 from /api/health against the database's own opening (bench/startup.ts).
      startup: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
      // The diff of two versions of the largest layer instead (bench/diff.ts, issue 14).
      diff: { type: 'boolean', default: false },
      // N users at once on the embedded database instead (bench/load.ts): `--load 50 [--seconds 30]`.
      load: { type: 'string' },
      seconds: { type: 'string', default: '30' },
      // Vector tiles of the bench layers instead (bench/tiles.ts, issue 17); --count tiles (default 200).
      tiles: { type: 'boolean', default: false },
      count: { type: 'string', default: '200' },
    },
  });
  const spec = { ...scaleSpec(values.scale!) };
  if (values.sites) spec.sites = Number(values.sites);
  if (values['naive-sites']) spec.naiveSites = Number(values['naive-sites']);
  spec.naiveSites = Math.min(spec.naiveSites, spec.sites);
  return { spec, turf: !values['no-turf'], batch: values.batch!, diff: values.diff!, batchSites: values.sites ? Number(values.sites) : 1000, startup: values.startup!, runs: Number(values.runs), load: values.load === undefined ? undefined : Number(values.load), loadSeconds: Number(values.seconds), tiles: values.tiles!, count: Number(values.count) };
}

/** Times a synchronous Turf runner over sites, printing progress for the slow one. */
function timeTurf(name: string, sites: BenchSite[], run: (site: BenchSite) => TurfFacts, progressEvery: number) {
  const times = new Map<string, number>();
  const facts = new Map<string, TurfFacts>();
  const started = performance.now();
  for (const [i, site] of sites.entries()) {
    const t0 = performance.now();
    facts.set(site.id, run(site));
    times.set(site.id, performance.now() - t0);
    if ((i + 1) % progressEvery === 0) log(`  … ${name}: ${i + 1}/${sites.length} sites, ${seconds(started)}`);
  }
  return { times, facts };
}

/**
 * A full garbage collection now: the dataset is unreachable once prepareDataset returns, but V8
 * collects an old generation only when it grows, which the timed phase alone would not make it do.
 */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/**
 * The dataset generated, the Turf runners timed on it (they need its features), and its layers
 * loaded into the database. Only the sites, counts and Turf results leave this function: the
 * dataset's 6.8 M vertices as JS arrays (≈ 550 MB of heap) would otherwise stay alive in the
 * process that also runs the server while the database runners are timed, and every scavenge of
 * the event loop would take 10–26 ms instead of ~1 (measured with --trace-gc): the server's own
 * heap never holds a dataset.
 */
async function prepareDataset(spec: ReturnType<typeof scaleSpec>, config: ReturnType<typeof benchDatabaseConfig>, turf: boolean, log: (msg?: string) => void) {
  log('\n## dataset');
  let started = performance.now();
  const dataset = generateDataset(spec, log);
  log(`  ${dataset.polygons.toLocaleString('en')} polygons, ${dataset.vertices.toLocaleString('en')} vertices, generated and proven simple in ${seconds(started)}; checksum ${dataset.checksum.slice(0, 16)}`);
  const sites = generateSites(spec, dataset.layers[0].collection);
  const lines = sites.filter((s) => s.geometry.type === 'LineString').length;
  log(`  ${sites.length} sites: ${sites.length - lines} polygons (1–500 ha), ${lines} lines (0.5–30 km, 10–50 m wide), screening buffer ${sites[0].bufferM} m`);

  log('\n## Turf runners');
  const naiveSites = turf ? sites.slice(0, spec.naiveSites) : [];
  started = performance.now();
  const index = buildFeatureIndex(dataset.layers);
  log(`  flatbush index over ${index.entries.length.toLocaleString('en')} feature boxes built in ${seconds(started)} (not timed per site)`);
  const indexed = timeTurf('Turf + flatbush', turf ? sites : [], (site) => indexedTurfCheck(index, site), 50);
  const naiveNote = turf && naiveSites.length < sites.length ? `first ${naiveSites.length} of the ${sites.length} sites: it scans all ${dataset.polygons.toLocaleString('en')} polygons per site` : undefined;
  const naive = timeTurf('naive Turf', naiveSites, (site) => naiveTurfCheck(dataset.layers, site), spec.name === 'province' ? 2 : 50);

  log('\n## database');
  log(`  ${config.databaseUrl ? `DATABASE_URL ${config.databaseUrl.replace(/\/\/[^@]*@/, '//…@')}` : `embedded PGlite in ${config.dataDir}`}`);
  await loadBenchLayers(config, dataset, log);
  return { sites, naiveSites, indexed, naive, naiveNote, polygons: dataset.polygons, vertices: dataset.vertices };
}

async function main() {
  const { spec, turf, batch, diff, batchSites, startup, runs, load, loadSeconds, tiles, count } = options();
  if (load !== undefined) return runLoadBench({ clients: load, seconds: loadSeconds }, log);
  if (batch) return runBatchBench(spec, batchSites, log);
  if (startup) return runStartupBench({ runs }, log);
  if (diff) return runDiffBench(spec, log);
  if (tiles) return runTilesBench(spec, count, log);
  log(`# Redline Map benchmark — scale ${spec.name}`);
  log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}, ${os.platform()} ${os.release()}; load average ${loadAverage()}`);
  log(`extent: ${spec.extent.west.toFixed(2)}–${spec.extent.east.toFixed(2)} E, ${spec.extent.south.toFixed(2)}–${spec.extent.north.toFixed(2)} N (${Math.round(extentAreaKm2(spec.extent)).toLocaleString('en')} km²), seed "${spec.seed}"`);

  const config = benchDatabaseConfig(spec);
  const prepared = await prepareDataset(spec, config, turf, log);
  const { sites } = prepared;
  collectGarbage();
  let started = performance.now();
  const server = await startServer({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, port: 0, loadReferenceData: false, logLevel: 'silent' });
  const dbDescription = await describeDatabase(server.db.pool, server.db.mode);
  log(`  ready in ${seconds(started)}: ${dbDescription}; API at ${server.url}`);
  const pool = server.db.pool;
  // An error on an idle pooled connection would otherwise end the process (seen with PGlite, see docs/performance.md).
  let poolErrors = 0;
  pool.on('error', (e) => {
    poolErrors++;
    log(`  ! database connection error on an idle connection: ${e.message}`);
  });

  const runners: Record<'api' | 'raw' | 'rawOverlap' | 'client' | 'indexed' | 'naive', RunnerTimes> = {
    api: { name: 'POST /api/check (HTTP, end to end)', times: new Map() },
    raw: { name: 'engine SQL in the server (plan + exec)', times: new Map() },
    rawOverlap: { name: '  of which the overlap query', times: new Map() },
    client: { name: 'overlap query round trip (pg client)', times: new Map() },
    indexed: { name: 'Turf + flatbush index', times: new Map() },
    naive: { name: 'naive Turf loop', times: new Map() },
  };
  const sqlFacts = new Map<string, SiteFacts>();
  const indexes = new Set<string>();
  let apiErrors = 0;
  let statementCount = 0;
  try {
    log('\n## runners');
    // Warm-up pass: the same pages cached for the SQL and API runners; also the engine's results for the cross-check.
    started = performance.now();
    for (const site of sites) {
      const t0 = performance.now();
      sqlFacts.set(site.id, await siteFacts(pool, site));
      runners.client.times.set(site.id, performance.now() - t0);
    }
    log(`  engine SQL warm-up and results: ${sites.length} sites, ${seconds(started)}`);
    // The API path warmed as the SQL was: one untimed request per site. A server's first requests
    // compile its HTTP path (express, body parser, compression, the engine's JS): the first site
    // alone took 80–90 ms against 5 ms of SQL, one of the ten samples that make the p95. Checks
    // keep no answers between requests, so nothing here is served from a cache of this pass.
    started = performance.now();
    for (const site of sites) await apiCheck(server.url, site);
    log(`  API warm-up: ${sites.length} sites, ${seconds(started)}`);
    // Interleaved per site so that both see the same cache state.
    started = performance.now();
    for (const site of sites) {
      const timing = await timeEngineSqlInDb(pool, site);
      runners.raw.times.set(site.id, timing.totalMs);
      runners.rawOverlap.times.set(site.id, timing.overlapMs);
      statementCount += timing.statements;
      indexesUsed(timing.overlapPlan, indexes);
      const api = await apiCheck(server.url, site);
      if (api.status !== 200) {
        apiErrors++;
        if (apiErrors <= 3) log(`  ! ${site.id} (${site.label}): HTTP ${api.status} ${JSON.stringify(api.body).slice(0, 200)}`);
      }
      runners.api.times.set(site.id, api.ms);
    }
    log(`  engine SQL (EXPLAIN ANALYZE, TIMING OFF; ${statementCount} statements, ${(statementCount / sites.length).toFixed(2)} per site) and POST /api/check: ${sites.length} sites, ${seconds(started)}; indexes used: ${[...indexes].sort().join(', ')}`);
  } finally {
    await server.stop();
  }

  runners.indexed.times = prepared.indexed.times;
  runners.naive.times = prepared.naive.times;
  runners.naive.note = prepared.naiveNote;
  const { naiveSites, indexed, naive } = prepared;

  const check = crossCheck(sites, indexed.facts, sqlFacts);
  const naiveVsIndexed = naiveSites.every((s) => JSON.stringify([...naive.facts.get(s.id)!.entries()].map(([k, v]) => [k, v.overlapAreaM2.toFixed(3)]).sort()) === JSON.stringify([...indexed.facts.get(s.id)!.entries()].map(([k, v]) => [k, v.overlapAreaM2.toFixed(3)]).sort()));

  log('\n## results (per site; p50/p95 with linear interpolation)');
  log(runnerTable([runners.api, runners.raw, runners.rawOverlap, runners.client, runners.indexed, runners.naive]));
  if (turf && naiveSites.length < sites.length) {
    log(`\nsame ${naiveSites.length} sites for every runner:`);
    log(sameSampleTable([runners.api, runners.raw, runners.indexed, runners.naive], naiveSites.map((s) => s.id)));
  }
  const byKind = (kind: string) => sites.filter((s) => s.geometry.type === kind).map((s) => s.id);
  log(`\nby site kind: polygons api p95 ${ms(p95Subset(runners.api, byKind('Polygon')))} / sql p95 ${ms(p95Subset(runners.raw, byKind('Polygon')))} ms; lines api p95 ${ms(p95Subset(runners.api, byKind('LineString')))} / sql p95 ${ms(p95Subset(runners.raw, byKind('LineString')))} ms`);
  const hits = [...sqlFacts.values()].filter((f) => f.layers.some((l) => l.kind !== 'control_unit')).length;
  log(`sites overlapping or within ${sites[0].bufferM} m of red line or water sources: ${hits}/${sites.length}; API errors: ${apiErrors}; idle-connection errors: ${poolErrors}`);
  log(`cross-check Turf vs engine on ${check.pairs} polygon site–layer pairs: max overlap-area difference ${(100 * check.maxAreaDiff).toFixed(2)} % (spherical vs ellipsoidal), ${check.presenceMismatches.length} presence mismatches${check.presenceMismatches.length ? ` (${check.presenceMismatches.slice(0, 3).join('; ')})` : ''}; naive = indexed results: ${naiveVsIndexed}`);
  log(`database: ${dbDescription}; load average at the end ${loadAverage()} (other work on the machine inflates every figure)`);

  const figures = {
    polygons: prepared.polygons,
    vertices: prepared.vertices,
    apiP95: p95Of(runners.api),
    rawSqlP95: p95Of(runners.raw),
    naiveP95: p95Of(runners.naive),
    indexedP95: p95Of(runners.indexed),
  };
  log('');
  for (const line of targetLines(figures)) log(line);
  log(benchLine(figures));
}

function p95Subset(r: RunnerTimes, ids: string[]): number {
  return p95Of({ ...r, times: new Map(ids.map((id) => [id, r.times.get(id)!])) });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
