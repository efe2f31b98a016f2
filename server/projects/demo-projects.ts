import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createUser } from '../auth/users.ts';
import { runCheck } from '../check/engine.ts';
import { parseProject } from '../check/development-input.ts';
import { parseSiteGeometry } from '../check/site-input.ts';
import type { Verdict } from '../../common/domain/verdict.ts';
import { withTransaction } from '../db/database.ts';
import type { Queryable } from '../db/types.ts';
import { GEODATA_DIR } from '../layers/reference-data.ts';
import { recordAudit } from '../audit/audit.ts';
import { insertCheckRun } from './check-runs.ts';
import type { NewProject } from './project-input.ts';
import { insertProject } from './store.ts';

/** The built-in owner of the demo projects. Disabled: nobody can log in with it. */
export const DEMO_APPLICANT = 'demo_applicant';

const demoProjectsFile = (dir = GEODATA_DIR) => path.join(dir, 'demo-projects.geojson');

export type DemoLoadOutcome =
  | { loaded: true; projects: { id: number; name: string; verdict: Verdict }[] }
  | { loaded: false; reason: 'register-not-empty' | 'no-accounts' | 'no-reference-layers' | 'no-file' | 'username-taken' };

/** The demo sites as new projects (the file's expectedVerdict is documentation, never used: the check decides). */
export function readDemoProjects(file = demoProjectsFile()): NewProject[] {
  const collection = JSON.parse(fs.readFileSync(file, 'utf8')) as GeoJSON.FeatureCollection;
  return collection.features.map((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    return {
      name: String(p.name),
      geometry: parseSiteGeometry(f.geometry),
      project: parseProject(p.project),
      description: typeof p.description === 'string' ? p.description : null,
      applicant: typeof p.applicant === 'string' ? p.applicant : null,
    };
  });
}

/** The demo account, created disabled on first use (an unguessable password it never needs). */
async function demoApplicant(db: Queryable): Promise<{ id: number; username: string } | null> {
  const { rows } = await db.query<{ id: number; username: string; disabled: boolean }>(
    'SELECT id, username, disabled FROM users WHERE lower(username) = lower($1)',
    [DEMO_APPLICANT],
  );
  // Someone made a real account with this name: leave it alone rather than fill it with demo data.
  if (rows[0]) return rows[0].disabled ? rows[0] : null;
  const user = await createUser(db, { username: DEMO_APPLICANT, password: randomBytes(24).toString('base64url'), role: 'applicant' });
  await db.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
  await recordAudit(db, {
    action: 'user.created',
    actor: null,
    detail: { userId: user.id, username: user.username, role: user.role, disabled: true, source: 'demo projects' },
  });
  return user;
}

/**
 * Fills an empty register with the demo projects of geodata/demo-projects.geojson so that the
 * register, the dashboard and the map show every verdict on a fresh install: each becomes a
 * project of the disabled demo applicant, is checked against the current layers (the stored check
 * records their versions, like a real submission) and is marked submitted, awaiting review.
 *
 * One transaction: all of them or none. Runs at start after the first admin is bootstrapped; it does
 * nothing once the register holds any project, nor before any account exists (the demo account
 * would otherwise stop ADMIN_USERNAME from creating the first administrator later).
 */
export async function loadDemoProjects(pool: pg.Pool, { file = demoProjectsFile() }: { file?: string } = {}): Promise<DemoLoadOutcome> {
  if (!fs.existsSync(file)) return { loaded: false, reason: 'no-file' };
  const sites = readDemoProjects(file);
  return withTransaction(pool, async (client): Promise<DemoLoadOutcome> => {
    // Two servers starting on one database must not both load them.
    await client.query('LOCK TABLE projects IN SHARE ROW EXCLUSIVE MODE');
    const { rows } = await client.query<{ projects: boolean; users: boolean; layers: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM projects) AS projects, EXISTS (SELECT 1 FROM users) AS users,
              EXISTS (SELECT 1 FROM layers WHERE id = 'eco_redline' AND current_version IS NOT NULL) AS layers`,
    );
    if (rows[0].projects) return { loaded: false, reason: 'register-not-empty' };
    if (!rows[0].users) return { loaded: false, reason: 'no-accounts' };
    // The sites are placed on the shipped reference layers; without them every verdict would be 无冲突.
    if (!rows[0].layers) return { loaded: false, reason: 'no-reference-layers' };
    const owner = await demoApplicant(client);
    if (!owner) return { loaded: false, reason: 'username-taken' };

    const loaded: { id: number; name: string; verdict: Verdict }[] = [];
    for (const site of sites) {
      const id = await insertProject(client, owner.id, site);
      await recordAudit(client, { action: 'project.created', actor: owner, projectId: id, detail: { name: site.name, type: site.project.type, demo: true } });
      const check = await runCheck(client, { geometry: site.geometry, project: site.project });
      const checkId = await insertCheckRun(client, { projectId: id, projectVersion: 1, userId: owner.id, result: check });
      await client.query(
        `UPDATE projects SET status = 'submitted', version = version + 1, last_check_id = $2, submitted_at = now(), updated_at = now() WHERE id = $1`,
        [id, checkId],
      );
      await recordAudit(client, {
        action: 'project.submitted',
        actor: owner,
        projectId: id,
        detail: { checkId, verdict: check.verdict, layerVersions: check.layerVersions, fromStatus: 'draft', resubmission: false, projectVersion: 1, demo: true },
      });
      loaded.push({ id, name: site.name, verdict: check.verdict });
    }
    return { loaded: true, projects: loaded };
  });
}
