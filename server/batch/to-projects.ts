import type pg from 'pg';
import type { AuthUser } from '../auth/sessions.ts';
import { parseProject } from '../check/development-input.ts';
import { unprocessable } from '../http/errors.ts';
import { createProject } from '../projects/drafts.ts';
import { storedRows } from './store.ts';

/**
 * Checked rows of a batch → draft projects in the register, each through the register's own
 * createProject (its validation, township, audit entry). Rows in error or still pending are refused
 * together (422 naming them) before any draft is made.
 */
export async function rowsToDrafts(pool: pg.Pool, user: AuthUser, jobId: number, indexes: number[], ip?: string) {
  const wanted = [...new Set(indexes)].sort((a, b) => a - b);
  const rows = await storedRows(pool, jobId, { indexes: wanted, withGeometry: true });
  const found = new Set(rows.map((r) => r.idx));
  const missing = wanted.filter((i) => !found.has(i));
  const unusable = rows.filter((r) => r.status !== 'done' || !r.geometry).map((r) => r.idx);
  if (missing.length > 0 || unusable.length > 0) {
    const bad = [...missing, ...unusable].sort((a, b) => a - b).slice(0, 20);
    throw unprocessable(
      'ROWS_NOT_CHECKED',
      `以下行不存在或未核查成功，不能转为项目：${bad.map((i) => i + 1).join('、')}`,
      `These rows do not exist or were not checked successfully and cannot become projects: ${bad.map((i) => i + 1).join(', ')}`,
      { indexes: bad },
    );
  }
  const created: { index: number; projectId: number }[] = [];
  for (const row of rows) {
    const project = await createProject(
      pool,
      user,
      {
        name: row.name ?? `第 ${row.idx + 1} 项`,
        geometry: row.geometry!,
        project: parseProject(row.project),
        description: `来自项目库批量核查 #${jobId} 第 ${row.idx + 1} 行 (batch check #${jobId}, row ${row.idx + 1})`,
        applicant: null,
      },
      ip,
    );
    created.push({ index: row.idx, projectId: project.id });
  }
  return { created };
}
