import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import type { Database } from '../../../server/db/database.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { JobRunner } from '../../../server/jobs/runner.ts';
import { openTestDatabase } from '../../support/test-db.ts';
import { removeTestLayers } from '../../support/test-layers.ts';
import { login, makeUser, type Session } from '../auth/accounts.ts';
import { geoPackage4490, writeSource } from '../admin/gdal-files.ts';

/**
 * 面积不减少 under concurrency: publish A grows the red line and, while it is still inside its
 * transaction (the test hook pauses it), publish B — smaller than A's version but larger than the
 * current one, and without a 批准文号 — arrives. B replaces A's version, so B is a decrease and must
 * be refused. The guard compares with the current version only after taking the layer's lock; read
 * before it (as it once was), B compared with the old version and slipped through on PostgreSQL.
 * (The embedded database serialises whole transactions on its one connection: there B always waits.)
 */
const LAYER = 'race_redline';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-race-'));
const rect = (w: number, s: number, e: number, n: number): [number, number][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const block = (east: number) => ({ bsm: 'R-1', name: '竞态测试块', level: '核心保护区', ring: rect(106.5725, 26.4095, east, 26.4175) });
const MAPPING = { id: 'BSM', name: 'HXMC', level: { field: 'GKFQ', values: { 核心保护区: 'core' } } };

let db: Database;
let jobs: JobRunner;
let app: Express;
let admin: Session;
const log = createLogger('silent');

async function publish(file: string, extra: Record<string, unknown>) {
  const up = await admin.agent.post('/api/admin/uploads').set('X-CSRF-Token', admin.csrfToken).attach('file', file);
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  return admin.post(`/api/admin/layers/${LAYER}/versions`, { uploadId: up.body.uploadId, mapping: MAPPING, ...extra });
}

beforeAll(async () => {
  db = await openTestDatabase({ poolMax: 4 });
  await removeTestLayers(db.pool, [LAYER]);
  jobs = new JobRunner(db.pool, log);
  const config = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }), logLevel: 'silent' as const };
  app = createApp({ config, db, log, jobs });
  const username = `race_admin_${Date.now().toString(36)}`;
  await makeUser(db.pool, username, 'admin');
  admin = await login(app, username);
}, 60_000);

afterAll(async () => {
  delete process.env.REDLINE_TEST_PUBLISH_DELAY_MS;
  await jobs?.stop();
  if (db) {
    await removeTestLayers(db.pool, [LAYER]);
    await db.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('publishes of one layer at once', () => {
  it('a version smaller than the one it replaces needs an approval even when that one commits meanwhile', async () => {
    const created = await admin.post('/api/admin/layers', { id: LAYER, kind: 'eco_redline', nameZh: '生态保护红线（竞态测试）', nameEn: 'Red line (race test)' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const v1 = geoPackage4490(dir, writeSource(dir, 'v1.geojson', [block(106.5825)]), 'race_v1');
    const grown = geoPackage4490(dir, writeSource(dir, 'grown.geojson', [block(106.6025)]), 'race_grown');
    const middle = geoPackage4490(dir, writeSource(dir, 'middle.geojson', [block(106.5925)]), 'race_middle');
    expect((await publish(v1, { note: '划定成果', approvalDocument: '黔府函〔2026〕1号' })).status).toBe(201);

    process.env.REDLINE_TEST_PUBLISH_DELAY_MS = '2000';
    const first = publish(grown, { note: '扩大' });
    await new Promise((resolve) => setTimeout(resolve, 700));
    const second = publish(middle, { note: '局部调整' });
    const [a, b] = await Promise.all([first, second]);
    delete process.env.REDLINE_TEST_PUBLISH_DELAY_MS;

    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(b.status, JSON.stringify(b.body)).toBe(422);
    expect(b.body.error.code).toBe('AREA_DECREASE_NEEDS_APPROVAL');
    const { rows } = await db.pool.query<{ current_version: number }>('SELECT current_version FROM layers WHERE id = $1', [LAYER]);
    expect(rows[0].current_version).toBe(a.body.version);
  }, 120_000);
});
