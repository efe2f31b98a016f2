import { hexToRgb } from './hatch.ts';
import { PALETTE } from './palette.ts';

/**
 * How the check marks conflicts on the map. No control layer is drawn in black or with a cross
 * hatch (the red line is a single 45° red hatch, the others flat fills), so an overlap is a black
 * cross hatch inside a black-and-white dashed edge: it cannot be taken for any layer's own symbol,
 * whatever is switched on beneath it. The verdict it stands for is read in the panel.
 */
export const CONFLICT_INK = '#111111';
export const CONFLICT_HATCH_IMAGE = 'conflict-cross-hatch';
/** The conflicting features of the row in focus: outlined in the map's selection colour. */
export const FOCUS_COLOUR = PALETTE.selection;

const HATCH_SPACING = 8;
const HATCH_WIDTH = 1.4;

/** Both diagonals every HATCH_SPACING px, seamless when tiled (pixel by pixel, as the red-line hatch). */
export function conflictHatchImage(pixelRatio = 1): { width: number; height: number; data: Uint8Array } {
  const size = HATCH_SPACING * pixelRatio;
  const lineWidth = HATCH_WIDTH * pixelRatio;
  const [r, g, b] = hexToRgb(CONFLICT_INK);
  const data = new Uint8Array(size * size * 4);
  const coverage = (d: number) => {
    const dist = Math.min(d, size - d) / Math.SQRT2;
    return Math.max(0, Math.min(1, lineWidth / 2 + 0.5 - dist));
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const up = coverage((((x + y + 1) % size) + size) % size);
      const down = coverage((((x - y) % size) + size) % size);
      const i = (y * size + x) * 4;
      data.set([r, g, b, Math.round(255 * Math.max(up, down))], i);
    }
  }
  return { width: size, height: size, data };
}
