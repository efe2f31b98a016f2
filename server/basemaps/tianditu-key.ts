import type { Queryable } from '../db/types.ts';

/**
 * The server's 天地图 key: one an administrator set on the 设置 page (app_settings 'tianditu'),
 * else TIANDITU_KEY from the environment. Read on every proxied tile, so it is cached for a few
 * seconds: a change reaches every app instance within that time without a restart.
 */
const CACHE_MS = 5000;
let cached: { at: number; key: string | null } | null = null;

export type TiandituKeySource = 'settings' | 'environment' | null;

async function storedTiandituKey(db: Queryable): Promise<string | null> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.key;
  const { rows } = await db.query<{ key: string | null }>(`SELECT value->>'key' AS key FROM app_settings WHERE key = 'tianditu'`);
  cached = { at: Date.now(), key: rows[0]?.key || null };
  return cached.key;
}

export async function effectiveTiandituKey(db: Queryable, environmentKey: string | undefined): Promise<{ key: string | null; source: TiandituKeySource }> {
  const stored = await storedTiandituKey(db);
  if (stored) return { key: stored, source: 'settings' };
  return environmentKey ? { key: environmentKey, source: 'environment' } : { key: null, source: null };
}

/** Sets (or with null clears, falling back to TIANDITU_KEY) the administrator's key. */
export async function setTiandituKey(db: Queryable, key: string | null): Promise<void> {
  if (key) {
    await db.query(`INSERT INTO app_settings (key, value) VALUES ('tianditu', $1) ON CONFLICT (key) DO UPDATE SET value = $1`, [JSON.stringify({ key })]);
  } else {
    await db.query(`DELETE FROM app_settings WHERE key = 'tianditu'`);
  }
  cached = null;
}
