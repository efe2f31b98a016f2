import { hashInts, hashString } from './prng.ts';
import { toLonLat, toMetres, type LonLat } from './local-metres.ts';

/**
 * Smooth deterministic noise and the displacement fields built from it. A displacement field moves
 * every position by an amount that depends only on the position itself, so two polygons that share
 * a vertex still share it after displacement: that is what keeps tilings gap- and overlap-free while
 * their straight edges turn into organic ones.
 */

const fade = (t: number) => t * t * t * (t * (t * 6 - 15) + 10);

/** Unit gradient at an integer lattice corner, chosen by hash. */
function gradient(ix: number, iy: number, seed: number): [number, number] {
  const angle = (hashInts(ix, iy, seed) / 4294967296) * 2 * Math.PI;
  return [Math.cos(angle), Math.sin(angle)];
}

/** 2-D gradient (Perlin-style) noise, roughly in [-0.7, 0.7], one feature per unit length. */
function gradientNoise(x: number, y: number, seed: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  const dot = (cx: number, cy: number) => {
    const [gx, gy] = gradient(ix + cx, iy + cy, seed);
    return gx * (fx - cx) + gy * (fy - cy);
  };
  const u = fade(fx);
  const v = fade(fy);
  const top = dot(0, 0) + u * (dot(1, 0) - dot(0, 0));
  const bottom = dot(0, 1) + u * (dot(1, 1) - dot(0, 1));
  return top + v * (bottom - top);
}

/** One band of a displacement field: features about `wavelengthM` apart, moving up to ~`amplitudeM`. */
export interface NoiseOctave {
  wavelengthM: number;
  amplitudeM: number;
}

export type Displacement = (position: LonLat) => LonLat;

/**
 * A smooth vector field. Keep amplitude/wavelength ≲ 0.12 per octave: the field then stretches
 * space by well under a factor of two, so it cannot fold a ring over itself.
 */
export function displacementField(seedName: string, octaves: NoiseOctave[]): Displacement {
  const seeds = octaves.map((_, i) => [hashString(`${seedName}/x/${i}`), hashString(`${seedName}/y/${i}`)]);
  return (position) => {
    const [x, y] = toMetres(position);
    let dx = 0;
    let dy = 0;
    octaves.forEach(({ wavelengthM, amplitudeM }, i) => {
      dx += amplitudeM * 1.4 * gradientNoise(x / wavelengthM, y / wavelengthM, seeds[i][0]);
      dy += amplitudeM * 1.4 * gradientNoise(x / wavelengthM, y / wavelengthM, seeds[i][1]);
    });
    return toLonLat([x + dx, y + dy]);
  };
}

/** A smooth scalar field in about [-1, 1] (fractal sum), e.g. to vary widths along a line. */
export function scalarField(seedName: string, wavelengthM: number, octaves = 2): (position: LonLat) => number {
  const seeds = Array.from({ length: octaves }, (_, i) => hashString(`${seedName}/s/${i}`));
  return (position) => {
    const [x, y] = toMetres(position);
    let sum = 0;
    let norm = 0;
    for (let i = 0; i < octaves; i++) {
      const scale = 2 ** i;
      sum += gradientNoise((x * scale) / wavelengthM, (y * scale) / wavelengthM, seeds[i]) / scale;
      norm += 1 / scale;
    }
    return Math.max(-1, Math.min(1, (1.4 * sum) / norm));
  };
}
