import type pg from 'pg';
import { runCheck } from '../check/engine.ts';
import { recordAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/database.ts';
import { isAppError } from '../http/errors.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { jobStatus } from '../jobs/store.ts';
import { insertCheckRun } from '../projects/check-runs.ts';
import { lockProject } from '../projects/store.ts';
import { finishRecheckItem, pendingRecheckItems, seedRecheckItems, type RecheckParams } from './store.ts';

const CHUNK = 8;
const DECIDED = new Set(['approved', 'rejected']);

/**
 * Re-checks one project in one transaction: the check of its stored site against the layers as
 * they are now, stored as a check run with reason 'layer_update' that becomes the project's latest,
 * its audit row and the job's progress. The project's status, version and decision stay as they
 * are (a decided project keeps its decision; the register flags the changed verdict for the
 * reviewer). A project already checked with this version or a later one is skipped.
 */
async function recheckProject(pool: pg.Pool, jobId: number, params: RecheckParams, projectId: number): Promise<void> {
  await withTransaction(pool, async (client) => {
    const project = await lockProject(client, projectId);
    const { rows } = await client.query<{ verdict: string; used: number | null; bufferM: number | null }>(
      `SELECT verdict, (layer_versions->>$2)::int AS used, (result->>'bufferM')::float8 AS "bufferM" FROM check_runs WHERE id = $1`,
      [project.lastCheckId, params.layerId],
    );
    const last = rows[0];
    if (!last || last.used === null || last.used >= params.version) {
      await finishRecheckItem(client, jobId, projectId, { status: 'skipped' });
      return;
    }
    const check = await runCheck(client, { geometry: project.geometry, project: project.project, ...(last.bufferM === null ? {} : { bufferM: last.bufferM }) });
    const checkId = await insertCheckRun(client, { projectId, projectVersion: project.version, userId: null, result: check, reason: 'layer_update' });
    await client.query('UPDATE projects SET last_check_id = $2 WHERE id = $1', [projectId, checkId]);
    await recordAudit(client, {
      action: 'project.rechecked',
      actor: null,
      projectId,
      detail: {
        checkId, reason: 'layer_update', layerId: params.layerId, version: params.version, fromVersion: last.used,
        verdictBefore: last.verdict, verdict: check.verdict, verdictChanged: last.verdict !== check.verdict,
        status: project.status, decided: DECIDED.has(project.status), layerVersions: check.layerVersions,
      },
    });
    await finishRecheckItem(client, jobId, projectId, { status: 'done', checkId, verdictBefore: last.verdict });
  });
}

/**
 * The re-check job after a publish (issue 14): lists its projects once (nearest first), then checks
 * them a few at a time. Each item commits with its check run, so the pending items are the state a
 * restarted server resumes from; a project is never re-checked twice for one version.
 */
export function recheckHandler(): JobHandler {
  return async ({ job, pool, stopping }) => {
    const params = job.params as unknown as RecheckParams;
    if (!params.seeded) await withTransaction(pool, (client) => seedRecheckItems(client, job.id, params));
    for (;;) {
      if (stopping()) return;
      if ((await jobStatus(pool, job.id)) !== 'running') return;
      const ids = await pendingRecheckItems(pool, job.id, CHUNK);
      if (ids.length === 0) return;
      for (const id of ids) {
        if (stopping()) return;
        try {
          await recheckProject(pool, job.id, params, id);
        } catch (e) {
          if (stopping()) return;
          const error = isAppError(e) ? { code: e.code, message: e.messages } : { code: 'CHECK_FAILED', message: { zh: `核查失败（${(e as Error).message}）`, en: `The check failed (${(e as Error).message})` } };
          await finishRecheckItem(pool, job.id, id, { status: 'error', error });
        }
      }
    }
  };
}
