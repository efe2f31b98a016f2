import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../../server/db/embedded.ts';

/**
 * Issue 17: the embedded database's thread runs at a lower CPU priority than the event loop, so reads
 * answered from memory are not scheduled behind a check's SQL. Linux keeps a nice value per thread
 * (/proc/<pid>/task/<tid>/stat, field 19): exactly the database's thread must carry the increment.
 */
const NICE_FIELD = 19;

/** Nice value of every thread of this process, read from the kernel. */
function threadNiceValues(): number[] {
  const tasks = `/proc/${process.pid}/task`;
  return fs.readdirSync(tasks).flatMap((tid) => {
    try {
      const stat = fs.readFileSync(`${tasks}/${tid}/stat`, 'utf8');
      // Fields after the command name "(…)", which may hold spaces: state is field 3.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [Number(fields[NICE_FIELD - 3])];
    } catch {
      return []; // the thread ended while listed
    }
  });
}

let dataDir: string;
let embedded: EmbeddedDatabase;

describe.skipIf(process.platform !== 'linux')('embedded database thread priority', () => {
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redline-nice-'));
    embedded = await startEmbeddedDatabase(dataDir, { niceIncrement: 7 });
  }, 400_000);
  afterAll(async () => {
    await embedded?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lowers the database thread alone, not the event loop', () => {
    const base = os.getPriority(0);
    const lowered = threadNiceValues().filter((n) => n === base + 7);
    expect(lowered).toHaveLength(1);
    expect(os.getPriority(0)).toBe(base);
  });
});
