import servedRanges from './glyph-ranges.json' with { type: 'json' };

/**
 * Label fonts. A MapLibre font stack is a list of names; for characters it draws itself (CJK) it
 * uses that list as a CSS font-family list, so the names are real CSS families: Noto Sans CJK SC
 * where installed (Debian's fonts-noto-cjk), else the platform's Chinese UI font. For the other
 * characters (Latin, digits, punctuation) it fetches SDF glyph PBFs, which we render once from
 * Noto Sans CJK SC with scripts/build-glyphs.ts and serve from client/public/glyphs/<dir>/.
 * A stack whose first name says "Bold" makes MapLibre draw its CJK glyphs at weight 700.
 */
export interface LabelFont {
  /** The `text-font` value used in layer styles. */
  stack: string[];
  /** Folder under /glyphs holding the PBF ranges. */
  dir: 'noto-sans-cjk-sc-regular' | 'noto-sans-cjk-sc-bold';
  /** Where scripts/build-glyphs.ts finds the font: file and face index inside the .ttc collection. */
  source: { file: string; index: number; cssWeight: number };
}

const FALLBACK_FAMILIES = ['Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC'];

export const REGULAR: LabelFont = {
  stack: FALLBACK_FAMILIES,
  dir: 'noto-sans-cjk-sc-regular',
  source: { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', index: 2, cssWeight: 400 },
};

export const BOLD: LabelFont = {
  stack: ['Noto Sans CJK SC Bold', ...FALLBACK_FAMILIES],
  dir: 'noto-sans-cjk-sc-bold',
  source: { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', index: 2, cssWeight: 700 },
};

export const LABEL_FONTS = [REGULAR, BOLD];

/** CSS family list MapLibre uses for CJK in the default font stack (kept for completeness). */
export const LOCAL_IDEOGRAPH_FONT_FAMILY = FALLBACK_FAMILIES.map((f) => `'${f}'`).join(', ') + ', sans-serif';

/** Glyph ranges (index = first code point / 256) that scripts/build-glyphs.ts wrote, per font folder. */
export const SERVED_GLYPH_RANGES: Record<LabelFont['dir'], number[]> = servedRanges;

/** The style's `glyphs` template; `glyphRequestUrl` maps each request to a served file. */
export const GLYPHS_URL_TEMPLATE = '/glyphs/{fontstack}/{range}.pbf';

/**
 * The URL of a glyph request, or null when that range is not served (MapLibre then draws those
 * characters locally, with a console warning instead of a 404).
 */
export function glyphRequestUrl(url: string, origin: string): string | null {
  const match = /\/glyphs\/([^/]+)\/(\d+)-(\d+)\.pbf$/.exec(url);
  if (!match) return url;
  const stack = decodeURIComponent(match[1]);
  const font = /\bbold\b/i.test(stack.split(',')[0]) ? BOLD : REGULAR;
  const range = Number(match[2]) / 256;
  if (!SERVED_GLYPH_RANGES[font.dir]?.includes(range)) return null;
  return `${origin}/glyphs/${font.dir}/${match[2]}-${match[3]}.pbf`;
}
