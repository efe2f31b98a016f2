/**
 * `npm run bench -- --tiles [--scale small|province] [--count N]`: vector tiles of the bench layers
 * (issue 17). A fixed seeded set of tiles, z 6–16: for every bench layer tiles that hold its data
 * (around a vertex of a random feature), plus tiles where the layer has nothing. Each tile is
 * requested through the API with the layer version in the URL (`?v=`, as TileJSON gives it) and its
 * SQL — the one statement the tile route sends — is timed by the database itself (EXPLAIN ANALYZE,
 * TIMING OFF: planning + execution, no wire, no encoding in Node): the floor. Both alternate tile by
 * tile so that they see the same cache state; then every tile once more through the API, now from
 * the in-process cache. Ends with one `BENCH_TILES` line. A benchmark: it never fails CI.
 */
import os from 'node:os';
import type pg from 'pg';
import { startServer } from '../server/main.ts';
import { getLayer, type LayerInfo } from '../server/layers/catalog.ts';
import { layerTile, tileStatement, type TileAddress } from '../server/layers/tiles.ts';
import { benchDatabaseConfig, describeDatabase, loadBenchLayers, type BenchDatabaseConfig } from './database.ts';
import { generateDataset, type BenchLayer } from './dataset.ts';
import type { ScaleSpec } from './dataset/scale.ts';
import { Random } from './random.ts';
import { indexesUsed, type ExplainNode } from './runners/raw-sql.ts';
import { benchNumber, ms, percentile, summarize, table } from './stats.ts';

const MIN_ZOOM = 6;
const MAX_ZOOM = 16;

interface BenchTile extends TileAddress {
  layerId: string;
  /** 'data': around a vertex of one of the layer's features; 'empty': the layer has nothing there. */
  kind: 'data' | 'empty';
}

const label = (t: BenchTile) => `${t.layerId}/${t.z}/${t.x}/${t.y}`;

/** The XYZ tile holding a point (spherical Web Mercator, as MapLibre requests them). */
function tileOf(lon: number, lat: number, z: number): TileAddress {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

function dataTiles(layer: BenchLayer, count: number, random: Random): BenchTile[] {
  const tiles = new Map<string, BenchTile>();
  const features = layer.collection.features;
  for (let tries = 0; tiles.size < count && tries < count * 20; tries++) {
    const ring = features[Math.floor(random.next() * features.length)].geometry.coordinates[0];
    const [lon, lat] = ring[Math.floor(random.next() * (ring.length - 1))];
    const z = MIN_ZOOM + Math.floor(random.next() * (MAX_ZOOM - MIN_ZOOM + 1));
    const tile: BenchTile = { layerId: layer.entry.id, kind: 'data', ...tileOf(lon, lat, z) };
    tiles.set(label(tile), tile);
  }
  return [...tiles.values()];
}

/** Tiles in or around the extent where the layer has no feature (not even a bounding box). */
async function emptyTiles(pool: pg.Pool, spec: ScaleSpec, layers: LayerInfo[], count: number, random: Random): Promise<BenchTile[]> {
  const { west, east, south, north } = spec.extent;
  const [dx, dy] = [(east - west) * 0.2, (north - south) * 0.2];
  const tiles: BenchTile[] = [];
  for (let tries = 0; tiles.length < count && tries < count * 50; tries++) {
    const layer = layers[Math.floor(random.next() * layers.length)];
    const lon = west - dx + random.next() * (east - west + 2 * dx);
    const lat = south - dy + random.next() * (north - south + 2 * dy);
    const z = MIN_ZOOM + Math.floor(random.next() * (MAX_ZOOM - MIN_ZOOM + 1));
    const a = tileOf(lon, lat, z);
    const { rows } = await pool.query<{ empty: boolean }>(
      `SELECT NOT EXISTS (SELECT 1 FROM features WHERE layer_id = $1 AND version = $2
                            AND geom && ST_Transform(ST_TileEnvelope($3, $4, $5), 4326)) AS empty`,
      [layer.id, layer.version, a.z, a.x, a.y],
    );
    if (rows[0].empty) tiles.push({ layerId: layer.id, kind: 'empty', ...a });
  }
  return tiles;
}

/** The tile route's statement for this tile, timed by the server (planning + execution). */
async function timeTileSql(pool: pg.Pool, layer: LayerInfo, a: TileAddress): Promise<{ ms: number; plan: ExplainNode | null }> {
  const statement = await tileStatement(pool, layer, a);
  if (!statement) return { ms: 0, plan: null };
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON) ${statement.text}`, statement.values);
  const explained = rows[0]['QUERY PLAN'][0];
  return { ms: explained['Planning Time'] + explained['Execution Time'], plan: explained.Plan };
}

async function getTile(baseUrl: string, t: BenchTile, version: number): Promise<{ ms: number; status: number; body: Buffer }> {
  const started = performance.now();
  const res = await fetch(new URL(`tiles/${t.layerId}/${t.z}/${t.x}/${t.y}.mvt?v=${version}`, baseUrl));
  const body = Buffer.from(await res.arrayBuffer());
  return { ms: performance.now() - started, status: res.status, body };
}

/**
 * The dataset generated and loaded (unless already), and the data tiles picked around its features.
 * Only the tiles leave this function: the dataset's 6.8 M vertices as JS arrays would otherwise stay
 * alive in the process that also runs the server, and every major GC of the timed phase would mark
 * them (not the server's work: it never holds a dataset).
 */
async function loadAndPick(spec: ScaleSpec, config: BenchDatabaseConfig, count: number, random: Random, log: (msg?: string) => void) {
  const dataset = generateDataset(spec, log);
  await loadBenchLayers(config, dataset, log);
  const perLayer = Math.ceil(count / dataset.layers.length);
  return { layerIds: dataset.layers.map((l) => l.entry.id), picked: dataset.layers.flatMap((l) => dataTiles(l, perLayer, random)) };
}

export async function runTilesBench(spec: ScaleSpec, count: number, log: (msg?: string) => void): Promise<void> {
  const loadAverage = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
  log(`# Redline Map tile benchmark — scale ${spec.name}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; load average ${loadAverage()}`);
  const config = benchDatabaseConfig(spec);
  const random = new Random(`${spec.seed}-tiles`);
  const empties = Math.max(1, Math.round(count * 0.1));
  const { layerIds, picked } = await loadAndPick(spec, config, count - empties, random, log);
  const server = await startServer({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, port: 0, loadReferenceData: false, logLevel: 'silent' });
  const external = server.db.mode !== 'embedded';
  try {
    const pool = server.db.pool;
    log(`  database: ${await describeDatabase(pool, server.db.mode)}; API at ${server.url}`);
    const layers = await Promise.all(layerIds.map((id) => getLayer(pool, id)));
    const byId = new Map(layers.map((l) => [l.id, l]));
    const tiles = [...picked, ...(await emptyTiles(pool, spec, layers, empties, random))];
    log(`  ${tiles.length} tiles, z ${MIN_ZOOM}–${MAX_ZOOM}: ${tiles.filter((t) => t.kind === 'data').length} around the layers' features, ${tiles.filter((t) => t.kind === 'empty').length} where the layer has nothing`);

    // Warm-up: the database's pages cached as for a map in use, and the tiles as the code makes them.
    let started = performance.now();
    const direct = new Map<string, Buffer>();
    for (const t of tiles) {
      try {
        direct.set(label(t), await layerTile(pool, byId.get(t.layerId)!, t));
      } catch (e) {
        throw new Error(`tile ${label(t)}: ${(e as Error).message}`, { cause: e });
      }
    }
    // The HTTP path warmed as in a server in use (keep-alive connection, route, each layer version
    // looked up once), with tiles outside the measured set: z18 tiles inside the first 20 (the set stops at z16).
    for (const t of tiles.slice(0, 20)) {
      const k = 2 ** (18 - t.z);
      const warm = await getTile(server.url, { ...t, z: 18, x: t.x * k, y: t.y * k }, byId.get(t.layerId)!.version!);
      if (warm.status !== 200) throw new Error(`warm-up tile under ${label(t)}: HTTP ${warm.status}`);
    }
    log(`  warm-up (each tile's SQL once, 20 z18 tiles over HTTP): ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const api = new Map<string, number>();
    const sql = new Map<string, number>();
    const cached = new Map<string, number>();
    const indexes = new Set<string>();
    let errors = 0;
    let mismatches = 0;
    started = performance.now();
    for (const t of tiles) {
      const layer = byId.get(t.layerId)!;
      const timed = await timeTileSql(pool, layer, t);
      sql.set(label(t), timed.ms);
      if (timed.plan) indexesUsed(timed.plan, indexes);
      const got = await getTile(server.url, t, layer.version!);
      api.set(label(t), got.ms);
      if (got.status !== 200) {
        if (++errors <= 3) log(`  ! ${label(t)}: HTTP ${got.status} ${got.body.toString('utf8').slice(0, 200)}`);
      } else if (!got.body.equals(direct.get(label(t))!)) mismatches++;
    }
    log(`  SQL (EXPLAIN ANALYZE, TIMING OFF) and GET (first request: not in the process cache), alternating: ${((performance.now() - started) / 1000).toFixed(1)} s; indexes used: ${[...indexes].sort().join(', ') || 'none'}`);
    for (const t of tiles) {
      const got = await getTile(server.url, t, byId.get(t.layerId)!.version!);
      cached.set(label(t), got.ms);
      if (got.status !== 200 || !got.body.equals(direct.get(label(t))!)) mismatches++;
    }

    const row = (name: string, values: number[]) => {
      const s = summarize(values);
      return [name, String(s.n), ms(s.p50), ms(s.p95), ms(s.max), ms(s.mean)];
    };
    const of = (m: Map<string, number>, subset: BenchTile[] = tiles) => subset.map((t) => m.get(label(t))!);
    log('\n## results (per tile; p50/p95 with linear interpolation)');
    log(table(['runner', 'tiles', 'p50 ms', 'p95 ms', 'max ms', 'mean ms'], [
      row('GET tile, not in the process cache (HTTP)', of(api)),
      row('tile SQL in the server (plan + exec)', of(sql)),
      row('GET tile, from the process cache (HTTP)', of(cached)),
    ]));
    const zoomRows: string[][] = [];
    for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
      const at = tiles.filter((t) => t.z === z);
      if (!at.length) continue;
      const bytes = at.map((t) => direct.get(label(t))!.length);
      zoomRows.push([`z${z}`, String(at.length), ms(percentile(of(api, at), 0.95)), ms(percentile(of(sql, at), 0.95)), ms(percentile(of(cached, at), 0.95)), Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length).toLocaleString('en'), Math.max(...bytes).toLocaleString('en')]);
    }
    for (const l of layers) {
      const at = tiles.filter((t) => t.layerId === l.id && t.kind === 'data');
      const bytes = at.map((t) => direct.get(label(t))!.length);
      zoomRows.push([l.id, String(at.length), ms(percentile(of(api, at), 0.95)), ms(percentile(of(sql, at), 0.95)), ms(percentile(of(cached, at), 0.95)), Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length).toLocaleString('en'), Math.max(...bytes).toLocaleString('en')]);
    }
    const empty = tiles.filter((t) => t.kind === 'empty');
    zoomRows.push(['empty', String(empty.length), ms(percentile(of(api, empty), 0.95)), ms(percentile(of(sql, empty), 0.95)), ms(percentile(of(cached, empty), 0.95)), '0', '0']);
    log('');
    log(table(['tiles', 'n', 'api p95', 'sql p95', 'cached p95', 'mean bytes', 'max bytes'], zoomRows));
    log(`\nAPI errors: ${errors}; API tiles differing from the code's own: ${mismatches}; load average at the end ${loadAverage()} (other work on the machine inflates every figure)`);

    const apiP95 = percentile(of(api), 0.95);
    const sqlP95 = percentile(of(sql), 0.95);
    const cachedP95 = percentile(of(cached), 0.95);
    const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
    log('');
    log(`target ratio ≤ 1.5: ${met(apiP95 / sqlP95 <= 1.5)} (${benchNumber(apiP95 / sqlP95)})`);
    log(`target api_p95_ms ≤ 50: ${met(apiP95 <= 50)} (${ms(apiP95)})`);
    log(`target cached_p95_ms ≤ 5: ${met(cachedP95 <= 5)} (${ms(cachedP95)})`);
    log(`BENCH_TILES db=${external ? 'postgresql' : 'embedded'} tiles=${tiles.length} api_p95_ms=${benchNumber(apiP95)} sql_p95_ms=${benchNumber(sqlP95)} ratio=${benchNumber(apiP95 / sqlP95)} cached_p95_ms=${benchNumber(cachedP95)}`);
  } finally {
    await server.stop();
  }
}
