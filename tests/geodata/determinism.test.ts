import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../geodata/generate/index.ts';
import { GEODATA_DIR } from './read-geodata.ts';

/**
 * The generator is seeded and deterministic: a fresh run gives files byte-identical to the committed
 * geodata/, which an earlier run (`npm run geodata`) wrote — so two runs agree, and the committed
 * data is what the code makes. One run takes about a minute and a half on this machine, so the
 * test makes one, not two.
 */
const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'geodata-a-'))];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'generate') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full).map((f) => path.join(entry.name, f)));
    else out.push(entry.name);
  }
  return out.sort();
}

describe('geodata generator', () => {
  it('writes output byte-identical to the committed files', () => {
    for (const d of dirs) generate(d);
    const files = listFiles(dirs[0]);
    expect(files).toEqual(expect.arrayContaining(['catalog.json', 'demo-projects.geojson', 'README.md', path.join('layers', 'eco_redline.geojson')]));
    for (const f of files) {
      const a = fs.readFileSync(path.join(dirs[0], f));
      expect(a.toString('utf8').endsWith('\n'), `${f} ends with a newline`).toBe(true);
      expect(a.equals(fs.readFileSync(path.join(GEODATA_DIR, f))), `${f} differs from the committed geodata/ (run npm run geodata)`).toBe(true);
    }
    expect(listFiles(GEODATA_DIR)).toEqual(files);
  }, 1_200_000);
});
