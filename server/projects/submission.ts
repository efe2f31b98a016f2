import type pg from 'pg';
import type { AuthUser } from '../auth/sessions.ts';
import type { CheckResult } from '../../common/api/check-result.ts';
import { runCheck } from '../check/engine.ts';
import { withTransaction } from '../db/database.ts';
import { assertOwner } from './access.ts';
import { recordAudit } from '../audit/audit.ts';
import { insertCheckRun } from './check-runs.ts';
import { lockProject } from './store.ts';
import type { ProjectStatus } from '../../common/domain/review.ts';
import { assertNotArchived, assertSubmittable, assertVersion } from './workflow.ts';

export interface SubmissionResult {
  id: number;
  status: ProjectStatus;
  version: number;
  checkId: number;
  check: CheckResult;
}

/**
 * Test hook for the durability test: REDLINE_TEST_SUBMIT_DELAY_MS (set only by tests) pauses
 * between storing the check and changing the status, so a kill -9 can land inside the transaction.
 */
async function testPause(projectId: number): Promise<void> {
  const ms = Number(process.env.REDLINE_TEST_SUBMIT_DELAY_MS ?? 0);
  if (!(ms > 0)) return;
  // The test waits for this line to know the transaction is open, then kills the process.
  console.warn(`[test hook] submission of project ${projectId} paused ${ms} ms inside its transaction`);
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Submits a project for review: runs a fresh check on the stored site, stores it with the layer
 * versions it used, moves the project to `submitted` and writes the audit row — one transaction,
 * so after any crash the project is either untouched or submitted with its check.
 */
export async function submitProject(
  pool: pg.Pool,
  user: AuthUser,
  id: number,
  options: { version: number; bufferM?: unknown; ip?: string },
): Promise<SubmissionResult> {
  return withTransaction(pool, async (client) => {
    const project = await lockProject(client, id);
    assertOwner(user, project);
    assertSubmittable(project.status);
    assertNotArchived(project);
    assertVersion(options.version, project.version);
    // The check reads the layers inside this transaction: the versions it records are the ones it used.
    const check = await runCheck(client, { geometry: project.geometry, project: project.project, bufferM: options.bufferM });
    const checkId = await insertCheckRun(client, { projectId: id, projectVersion: project.version, userId: user.id, result: check });
    await testPause(id);
    const { rows } = await client.query<{ version: number }>(
      `UPDATE projects SET status = 'submitted', version = version + 1, last_check_id = $2, submitted_at = now(), updated_at = now()
        WHERE id = $1 RETURNING version`,
      [id, checkId],
    );
    await recordAudit(client, {
      action: 'project.submitted',
      actor: user,
      projectId: id,
      detail: {
        checkId,
        verdict: check.verdict,
        layerVersions: check.layerVersions,
        fromStatus: project.status,
        resubmission: project.status === 'revision_requested',
        projectVersion: project.version,
      },
      ip: options.ip,
    });
    return { id, status: 'submitted', version: rows[0].version, checkId, check };
  });
}
