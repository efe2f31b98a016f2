import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { spawnServer } from '../support/server-process.ts';
import { startEmbeddedDatabase } from '../../server/db/embedded.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-lifecycle-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function layerState(url: string) {
  const layers = (await (await fetch(`${url}/api/layers`)).json()) as { id: string; version: number; loadedAt: string }[];
  return layers.map((l) => `${l.id}@${l.version}@${l.loadedAt}`).sort();
}

describe('server lifecycle on one DATA_DIR (embedded PGlite)', () => {
  it('starts, shuts down cleanly on SIGTERM, and restarts on the same data without re-initialising it', async () => {
    const first = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
    const health = await (await fetch(`${first.url}/api/health`)).json();
    expect(health).toEqual({ ok: true });
    const before = await layerState(first.url);
    expect(before.length).toBeGreaterThan(10);
    expect(await first.stop('SIGTERM')).toBe(0);
    // The directory lock is released by a clean shutdown.
    expect(fs.existsSync(path.join(dataDir, 'redline-map.pid'))).toBe(false);

    // A write made while the server is down (straight into the database) must survive the next start.
    const embedded = await startEmbeddedDatabase(dataDir);
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    await client.query(`UPDATE layer_versions SET note = 'lifecycle-probe' WHERE layer_id = 'water_source' AND version = 1`);
    await client.end();
    await embedded.close();

    const second = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
    console.log(`restart on existing data: /api/health answered ${second.readyMs} ms after launch`);
    expect(await layerState(second.url)).toEqual(before); // same versions, same load times: nothing reloaded
    const again = await startEmbeddedDatabase(dataDir).catch((e: Error) => e);
    expect(again).toBeInstanceOf(Error); // the running server holds the directory
    expect(await second.stop('SIGINT')).toBe(0);

    const third = await startEmbeddedDatabase(dataDir);
    const c3 = new pg.Client({ connectionString: third.url });
    await c3.connect();
    const { rows } = await c3.query(`SELECT note FROM layer_versions WHERE layer_id = 'water_source' AND version = 1`);
    await c3.end();
    await third.close();
    expect(rows[0].note).toBe('lifecycle-probe');
  }, 240_000);
});
