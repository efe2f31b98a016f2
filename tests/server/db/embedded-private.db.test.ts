import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../../server/db/embedded.ts';

/**
 * Issue 11, row 1: PGlite has no authentication, so whoever reaches its socket is superuser. Another
 * local OS user must not reach it. The test connects with psql exactly as the app's URL says, once as
 * the server's own user (must work: proves the probe can succeed) and once as `nobody` (must fail).
 * On the old code the URL was a loopback TCP port, which `nobody` reached.
 */
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasTools = spawnSync('which', ['psql', 'runuser']).status === 0;

let dataDir: string;
let embedded: EmbeddedDatabase;

/** Async: the socket server runs in this process, so a blocking spawn would keep it from answering. */
function psqlAs(user: string | null, url: string): Promise<{ status: number; out: string }> {
  const args = ['-X', '-At', '-v', 'ON_ERROR_STOP=1', '-c', 'SELECT count(*) FROM pg_roles', url];
  const [cmd, argv] = user ? ['runuser', ['-u', user, '--', 'psql', ...args]] : ['psql', args];
  return new Promise((resolve) => {
    execFile(cmd as string, argv as string[], { encoding: 'utf8', cwd: '/', timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code ?? 1) || 1 : 0, out: `${stdout}${stderr}` });
    });
  });
}

describe.skipIf(!isRoot || !hasTools)('embedded database is private to the server’s OS user (needs root and psql)', () => {
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-private-'));
    // World-readable DATA_DIR, as `mkdir data` under umask 022 leaves it: the socket's own directory must protect it.
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedDatabase(dataDir, { socket: 'unix' });
  }, 400_000);
  afterAll(async () => {
    await embedded?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets the server’s own user connect with the URL the app uses', async () => {
    const own = await psqlAs(null, embedded.url);
    expect(own.out).toMatch(/^\d+\s*$/);
    expect(own.status).toBe(0);
  });

  it('refuses another local user (nobody) with the same URL', async () => {
    const other = await psqlAs('nobody', embedded.url);
    expect(other.status).not.toBe(0);
    expect(other.out).toMatch(/permission denied|could not connect|connection to server/i);
    expect(other.out).not.toMatch(/^\d+\s*$/m);
  });

  it('keeps the socket directory and the data files owner-only', () => {
    expect(fs.statSync(embedded.socketDir!).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'pglite')).mode & 0o777).toBe(0o700);
  });
});

if (!isRoot || !hasTools) {
  it('embedded-private: skipped — needs root (runuser) and psql to try another OS user', () => {
    console.warn('SKIPPED: the other-OS-user test of the embedded database needs root and psql (CI runs as root)');
  });
}
