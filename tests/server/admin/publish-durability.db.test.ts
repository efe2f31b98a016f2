import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../server/auth/users.ts';
import { openDatabase } from '../../../server/db/database.ts';
import { killMidRequestAndRestart, spawnServer, type ServerProcess } from '../../support/server-process.ts';
import { PASSWORD } from '../auth/accounts.ts';

/**
 * kill -9 during the publish of a large official layer (issue 13): after a restart the previous
 * version is current and complete, and no trace of the half-written version is visible.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-publish-kill-'));
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null && s.child.signalCode === null) await s.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** n × n square cells of ~100 m near 100.5°E 30.5°N, each its own feature. */
function grid(n: number, prefix: string): string {
  const features = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const [x, y] = [100.5 + i * 0.001, 30.5 + j * 0.001];
      features.push({
        type: 'Feature',
        properties: { BSM: `${prefix}-${i}-${j}`, HXMC: `网格${i}-${j}` },
        geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.0009, y], [x + 0.0009, y + 0.0009], [x, y + 0.0009], [x, y]]] },
      });
    }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

function client(base: string) {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, url: string, body?: object | FormData) => {
    const form = body instanceof FormData;
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { ...(form ? {} : { 'content-type': 'application/json' }), cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: form ? body : body ? JSON.stringify(body) : undefined,
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('redline_session='));
    if (set) cookie = set.split(';')[0];
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    call,
    async login(username: string) {
      const res = await call('POST', '/api/auth/login', { username, password: PASSWORD });
      expect(res.status).toBe(200);
      csrf = res.body.csrfToken;
    },
    async upload(name: string, text: string) {
      const form = new FormData();
      form.append('file', new Blob([text]), name);
      return call('POST', '/api/admin/uploads', form);
    },
  };
}

const DELAY_MS = 4000;
const MAPPING = { id: 'BSM', name: 'HXMC' };

describe('durability: kill -9 while publishing a large layer (embedded PGlite in its own DATA_DIR)', () => {
  it('leaves the previous version current and complete', async () => {
    const seed = await openDatabase({ dataDir });
    await createUser(seed.pool, { username: 'kill_admin', password: PASSWORD, role: 'admin' });
    await seed.close();

    const env = { DATA_DIR: dataDir, DATABASE_URL: '', LOAD_REFERENCE_DATA: 'false' };
    const first = await spawnServer({ ...env, REDLINE_TEST_PUBLISH_DELAY_MS: String(DELAY_MS) });
    running.push(first);
    const c = client(first.url);
    await c.login('kill_admin');
    expect((await c.call('POST', '/api/admin/layers', { id: 'kill_layer', kind: 'basic_farmland', nameZh: '基本农田', nameEn: 'Farmland' })).status).toBe(201);

    // Version 1: 30 × 30 cells, published completely (it pauses too, then commits).
    const v1 = await c.upload('v1.geojson', grid(30, 'A'));
    expect(v1.status).toBe(201);
    const pub1 = await c.call('POST', '/api/admin/layers/kill_layer/versions', { uploadId: v1.body.uploadId, mapping: MAPPING });
    expect(pub1.status, JSON.stringify(pub1.body)).toBe(201);
    expect(pub1.body).toMatchObject({ version: 1, featureCount: 900 });

    // Version 2: 100 × 100 cells; kill -9 once its features and parts are written, before the commit.
    const v2 = await c.upload('v2.geojson', grid(100, 'B'));
    expect(v2.status).toBe(201);
    const pauses = () => first.output().split('[test hook] publish of kill_layer').length - 1;
    expect(pauses()).toBe(1);
    const { outcome, restarted: second } = await killMidRequestAndRestart(first, {
      hook: '[test hook] publish of kill_layer', delayMs: DELAY_MS, dataDir, env,
      request: () => c.call('POST', '/api/admin/layers/kill_layer/versions', { uploadId: v2.body.uploadId, mapping: MAPPING }),
    });
    running.push(second);
    expect(outcome).toBe('connection lost');
    const layers = (await fetch(`${second.url}/api/layers`).then((r) => r.json())) as { id: string; version: number; featureCount: number; illustrative: boolean }[];
    expect(layers.find((l) => l.id === 'kill_layer')).toMatchObject({ version: 1, featureCount: 900, illustrative: false });
    const features = (await fetch(`${second.url}/api/layers/kill_layer/features`).then((r) => r.json())) as GeoJSON.FeatureCollection;
    expect(features.features).toHaveLength(900);
    // A check in a cell of version 1 uses version 1 (the features of the killed version 2 are not visible).
    const site = { type: 'Polygon', coordinates: [[[100.5001, 30.5001], [100.5008, 30.5001], [100.5008, 30.5008], [100.5001, 30.5008], [100.5001, 30.5001]]] };
    const check = await fetch(`${second.url}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ geometry: site, project: { type: 'industrial' } }) }).then((r) => r.json());
    expect(check.layerVersions.kill_layer).toBe(1);
    const farmland = check.results.find((r: { layerId: string }) => r.layerId === 'kill_layer');
    const ids = farmland.features.map((f: { id: string }) => f.id) as string[];
    expect(ids).toContain('A-0-0');
    expect(ids.every((id) => id.startsWith('A-'))).toBe(true);
    await second.stop('SIGTERM');

    // Nothing of version 2 in the tables: no version row, no features, no parts.
    const db = await openDatabase({ dataDir });
    const counts = await db.pool.query(
      `SELECT (SELECT count(*)::int FROM layer_versions WHERE layer_id = 'kill_layer') AS versions,
              (SELECT count(*)::int FROM features WHERE layer_id = 'kill_layer') AS features,
              (SELECT count(*)::int FROM feature_parts WHERE layer_id = 'kill_layer' AND version = 2) AS parts2`,
    );
    await db.close();
    expect(counts.rows[0]).toEqual({ versions: 1, features: 900, parts2: 0 });
  }, 600_000);
});
