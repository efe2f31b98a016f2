import { benchNumber, ms, summarize, table, type Summary } from './stats.ts';

export interface RunnerTimes {
  name: string;
  /** Site id → milliseconds. */
  times: Map<string, number>;
  note?: string;
}

const row = (name: string, s: Summary) => [name, String(s.n), ms(s.p50), ms(s.p95), ms(s.max), ms(s.mean)];
const HEADER = ['runner', 'sites', 'p50 ms', 'p95 ms', 'max ms', 'mean ms'];

/** Per runner over its own sample; notes as footnotes under the table. */
export function runnerTable(runners: RunnerTimes[]): string {
  const notes = runners.filter((r) => r.note).map((r, i) => `${'*'.repeat(i + 1)} ${r.name.trim()}: ${r.note}`);
  let marks = 0;
  const rows = runners.map((r) => row(r.note ? `${r.name} ${'*'.repeat(++marks)}` : r.name, summarize([...r.times.values()])));
  return [table(HEADER, rows), ...notes].join('\n');
}

/** Every runner restricted to the same sites (the naive runner's sample). */
export function sameSampleTable(runners: RunnerTimes[], siteIds: string[]): string {
  return table(
    HEADER,
    runners.map((r) => row(r.name, summarize(siteIds.map((id) => r.times.get(id)).filter((x): x is number => x !== undefined)))),
  );
}

export function p95Of(r: RunnerTimes): number {
  return summarize([...r.times.values()]).p95;
}

export interface BenchFigures {
  polygons: number;
  vertices: number;
  apiP95: number;
  rawSqlP95: number;
  naiveP95: number;
  indexedP95: number;
}

export function benchLine(f: BenchFigures): string {
  return [
    'BENCH',
    `polygons=${f.polygons}`,
    `vertices=${f.vertices}`,
    `api_p95_ms=${benchNumber(f.apiP95)}`,
    `raw_sql_p95_ms=${benchNumber(f.rawSqlP95)}`,
    `naive_turf_p95_ms=${benchNumber(f.naiveP95)}`,
    `indexed_turf_p95_ms=${benchNumber(f.indexedP95)}`,
    `speedup_vs_naive=${benchNumber(f.naiveP95 / f.apiP95)}`,
    `overhead_vs_sql=${benchNumber(f.apiP95 / f.rawSqlP95)}`,
  ].join(' ');
}

export function targetLines(f: BenchFigures): string[] {
  const check = (ok: boolean) => (ok ? 'met' : 'MISSED');
  return [
    `target api_p95_ms ≤ 30: ${check(f.apiP95 <= 30)} (${ms(f.apiP95)})`,
    `target speedup_vs_naive ≥ 100: ${check(f.naiveP95 / f.apiP95 >= 100)} (${benchNumber(f.naiveP95 / f.apiP95)})`,
    `target overhead_vs_sql ≤ 1.5: ${check(f.apiP95 / f.rawSqlP95 <= 1.5)} (${benchNumber(f.apiP95 / f.rawSqlP95)})`,
  ];
}
