import type pg from 'pg';
import type { Config } from '../config.ts';
import { withTransaction } from '../db/database.ts';
import { isAppError } from '../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { createUser } from './users.ts';

export type BootstrapOutcome =
  | { created: true; username: string }
  | { created: false; reason: 'users-exist' | 'no-credentials' };

/**
 * Creates the first administrator from ADMIN_USERNAME / ADMIN_PASSWORD when the database has no
 * user at all; does nothing once any account exists (changing the variables later changes nothing).
 * Run at every start after the schema is migrated. A password shorter than 8 characters is refused.
 */
export async function bootstrapAdmin(pool: pg.Pool, config: Pick<Config, 'adminUsername' | 'adminPassword'>): Promise<BootstrapOutcome> {
  return withTransaction(pool, async (client) => {
    // Two servers starting on one database must not both create an admin.
    await client.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
    const { rows } = await client.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM users) AS any');
    if (rows[0].any) return { created: false, reason: 'users-exist' } as const;
    if (!config.adminUsername || !config.adminPassword) return { created: false, reason: 'no-credentials' } as const;
    const admin = await createUser(client, { username: config.adminUsername, password: config.adminPassword, role: 'admin' }).catch(
      (e: unknown) => {
        // A start-up configuration error, not a request error: say which variables to fix.
        throw isAppError(e) ? new Error(`ADMIN_USERNAME / ADMIN_PASSWORD rejected: ${e.messages.en} (${e.messages.zh})`) : e;
      },
    );
    await recordAudit(client, {
      action: 'user.bootstrapped',
      actor: null,
      detail: { userId: admin.id, username: admin.username, role: 'admin', source: 'ADMIN_USERNAME/ADMIN_PASSWORD' },
    });
    return { created: true, username: admin.username } as const;
  });
}
