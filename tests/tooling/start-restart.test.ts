import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * `npm start` (scripts/start.mjs) starts the server again when it exits with 70 (the embedded
 * database could not recover), a few times at most; any other exit ends it. Run in a directory of
 * its own whose "server" (dist/server/start.js) counts its starts and exits as told.
 */
const START = path.resolve('scripts/start.mjs');
let root: string;
afterEach(() => root && fs.rmSync(root, { recursive: true, force: true }));

function runWith(exitCodes: number[]) {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-start-'));
  fs.mkdirSync(path.join(root, 'dist/server'), { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), '{"type": "module"}');
  const counter = path.join(root, 'starts');
  fs.writeFileSync(
    path.join(root, 'dist/server/start.js'),
    `import fs from 'node:fs';
     const n = fs.existsSync(${JSON.stringify(counter)}) ? Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8')) : 0;
     fs.writeFileSync(${JSON.stringify(counter)}, String(n + 1));
     process.exit(${JSON.stringify(exitCodes)}[n] ?? 0);`,
  );
  const run = spawnSync(process.execPath, [START], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, starts: Number(fs.readFileSync(counter, 'utf8')), stderr: run.stderr };
}

describe('npm start restarts a server that asks for it', () => {
  it('starts it again after exit 70, and ends with the exit code of the run that did not ask', () => {
    const { status, starts, stderr } = runWith([70, 70, 3]);
    expect(starts).toBe(3);
    expect(status).toBe(3);
    expect(stderr).toContain('正在重新启动');
  });

  it('does not restart on any other code', () => {
    const { status, starts } = runWith([1]);
    expect(starts).toBe(1);
    expect(status).toBe(1);
  });

  it('gives up after 5 restarts within ten minutes, with code 70', () => {
    const { status, starts, stderr } = runWith([70, 70, 70, 70, 70, 70, 70, 70]);
    expect(starts).toBe(6);
    expect(status).toBe(70);
    expect(stderr).toContain('不再重启');
  });
});
