import { HATCH } from './palette.ts';

/** CSS colour "#rrggbb" → [r, g, b]. */
export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The red-line hatch as RGBA pixels: 45° lines (bottom-left to top-right) of HATCH.lineWidth px every
 * HATCH.size px, seamless when tiled. Drawn pixel by pixel (no canvas) so it is the same everywhere;
 * the legend swatch draws the same geometry as an SVG pattern.
 */
export function hatchImage(pixelRatio = 1): { width: number; height: number; data: Uint8Array } {
  const size = HATCH.size * pixelRatio;
  const lineWidth = HATCH.lineWidth * pixelRatio;
  const [r, g, b] = hexToRgb(HATCH.color);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance (along x) to the nearest line x + y ≡ 0 (mod size), antialiased over one pixel.
      const d = (((x + y + 1) % size) + size) % size;
      const dist = Math.min(d, size - d) / Math.SQRT2;
      const coverage = Math.max(0, Math.min(1, lineWidth / 2 + 0.5 - dist));
      const i = (y * size + x) * 4;
      data.set([r, g, b, Math.round(255 * coverage)], i);
    }
  }
  return { width: size, height: size, data };
}
