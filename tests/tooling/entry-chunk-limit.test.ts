import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRY_CHUNK_LIMIT_BYTES, entryChunkLimit } from '../../scripts/entry-chunk-limit.ts';

/**
 * The build's own size gate (vite.config.ts): a real `vite build` of a small page whose entry
 * chunk is about 3 kB fails under a 2 kB budget and passes under a 4 kB one.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'entry-limit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function buildWith(limitBytes: number) {
  return build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    plugins: [entryChunkLimit(limitBytes)],
    build: { write: false, minify: false },
  });
}

describe('entry chunk limit (vite build)', () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
  // 3,000 characters that minification cannot shorten (distinct string literals).
  const words = Array.from({ length: 150 }, (_, i) => `'w${String(i).padStart(4, '0')}xyzabc'`);
  writeFileSync(path.join(dir, 'main.js'), `document.title = [${words.join(',')}].join('');\n`);

  it('fails the build when the entry chunk is over the budget', async () => {
    await expect(buildWith(2_000)).rejects.toThrow(/entry chunk assets\/index-.*\.js is 3\.\d kB, over the 2\.0 kB limit/);
  });

  it('passes under a budget above it; the project budget is 1.3 MB', async () => {
    await expect(buildWith(4_000)).resolves.toBeDefined();
    expect(ENTRY_CHUNK_LIMIT_BYTES).toBe(1_300_000);
  });
});
