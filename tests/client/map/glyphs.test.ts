import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PbfReader } from 'pbf';
import { BOLD, REGULAR, SERVED_GLYPH_RANGES, glyphRequestUrl } from '../../../client/map/glyphs/fonts.ts';
import { glyphRangeOf, isDrawnLocally } from '../../../client/map/glyphs/local-ideographs.ts';

const GLYPH_DIR = path.resolve('client/public/glyphs');

/** Glyph ids of a PBF range file (glyphs.stacks[0].glyphs[].id). */
function glyphIds(file: string): number[] {
  const ids: number[] = [];
  new PbfReader(fs.readFileSync(file)).readFields((tag, _: unknown, pbf) => {
    if (tag !== 1) return;
    pbf.readMessage((t, _s: unknown, p) => {
      if (t !== 3) return;
      p.readMessage((g, _o: unknown, q) => {
        if (g === 1) ids.push(q.readVarint());
        else q.skip(q.type);
      }, {});
    }, {});
  }, {});
  return ids;
}

describe('offline label glyphs', () => {
  it('serves every range the manifest lists, with the glyphs of that range', () => {
    for (const font of [REGULAR, BOLD]) {
      expect(SERVED_GLYPH_RANGES[font.dir]).toContain(0);
      for (const range of SERVED_GLYPH_RANGES[font.dir]) {
        const file = path.join(GLYPH_DIR, font.dir, `${range * 256}-${range * 256 + 255}.pbf`);
        const ids = glyphIds(file);
        expect(ids.length, file).toBeGreaterThan(0);
        for (const id of ids) expect(glyphRangeOf(id)).toBe(range);
      }
    }
  });

  it('covers digits, Latin letters and the punctuation labels use, leaving CJK to the browser', () => {
    const ids = new Set(glyphIds(path.join(GLYPH_DIR, REGULAR.dir, '0-255.pbf')));
    for (const ch of '0123456789 ABCXYZabcxyz-.,()·') expect(ids.has(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of '花溪水库（）、。一级') expect(isDrawnLocally(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of 'A1-—·Ⅱ①') expect(isDrawnLocally(ch.codePointAt(0)!), ch).toBe(false);
  });

  it('maps a font stack to its folder, and an unserved range to local drawing (null)', () => {
    const origin = 'http://127.0.0.1:8080';
    expect(glyphRequestUrl(`${origin}/glyphs/${REGULAR.stack.join(',')}/0-255.pbf`, origin)).toBe(`${origin}/glyphs/noto-sans-cjk-sc-regular/0-255.pbf`);
    expect(glyphRequestUrl(`${origin}/glyphs/${encodeURIComponent(BOLD.stack.join(','))}/8192-8447.pbf`, origin)).toBe(`${origin}/glyphs/noto-sans-cjk-sc-bold/8192-8447.pbf`);
    expect(glyphRequestUrl(`${origin}/glyphs/${REGULAR.stack.join(',')}/3584-3839.pbf`, origin)).toBeNull();
    expect(glyphRequestUrl(`${origin}/tiles/x.json`, origin)).toBe(`${origin}/tiles/x.json`);
  });

  it('can draw every character of every name in the reference dataset', () => {
    const dir = path.resolve(process.env.GEODATA_DIR || 'geodata', 'layers');
    if (!fs.existsSync(dir)) return;
    const missing = new Set<string>();
    for (const file of fs.readdirSync(dir)) {
      const fc = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as GeoJSON.FeatureCollection;
      for (const f of fc.features) {
        for (const name of [f.properties?.name, f.properties?.nameEn]) {
          for (const ch of String(name ?? '')) {
            const cp = ch.codePointAt(0)!;
            if (!isDrawnLocally(cp) && !SERVED_GLYPH_RANGES[REGULAR.dir].includes(glyphRangeOf(cp))) missing.add(ch);
          }
        }
      }
    }
    expect([...missing]).toEqual([]);
  });
});
