import type { Position } from 'geojson';
import { toMetres, type LonLat } from './local-metres.ts';
import { scalarField } from './noise.ts';
import { smoothLine, smoothRing } from './shapes.ts';
import { bboxAround, contourArea, type Field } from './contour.ts';
import { largestPart, type Area } from './polygon-ops.ts';

/**
 * Scalar fields for contourArea: "how far inside" a ridge band or a rough outline a position is,
 * in units of a length scale, plus fractal noise. Threshold 0 reproduces the drawn shape; the noise
 * adds the irregularity of real mapped areas.
 */
type XY = [number, number];

function segmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function distanceToPathM(path: XY[], p: XY): number {
  let best = Infinity;
  for (let i = 0; i < path.length - 1; i++) best = Math.min(best, segmentDistance(p, path[i], path[i + 1]));
  return best;
}

function insideRing(ring: XY[], p: XY): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export interface NoiseSpec {
  seed: string;
  /** Typical (one standard deviation) edge displacement, in units of the length scale. */
  amplitude: number;
  wavelengthM: number;
}

/** A 4-octave scalarField has a standard deviation of about 0.186; rescale it to 1. */
const UNIT_NOISE = 5.4;

function noiseOf({ seed, wavelengthM }: NoiseSpec): (p: LonLat) => number {
  const n = scalarField(seed, wavelengthM, 4);
  return (p) => UNIT_NOISE * n(p);
}

function withNoise(base: (xy: XY) => number, noise: NoiseSpec): Field {
  const n = noiseOf(noise);
  return (p) => base(toMetres(p)) + noise.amplitude * n(p);
}

/** 1 on the line, 0 at `halfWidthM` from it, negative beyond (a band along a ridge or valley). */
export function bandField(line: LonLat[], halfWidthM: number | ((p: LonLat) => number), noise: NoiseSpec): Field {
  const path = smoothLine(line, 2).map((p) => toMetres(p as LonLat));
  const width = typeof halfWidthM === 'number' ? () => halfWidthM : halfWidthM;
  const n = noiseOf(noise);
  return (p) => 1 - distanceToPathM(path, toMetres(p)) / width(p) + noise.amplitude * n(p);
}

/**
 * Signed distance to a rounded outline, in units of `scaleM` (positive inside). With `cap` the
 * inside levels off at that value, so strong noise can also open holes deep inside (villages and
 * knolls in a basin of farmland).
 */
export function outlineField(control: LonLat[], scaleM: number, noise: NoiseSpec, cap = Infinity): Field {
  const ring = smoothRing([...control, control[0]] as Position[], 3).map((p) => toMetres(p as LonLat));
  return withNoise((xy) => Math.min(cap, (insideRing(ring, xy) ? 1 : -1) * (distanceToPathM(ring, xy) / scaleM)), noise);
}

/** The largest part without holes: a zone drawn as one piece (a catchment, a reserve, a scenic area). */
export function solid(area: Area): Area {
  return { type: 'Polygon', coordinates: [largestPart(area).coordinates[0]] };
}

export interface OrganicAreaOptions {
  seed: string;
  scaleM: number;
  amplitude?: number;
  wavelengthM?: number;
  /** One piece without holes (default), or keep the outliers and holes the noise makes. */
  fragmented?: boolean;
}

/** An organic area from a rough outline: the outline's shape with noisy lobes and inlets. */
export function organicArea(control: LonLat[], { seed, scaleM, amplitude = 0.4, wavelengthM, fragmented = false }: OrganicAreaOptions): Area {
  const field = outlineField(control, scaleM, { seed, amplitude, wavelengthM: wavelengthM ?? scaleM * 3.5 });
  const cellM = Math.max(20, Math.min(120, scaleM / 5));
  const area = contourArea(field, { bbox: bboxAround(control, scaleM * (1 + 3 * amplitude)), cellM, minPartM2: (cellM * 6) ** 2 });
  if (!area) throw new Error(`organic area ${seed} came out empty`);
  return fragmented ? area : solid(area);
}

/** An organic band along a line (ridge, valley) of roughly `halfWidthM`. */
export function organicBand(line: LonLat[], halfWidthM: number, { seed, amplitude = 0.35, wavelengthM }: { seed: string; amplitude?: number; wavelengthM?: number }): Area {
  const field = bandField(line, halfWidthM, { seed, amplitude, wavelengthM: wavelengthM ?? halfWidthM * 2 });
  const cellM = Math.max(25, Math.min(120, halfWidthM / 8));
  const area = contourArea(field, { bbox: bboxAround(line, halfWidthM * (1 + 3 * amplitude)), cellM, minPartM2: (cellM * 6) ** 2 });
  if (!area) throw new Error(`organic band ${seed} came out empty`);
  return area;
}
