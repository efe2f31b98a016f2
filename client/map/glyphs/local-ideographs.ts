/**
 * Which characters MapLibre draws itself (TinySDF in the browser, with the style's font stack or
 * `localIdeographFontFamily`) instead of fetching them from the glyph URL. These are the Basic
 * Multilingual Plane blocks of maplibre-gl 5's `codePointUsesLocalIdeographFontFamily`: CJK
 * ideographs and punctuation, kana, bopomofo, hangul, Yi, CJK compatibility and full-width forms.
 * Everything else a label uses (Latin, digits, general punctuation such as — or ·, Roman numerals,
 * circled numbers) must come from the glyph PBFs under client/public/glyphs.
 */
const LOCAL_IDEOGRAPH_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x02ea, 0x02eb],
  [0x1100, 0x11ff],
  [0x2e80, 0x2fdf],
  [0x3000, 0x30ff],
  [0x3105, 0x312f],
  [0x3131, 0x318e],
  [0x31a0, 0x4dbf],
  [0x4e00, 0xa48c],
  [0xa490, 0xa4c6],
  [0xa960, 0xa97c],
  [0xac00, 0xd7c6],
  [0xd7cb, 0xd7fb],
  [0xf900, 0xfa6d],
  [0xfa70, 0xfad9],
  [0xfe10, 0xfe1f],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
];

export function isDrawnLocally(codePoint: number): boolean {
  // Astral ideographs (CJK extensions B–H, Tangut, kana supplements, enclosed ideographs) too.
  if (codePoint > 0xffff) {
    return (
      codePoint >= 0x20000 ||
      (codePoint >= 0x16fe0 && codePoint <= 0x18dff) ||
      (codePoint >= 0x1aff0 && codePoint <= 0x1b2ff) ||
      (codePoint >= 0x1f200 && codePoint <= 0x1f2ff)
    );
  }
  return LOCAL_IDEOGRAPH_BLOCKS.some(([start, end]) => codePoint >= start && codePoint <= end);
}

/** The glyph range (256 code points, as in `/glyphs/<stack>/<start>-<end>.pbf`) holding a code point. */
export const glyphRangeOf = (codePoint: number) => Math.floor(codePoint / 256);
