import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../geodata/generate/index.ts';
import { GEODATA_DIR } from './read-geodata.ts';

/**
 * The generator is seeded and deterministic: two runs into fresh directories give byte-identical
 * files, and they equal the committed geodata/ (so the committed data is what the code makes).
 * A full run takes about a minute on an idle machine.
 */
const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'geodata-a-')), fs.mkdtempSync(path.join(os.tmpdir(), 'geodata-b-'))];
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
  it('writes byte-identical output twice, equal to the committed files', () => {
    for (const d of dirs) generate(d);
    const files = listFiles(dirs[0]);
    expect(files).toEqual(listFiles(dirs[1]));
    expect(files).toEqual(expect.arrayContaining(['catalog.json', 'demo-projects.geojson', 'README.md', path.join('layers', 'eco_redline.geojson')]));
    for (const f of files) {
      const a = fs.readFileSync(path.join(dirs[0], f));
      expect(a.equals(fs.readFileSync(path.join(dirs[1], f))), `${f} differs between runs`).toBe(true);
      expect(a.toString('utf8').endsWith('\n'), `${f} ends with a newline`).toBe(true);
      expect(a.equals(fs.readFileSync(path.join(GEODATA_DIR, f))), `${f} differs from the committed geodata/ (run npm run geodata)`).toBe(true);
    }
    expect(listFiles(GEODATA_DIR)).toEqual(files);
  }, 1_200_000);
});
