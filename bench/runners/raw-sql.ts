import type pg from 'pg';
import { AVOIDABLE_KINDS, DEFAULT_LINE_WIDTH_M, DEFAULT_POINT_WIDTH_M, runCheck } from '../../server/check/engine.ts';
import { querySiteFacts, type SiteFacts } from '../../server/check/overlap-query.ts';
import type { Queryable } from '../../server/db/types.ts';
import type { BenchSite } from '../sites.ts';

/** The options the engine passes to querySiteFacts for this site (engine.ts runCheck). */
function engineOptions(site: BenchSite) {
  return {
    pointWidthM: site.project.widthM ?? DEFAULT_POINT_WIDTH_M,
    lineWidthM: site.project.widthM ?? DEFAULT_LINE_WIDTH_M,
    bufferM: site.bufferM,
    exactOverlapKinds: AVOIDABLE_KINDS,
  };
}

/** A statement as the engine sends it: its text, or a config with values and, if prepared, a name. */
type Sent = string | { name?: string; text: string; values?: unknown[] };
const statementOf = (sent: Sent, values?: unknown[]) =>
  typeof sent === 'string' ? { text: sent, values, name: undefined } : { text: sent.text, values: sent.values, name: sent.name };

/** Rewrites the engine's statement (bench/sql-variants.ts); the identity by default. */
export type SqlTransform = (sql: string) => string;
const asIs: SqlTransform = (sql) => sql;

/** The engine's one round trip, as the engine runs it: for the results and the client-side time. */
export function siteFacts(db: Queryable, site: BenchSite, transform: SqlTransform = asIs): Promise<SiteFacts> {
  // A rewritten statement goes unnamed: its name would stand for the engine's text on the connection.
  const rewriting = transform === asIs ? db : ({ query: (sent: Sent, values?: unknown[]) => { const s = statementOf(sent, values); return db.query(transform(s.text), s.values); } } as unknown as Queryable);
  return querySiteFacts(rewriting, site.geometry, engineOptions(site));
}

export interface ServerTiming {
  planningMs: number;
  executionMs: number;
  /** Planning + execution: the work the server does for the statement, without the wire. */
  totalMs: number;
  plan: ExplainNode;
}

export interface ExplainNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  Plans?: ExplainNode[];
  [key: string]: unknown;
}

/**
 * Runner 3: the engine's SQL timed by the server itself. querySiteFacts is handed a Queryable that
 * runs the very statement text and parameters it receives under EXPLAIN (ANALYZE, TIMING OFF): the
 * server executes the query completely (every CTE, aggregate, ST_AsGeoJSON) and reports its planning
 * and execution time, excluding the network, result transfer and the pg client. TIMING OFF keeps the
 * per-node clock calls out of the measurement; `timing: true` turns them on for profiling.
 */
export async function timeSiteFactsInDb(
  db: Queryable,
  site: BenchSite,
  { timing = false, transform = asIs }: { timing?: boolean; transform?: SqlTransform } = {},
): Promise<ServerTiming> {
  let explained: { Plan: ExplainNode; 'Planning Time': number; 'Execution Time': number } | undefined;
  const explaining = {
    async query(sent: Sent, values?: unknown[]) {
      const { text, values: params } = statementOf(sent, values);
      const { rows } = await db.query(`EXPLAIN (ANALYZE, TIMING ${timing ? 'ON' : 'OFF'}, SUMMARY ON, FORMAT JSON) ${transform(text)}`, params);
      explained = rows[0]['QUERY PLAN'][0];
      return { rows: [{}] }; // querySiteFacts' result is discarded: only the timing matters here
    },
  } as unknown as Queryable;
  await querySiteFacts(explaining, site.geometry, engineOptions(site));
  if (!explained) throw new Error('querySiteFacts sent no query');
  const planningMs = explained['Planning Time'];
  const executionMs = explained['Execution Time'];
  return { planningMs, executionMs, totalMs: planningMs + executionMs, plan: explained.Plan };
}

export interface EngineSqlTiming {
  /** Planning + execution of every statement runCheck sent for the site. */
  totalMs: number;
  /** Of which the overlap query (querySiteFacts). */
  overlapMs: number;
  statements: number;
  overlapPlan: ExplainNode;
}

/**
 * Runner 3 as a whole: ALL the SQL the engine runs for a site — the overlap query, and the corridor
 * and avoidance queries when the site needs them — timed by the server (a named statement that ran
 * with its generic plan without the planning: the connection did not plan it). runCheck gets a Queryable
 * that sends each statement twice: under EXPLAIN (ANALYZE, TIMING OFF) for the server's own time,
 * then as is for the rows the engine needs to decide what to send next (not timed).
 */
export async function timeEngineSqlInDb(pool: pg.Pool, site: BenchSite): Promise<EngineSqlTiming> {
  let totalMs = 0;
  let overlapMs = 0;
  let statements = 0;
  let overlapPlan: ExplainNode | undefined;
  // One connection: a named statement's plan (and the count of its generic plans) is the connection's.
  const db = await pool.connect();
  const genericPlans = async (name: string) =>
    Number((await db.query(`SELECT generic_plans FROM pg_prepared_statements WHERE name = $1`, [name])).rows[0]?.generic_plans ?? 0);
  const timed = {
    async query(sent: Sent, values?: unknown[]) {
      const { text, values: params, name } = statementOf(sent, values);
      const { rows } = await db.query(`EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON) ${text}`, params);
      const explained = rows[0]['QUERY PLAN'][0];
      const before = name === undefined ? 0 : await genericPlans(name);
      const result = typeof sent === 'string' ? await db.query(sent, values) : await db.query(sent);
      // A named statement run with its generic plan was not planned: its server time is the execution.
      const planned = name === undefined || (await genericPlans(name)) === before;
      const ms = (planned ? explained['Planning Time'] : 0) + explained['Execution Time'];
      totalMs += ms;
      statements++;
      // The overlap query by its own CTE (the avoidance query joins feature_parts as well).
      if (text.includes('), site_facts AS (')) {
        overlapMs += ms;
        overlapPlan = explained.Plan;
      }
      return result;
    },
  } as unknown as Queryable;
  try {
    await runCheck(timed, { geometry: site.geometry, project: site.project, bufferM: site.bufferM });
  } finally {
    db.release();
  }
  if (!overlapPlan) throw new Error('runCheck sent no overlap query');
  return { totalMs, overlapMs, statements, overlapPlan };
}

/** Every index a plan scans (to show the GiST index on feature_parts is used). */
export function indexesUsed(node: ExplainNode, into = new Set<string>()): Set<string> {
  if (node['Index Name']) into.add(node['Index Name']);
  for (const child of node.Plans ?? []) indexesUsed(child, into);
  return into;
}
