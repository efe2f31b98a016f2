/**
 * Profiles the engine's SQL on the bench data (loaded by `npm run bench` first):
 *   npx tsx bench/profile.ts --scale small|province [--variants engine,jit-off,…] [--plan S007]
 * For every variant of bench/sql-variants.ts: server-side time per site (EXPLAIN ANALYZE, TIMING
 * OFF: planning + execution) and whether its answers equal the engine's. --plan prints the timed
 * text plan of one site (EXPLAIN ANALYZE, BUFFERS) for each variant named.
 */
import { parseArgs } from 'node:util';
import type pg from 'pg';
import type { SiteFacts } from '../server/check/overlap-query.ts';
import { openDatabase } from '../server/db/database.ts';
import { benchDatabaseConfig, describeDatabase } from './database.ts';
import { generateDataset } from './dataset.ts';
import { scaleSpec } from './dataset/scale.ts';
import { factsDifference } from './facts-diff.ts';
import { indexesUsed, siteFacts, timeSiteFactsInDb, type SqlTransform } from './runners/raw-sql.ts';
import { generateSites, type BenchSite } from './sites.ts';
import { applyVariant, SQL_VARIANTS, type SqlVariant } from './sql-variants.ts';
import { ms, summarize, table } from './stats.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    variants: { type: 'string' },
    plan: { type: 'string' },
    sites: { type: 'string' },
    // Each site is timed this many times and the fastest kept: other work on the machine adds noise.
    repeat: { type: 'string', default: '2' },
    // Session settings for every variant, e.g. --set jit=off (a variant's own settings come on top).
    set: { type: 'string', multiple: true },
  },
});

const sessionSettings = (values.set ?? []).map((kv) => {
  const [name, value] = kv.split('=');
  if (!/^[a-z_]+$/.test(name) || !/^[\w.]+$/.test(value ?? '')) throw new Error(`--set ${kv}: expected name=value`);
  return `SET ${name} = ${value}`;
});

interface VariantRun {
  variant: SqlVariant;
  ok: boolean;
  transform: SqlTransform;
  times: Map<string, number>;
  indexes: Set<string>;
  differences: string[];
}

async function withSettings<T>(client: pg.PoolClient, variant: SqlVariant, fn: () => Promise<T>): Promise<T> {
  for (const setting of variant.settings ?? []) await client.query(setting);
  try {
    return await fn();
  } finally {
    if (variant.settings?.length) {
      await client.query('RESET ALL');
      for (const setting of sessionSettings) await client.query(setting);
    }
  }
}

async function printPlan(client: pg.PoolClient, site: BenchSite, variant: SqlVariant, transform: SqlTransform) {
  console.log(`\n--- plan of ${site.id} (${site.label}), variant ${variant.name}`);
  await withSettings(client, variant, async () => {
    await siteFacts(client, site, transform); // warm this session's caches first
    const explaining = {
      // The engine names its statement (a config object): explained unnamed, with the same text and values.
      query: async (query: string | pg.QueryConfig, params?: unknown[]) => {
        const [text, values] = typeof query === 'string' ? [query, params] : [query.text, query.values];
        const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${transform(text)}`, values);
        console.log(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
        return { rows: [{}] };
      },
    };
    await siteFacts(explaining as unknown as pg.PoolClient, site);
  });
}

async function main() {
  const spec = scaleSpec(values.scale!);
  if (values.sites) spec.sites = Number(values.sites);
  const dataset = generateDataset(spec, () => {});
  const sites = generateSites(spec, dataset.layers[0].collection);
  const db = await openDatabase({ ...benchDatabaseConfig(spec), poolMax: 1 });
  const client = await db.pool.connect();
  try {
    for (const setting of sessionSettings) await client.query(setting);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM layers WHERE id LIKE 'bench\\_%' AND current_version IS NOT NULL`);
    if (rows[0].n === 0) throw new Error(`no bench layers in this database: run \`npm run bench -- --scale ${spec.name}\` first`);
    console.log(`# engine SQL profile — scale ${spec.name}, ${sites.length} sites, ${await describeDatabase(client, db.mode)}${sessionSettings.length ? `; ${sessionSettings.join('; ')}` : ''}`);
    const chosen = values.variants ? SQL_VARIANTS.filter((v) => values.variants!.split(',').includes(v.name)) : SQL_VARIANTS;

    if (values.plan) {
      const site = sites.find((s) => s.id === values.plan);
      if (!site) throw new Error(`no site ${values.plan}`);
      for (const variant of chosen) await printPlan(client, site, variant, (sql) => applyVariant(variant, sql) ?? sql);
      return;
    }

    const expected = new Map<string, SiteFacts>();
    for (const site of sites) expected.set(site.id, await siteFacts(client, site)); // also warms the cache
    const runs: VariantRun[] = [];
    for (const variant of chosen) {
      const ok = await applicable(client, variant, sites[0]);
      runs.push({ variant, ok, transform: (sql) => applyVariant(variant, sql)!, times: new Map(), indexes: new Set(), differences: [] });
    }
    // Site by site, every variant in turn: load from other work on the machine then hits all variants alike.
    for (const [i, site] of sites.entries()) {
      for (let r = 0; r < Number(values.repeat); r++) {
        for (const run of runs.filter((x) => x.ok)) {
          const timing = await withSettings(client, run.variant, () => timeSiteFactsInDb(client, site, { transform: run.transform }));
          run.times.set(site.id, Math.min(run.times.get(site.id) ?? Infinity, timing.totalMs));
          indexesUsed(timing.plan, run.indexes);
          if (r > 0) continue;
          const diff = factsDifference(expected.get(site.id)!, await withSettings(client, run.variant, () => siteFacts(client, site, run.transform)));
          if (diff) run.differences.push(`${site.id}: ${diff}`);
        }
      }
      if ((i + 1) % 50 === 0) console.log(`  … ${i + 1}/${sites.length} sites`);
    }
    const out = runs.map((run) => {
      if (!run.ok) return [run.variant.name, 'not applicable: the engine SQL changed', '', '', '', '', ''];
      const of = (kind: string) => summarize(sites.filter((s) => s.geometry.type === kind).map((s) => run.times.get(s.id)!));
      const all = summarize([...run.times.values()]);
      const slowest = sites.map((s) => s.id).sort((a, b) => run.times.get(b)! - run.times.get(a)!).slice(0, 5);
      console.log(`  ${run.variant.name}: indexes ${[...run.indexes].sort().join(', ')}; slowest ${slowest.map((id) => `${id} ${ms(run.times.get(id)!)}`).join(', ')}`);
      return [run.variant.name, ms(all.p50), ms(all.p95), ms(all.max), ms(of('Polygon').p95), ms(of('LineString').p95), `${run.differences.length}${run.differences.length ? ` (${run.differences[0]})` : ''}`];
    });
    console.log(`\nserver-side ms per site (planning + execution; fastest of ${values.repeat}):`);
    console.log(table(['variant', 'p50', 'p95', 'max', 'polygons p95', 'lines p95', 'sites with different answers'], out));
    console.log('\n' + chosen.map((v) => `${v.name}: ${v.why}`).join('\n'));
  } finally {
    client.release();
    await db.close();
  }
}

/** A variant applies when all its anchors are in the SQL the engine really sends. */
async function applicable(client: pg.PoolClient, variant: SqlVariant, site: BenchSite): Promise<boolean> {
  let ok = false;
  await siteFacts(client, site, (sql) => {
    ok = applyVariant(variant, sql) !== null;
    return sql;
  });
  return ok;
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
