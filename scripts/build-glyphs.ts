/**
 * Renders the label glyphs MapLibre does not draw itself (Latin, digits, punctuation, Roman and
 * circled numerals, …) as SDF glyph PBFs, so labels work offline without a remote glyph server.
 *
 *   npx tsx scripts/build-glyphs.ts
 *
 * Needs Debian's chromium and fonts-noto-cjk (both used by the browser tests anyway). The glyphs are
 * drawn with @mapbox/tiny-sdf inside headless Chromium (it needs a canvas) from Noto Sans CJK SC,
 * the same font the browser uses for the CJK characters MapLibre draws locally, and encoded in the
 * glyphs protobuf with pbf: `glyphs { stacks { name, range, glyphs { id, bitmap, width, height,
 * left, top, advance } } }`, SDF buffer 3, font size 24, radius 8, cutoff 0.25 (as MapLibre and
 * fontnik). Which code points: those the font covers (fc-query) that MapLibre does not draw locally.
 * Output: client/public/glyphs/<dir>/<start>-<end>.pbf and glyph-ranges.json (what is served).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { PbfWriter } from 'pbf';
import { chromium } from 'playwright-core';
import { LABEL_FONTS, type LabelFont } from '../client/map/glyphs/fonts.ts';
import { glyphRangeOf, isDrawnLocally } from '../client/map/glyphs/local-ideographs.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.resolve(here, '../client/public/glyphs');
const MANIFEST = path.resolve(here, '../client/map/glyphs/glyph-ranges.json');
const FONT_SIZE = 24;
const BUFFER = 3;
/** MapLibre aligns locally drawn glyphs with `top = ascent − 27.5`; PBF glyphs use the same baseline. */
const TOP_OFFSET = 27.5;

interface RenderedGlyph {
  id: number;
  bitmap: number[];
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

/** Code points the font face covers, from fontconfig (`fc-query` prints ranges like "20-7e a0-103"). */
function fontCharset(font: LabelFont): number[] {
  const out = execFileSync('fc-query', ['--format=%{charset}', '-i', String(font.source.index), font.source.file], { encoding: 'utf8' });
  const codePoints: number[] = [];
  for (const token of out.trim().split(/\s+/)) {
    const [a, b] = token.split('-').map((h) => parseInt(h, 16));
    for (let cp = a; cp <= (b ?? a); cp++) codePoints.push(cp);
  }
  return codePoints;
}

/** Printable BMP code points the PBFs must carry (controls, surrogates and format chars excluded). */
function glyphsToServe(charset: number[]): Map<number, number[]> {
  const byRange = new Map<number, number[]>();
  for (const cp of charset) {
    if (cp > 0xffff || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff)) continue;
    if (isDrawnLocally(cp) || /^\p{Cf}$/u.test(String.fromCodePoint(cp))) continue;
    const range = glyphRangeOf(cp);
    byRange.set(range, [...(byRange.get(range) ?? []), cp]);
  }
  return byRange;
}

function encodeRange(stackName: string, range: number, glyphs: RenderedGlyph[]): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(1, (_: unknown, p: PbfWriter) => {
    p.writeStringField(1, stackName);
    p.writeStringField(2, `${range * 256}-${range * 256 + 255}`);
    for (const g of glyphs) {
      p.writeMessage(3, (glyph: RenderedGlyph, q: PbfWriter) => {
        q.writeVarintField(1, glyph.id);
        if (glyph.width > 0 && glyph.height > 0) q.writeBytesField(2, Uint8Array.from(glyph.bitmap));
        q.writeVarintField(3, glyph.width);
        q.writeVarintField(4, glyph.height);
        q.writeSVarintField(5, glyph.left);
        q.writeSVarintField(6, glyph.top);
        q.writeVarintField(7, glyph.advance);
      }, g);
    }
  }, null);
  return pbf.finish();
}

async function main() {
  const require = createRequire(import.meta.url);
  // tiny-sdf is an ES module with one default export; as a classic script it defines window.TinySDF.
  const tinySdfSource = fs
    .readFileSync(require.resolve('@mapbox/tiny-sdf'), 'utf8')
    .replace('export default class TinySDF', 'window.TinySDF = class TinySDF');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><body></body>');
  await page.addScriptTag({ content: tinySdfSource });
  const manifest: Record<string, number[]> = {};
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  for (const font of LABEL_FONTS) {
    const family = 'Noto Sans CJK SC';
    const loaded = await page.evaluate(
      async ({ family, weight }) => (await document.fonts.load(`${weight} 24px "${family}"`, 'A')).length > 0 || document.fonts.check(`${weight} 24px "${family}"`),
      { family, weight: font.source.cssWeight },
    );
    if (!loaded) throw new Error(`font ${family} (${font.source.cssWeight}) is not available to Chromium: apt-get install fonts-noto-cjk`);
    const byRange = glyphsToServe(fontCharset(font));
    fs.mkdirSync(path.join(OUT_DIR, font.dir), { recursive: true });
    manifest[font.dir] = [];
    let bytes = 0;
    for (const [range, codePoints] of [...byRange].sort((a, b) => a[0] - b[0])) {
      const glyphs: RenderedGlyph[] = await page.evaluate(
        ({ codePoints, family, weight, fontSize, buffer, topOffset }) => {
          const TinySDF = (window as unknown as { TinySDF: new (o: object) => { draw(c: string): Record<string, number> & { data: Uint8ClampedArray } } }).TinySDF;
          const sdf = new TinySDF({ fontSize, buffer, radius: 8, cutoff: 0.25, fontFamily: `"${family}"`, fontWeight: String(weight) });
          return codePoints.map((id) => {
            const g = sdf.draw(String.fromCodePoint(id));
            return {
              id,
              bitmap: Array.from(g.data),
              width: g.glyphWidth,
              height: g.glyphHeight,
              left: g.glyphLeft,
              top: Math.round(g.glyphTop - topOffset),
              advance: Math.round(g.glyphAdvance),
            };
          });
        },
        { codePoints, family, weight: font.source.cssWeight, fontSize: FONT_SIZE, buffer: BUFFER, topOffset: TOP_OFFSET },
      );
      const file = path.join(OUT_DIR, font.dir, `${range * 256}-${range * 256 + 255}.pbf`);
      const data = encodeRange(font.stack.join(','), range, glyphs);
      fs.writeFileSync(file, data);
      manifest[font.dir].push(range);
      bytes += data.length;
    }
    console.log(`${font.dir}: ${manifest[font.dir].length} ranges, ${(bytes / 1024).toFixed(0)} KiB`);
  }
  await browser.close();
  fs.writeFileSync(MANIFEST, `${JSON.stringify(manifest)}\n`);
}

await main();
