import type pg from 'pg';
import { QUERY_CANCELED, withBoundedReads } from '../db/database.ts';
import { serviceUnavailable } from '../http/errors.ts';
import { LIMITS } from '../limits.ts';
import type { CheckResult } from '../../common/api/check-result.ts';
import { parseCheckRequest, runCheck, type CheckRequest } from './engine.ts';

/**
 * A check as the API runs it for anyone who asks (/api/check, a report of a drawn site): its SQL on
 * one client with a per-statement time limit (withBoundedReads), so one site cannot hold a database connection;
 * past the limit the caller gets a 503 with Retry-After rather than a 500 or a hang. The site's
 * vertices and widths are capped before the connection is taken (site-input.ts, project.ts).
 */
export async function runBoundedCheck(pool: pg.Pool, request: CheckRequest): Promise<CheckResult> {
  // Parsed (and refused) before the connection is taken: see parseCheckRequest.
  const parsed = parseCheckRequest(request);
  try {
    return await withBoundedReads(pool, LIMITS.checkStatementTimeoutMs, (client) => runCheck(client, request, parsed));
  } catch (e) {
    if ((e as { code?: string }).code === QUERY_CANCELED)
      throw serviceUnavailable(
        'CHECK_TIMEOUT',
        `核查超过 ${LIMITS.checkStatementTimeoutMs / 1000} 秒未完成，已中止：请简化选址边界后重试`,
        `The check ran past ${LIMITS.checkStatementTimeoutMs / 1000} s and was stopped: simplify the site boundary and try again`,
        30,
      );
    throw e;
  }
}
