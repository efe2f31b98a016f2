import type { Polygon, Position } from 'geojson';
import { toLonLat, toMetres, type LonLat } from './local-metres.ts';
import { displacementField, type NoiseOctave } from './noise.ts';
import { densifyPath, displacePath } from './densify.ts';
import { repair, type Area } from './polygon-ops.ts';

/**
 * Organic shape primitives. Nothing here draws a circle, square or grid: hand-placed control points
 * are rounded (Chaikin corner cutting), densified and displaced by smooth noise, and bands along a
 * line (reservoir arms, ridges, corridors, river reaches) vary their width along the way.
 */

/** Default roughness of a landscape edge: kilometre-scale bays plus hectometre-scale wiggles. */
export const LANDSCAPE_OCTAVES: NoiseOctave[] = [
  { wavelengthM: 4000, amplitudeM: 380 },
  { wavelengthM: 1300, amplitudeM: 120 },
  { wavelengthM: 420, amplitudeM: 38 },
];

export function scaleOctaves(octaves: NoiseOctave[], factor: number): NoiseOctave[] {
  return octaves.map((o) => ({ wavelengthM: o.wavelengthM * factor, amplitudeM: o.amplitudeM * factor }));
}

/** Chaikin corner cutting of a closed ring (first = last). */
export function smoothRing(ring: Position[], iterations = 3): Position[] {
  let pts = ring.slice(0, -1);
  for (let it = 0; it < iterations; it++) {
    const next: Position[] = [];
    pts.forEach((p, i) => {
      const q = pts[(i + 1) % pts.length];
      next.push([0.75 * p[0] + 0.25 * q[0], 0.75 * p[1] + 0.25 * q[1]], [0.25 * p[0] + 0.75 * q[0], 0.25 * p[1] + 0.75 * q[1]]);
    });
    pts = next;
  }
  return [...pts, pts[0]];
}

/** Chaikin corner cutting of an open line (keeps both end points). */
export function smoothLine(line: Position[], iterations = 3): Position[] {
  let pts = line;
  for (let it = 0; it < iterations; it++) {
    const next: Position[] = [pts[0]];
    for (let i = 0; i < pts.length - 1; i++) {
      const p = pts[i];
      const q = pts[i + 1];
      if (i > 0) next.push([0.75 * p[0] + 0.25 * q[0], 0.75 * p[1] + 0.25 * q[1]]);
      if (i < pts.length - 2) next.push([0.25 * p[0] + 0.75 * q[0], 0.25 * p[1] + 0.75 * q[1]]);
    }
    next.push(pts[pts.length - 1]);
    pts = next;
  }
  return pts;
}

export interface OrganicOptions {
  seed: string;
  octaves?: NoiseOctave[];
  stepM?: number;
  smoothing?: number;
}

/** A natural-looking area from a rough hand-placed outline (lon/lat control points, open or closed). */
export function organicPolygon(control: LonLat[], { seed, octaves = LANDSCAPE_OCTAVES, stepM = 120, smoothing = 3 }: OrganicOptions): Area {
  const closed = [...control, control[0]];
  const ring = displacePath(densifyPath(smoothRing(closed, smoothing), stepM), displacementField(seed, octaves));
  ring[ring.length - 1] = ring[0];
  return repair({ type: 'Polygon', coordinates: [ring] }) as Area;
}

/** Applies a displacement field to an existing area (densify first so edges bend, not just corners). */
export function roughen(geom: Area, { seed, octaves = LANDSCAPE_OCTAVES, stepM = 120 }: OrganicOptions): Area {
  const field = displacementField(seed, octaves);
  const rings = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates).map((poly) =>
    poly.map((ring) => {
      const moved = displacePath(densifyPath(ring, stepM), field);
      moved[moved.length - 1] = moved[0];
      return moved;
    }),
  );
  const warped: Area = rings.length === 1 ? { type: 'Polygon', coordinates: rings[0] } : { type: 'MultiPolygon', coordinates: rings };
  return repair(warped) as Area;
}

export interface RibbonOptions {
  /** Half width in metres at fraction t ∈ [0, 1] of the line's length. */
  halfWidthM: (t: number) => number;
  stepM?: number;
  /** Round ends (default) or ends cut square across the line (river reaches). */
  roundEnds?: boolean;
}

/** A band along a line whose width varies along the way: a valley, a ridge, a reservoir arm, a reach. */
export function ribbon(line: Position[], { halfWidthM, stepM = 60, roundEnds = true }: RibbonOptions): Area {
  const pts = densifyPath(line, stepM).map((p) => toMetres(p as LonLat));
  const lengths = [0];
  for (let i = 1; i < pts.length; i++) lengths.push(lengths[i - 1] + Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]));
  const total = lengths[lengths.length - 1];
  const left: [number, number][] = [];
  const right: [number, number][] = [];
  const normals: [number, number][] = [];
  pts.forEach((p, i) => {
    const a = pts[Math.max(0, i - 1)];
    const b = pts[Math.min(pts.length - 1, i + 1)];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    const n: [number, number] = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
    const w = halfWidthM(lengths[i] / total);
    normals.push(n);
    left.push([p[0] + n[0] * w, p[1] + n[1] * w]);
    right.push([p[0] - n[0] * w, p[1] - n[1] * w]);
  });
  const cap = (centre: [number, number], n: [number, number], w: number, forward: boolean) => {
    if (!roundEnds) return [];
    const out: [number, number][] = [];
    const base = Math.atan2(n[1], n[0]);
    for (let k = 1; k < 8; k++) {
      const angle = base + (forward ? -1 : 1) * (Math.PI * k) / 8;
      out.push([centre[0] + Math.cos(angle) * w, centre[1] + Math.sin(angle) * w]);
    }
    return out;
  };
  const last = pts.length - 1;
  const ring = [
    ...left,
    ...cap(pts[last], normals[last], halfWidthM(1), true),
    ...right.reverse(),
    ...cap(pts[0], [-normals[0][0], -normals[0][1]], halfWidthM(0), true),
  ].map((p) => toLonLat(p));
  const polygon: Polygon = { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
  return repair(polygon) as Area;
}

/** Ten control points of an egg-shaped outline (long axis along `azimuthDeg`, clockwise from north, fuller up-slope). */
export function eggControl(centre: LonLat, longM: number, shortM: number, azimuthDeg: number): LonLat[] {
  const az = (azimuthDeg * Math.PI) / 180;
  const axis: [number, number] = [Math.sin(az), Math.cos(az)];
  const side: [number, number] = [axis[1], -axis[0]];
  const [cx, cy] = toMetres(centre);
  const control: LonLat[] = [];
  for (let k = 0; k < 10; k++) {
    const t = (2 * Math.PI * k) / 10;
    const a = longM * Math.cos(t) * (Math.cos(t) > 0 ? 1.1 : 0.9);
    const b = shortM * Math.sin(t);
    control.push(toLonLat([cx + axis[0] * a + side[0] * b, cy + axis[1] * a + side[1] * b]));
  }
  return control;
}

/**
 * An irregular lobe around a point, its edge displaced by noise scaled to its size. Used for the
 * small spring and well zones (tens to hundreds of metres).
 */
export function lobe(centre: LonLat, longM: number, shortM: number, azimuthDeg: number, seed: string, roughness = 0.16): Area {
  const size = Math.min(longM, shortM);
  return organicPolygon(eggControl(centre, longM, shortM, azimuthDeg), {
    seed,
    stepM: Math.max(6, size / 8),
    octaves: [
      { wavelengthM: size * 1.6, amplitudeM: size * roughness },
      { wavelengthM: size * 0.5, amplitudeM: size * roughness * 0.3 },
    ],
  });
}
