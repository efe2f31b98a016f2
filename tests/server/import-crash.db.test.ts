import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../support/server-process.ts';
import { manyRingsCsv } from '../support/hostile-files.ts';

/**
 * Issue 11: kill -9 of the server during an import. An import writes nothing to the database
 * (POST /api/import parses the upload and answers with features; server/importers has no db handle),
 * so there is nothing half-written to find: what must hold is that the server comes back on the
 * same DATA_DIR, healthy, with the same data as before.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-import-crash-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function state(url: string) {
  const layers = (await (await fetch(`${url}/api/layers`)).json()) as { id: string; version: number; loadedAt: string }[];
  return layers.map((l) => `${l.id}@${l.version}@${l.loadedAt}`).sort();
}

describe('kill -9 during an import', () => {
  it('the server restarts on the same data, healthy and unchanged', async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: '', LOAD_REFERENCE_DATA: 'false', LOAD_DEMO_PROJECTS: 'false' };
    const first = await spawnServer(env, 600_000);
    const before = await state(first.url);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(manyRingsCsv(6_000))]), 'rings.csv');
    form.append('geometry', 'polygon');
    const upload = fetch(`${first.url}/api/import`, { method: 'POST', body: form }).then((r) => r.status, (e: Error) => e);
    await new Promise((r) => setTimeout(r, 150)); // the upload is being parsed
    expect(await first.stop('SIGKILL')).toBeNull();
    expect(await upload).toBeInstanceOf(Error); // the connection died with the process

    const second = await spawnServer(env, 600_000);
    const health = await fetch(`${second.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await state(second.url)).toEqual(before);
    // And it imports again.
    const again = new FormData();
    again.append('file', new Blob([new Uint8Array(manyRingsCsv(10))]), 'rings.csv');
    again.append('geometry', 'polygon');
    expect((await fetch(`${second.url}/api/import`, { method: 'POST', body: again })).status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 900_000);
});
