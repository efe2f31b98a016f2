import type { Random } from '../random.ts';
import { toLonLat } from './projection.ts';

/**
 * Organic, valid-by-construction rings: vertices at strictly increasing angles around a centre, at a
 * positive radius r(θ) = R·exp(smooth harmonics + rough AR(1) noise). Such a ring is star-shaped
 * around its centre, hence simple; scaling it about the centre by k > 1 gives a ring that strictly
 * encloses it (used for graded water-source zones with holes).
 */
export interface StarShape {
  angles: Float64Array;
  /** Radii in metres, already scaled to the requested area. */
  radii: Float64Array;
  maxRadius: number;
}

const HARMONICS = 12;

export function randomStar(rng: Random, vertexCount: number, areaM2: number, roughness = 0.18): StarShape {
  const n = Math.max(8, Math.round(vertexCount));
  const angles = new Float64Array(n);
  // Jittered but strictly increasing: gaps stay ≥ 0.2 of the mean gap.
  for (let i = 0; i < n; i++) angles[i] = ((i + rng.uniform(-0.4, 0.4)) * 2 * Math.PI) / n;

  const amps: number[] = [];
  const phases: number[] = [];
  for (let k = 1; k <= HARMONICS; k++) {
    amps.push((roughness * rng.uniform(0.3, 1)) / k ** 1.2);
    phases.push(rng.uniform(0, 2 * Math.PI));
  }
  // Rough, digitised-looking boundary: mean-reverting noise, its end drift removed so the ring closes smoothly.
  const noise = new Float64Array(n);
  let e = 0;
  for (let i = 0; i < n; i++) {
    e = 0.9 * e + 0.03 * rng.normal();
    noise[i] = e;
  }
  const drift = noise[n - 1] - noise[0];

  const radii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let f = noise[i] - (drift * i) / n;
    f = Math.max(-0.35, Math.min(0.35, f));
    for (let k = 0; k < HARMONICS; k++) f += amps[k] * Math.sin((k + 1) * angles[i] + phases[k]);
    radii[i] = Math.exp(f);
  }
  // Shoelace area of the star (unit R), then scale to the requested area.
  let area = 0;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const dTheta = (angles[j] - angles[i] + 2 * Math.PI) % (2 * Math.PI);
    area += 0.5 * radii[i] * radii[j] * Math.sin(dTheta);
  }
  const scale = Math.sqrt(areaM2 / area);
  let maxRadius = 0;
  for (let i = 0; i < n; i++) {
    radii[i] *= scale;
    if (radii[i] > maxRadius) maxRadius = radii[i];
  }
  return { angles, radii, maxRadius };
}

/** The closed ring in lon/lat (rounded to 1e-7°), counter-clockwise; reversed for a hole. */
export function starRing(shape: StarShape, cx: number, cy: number, scale = 1, hole = false): GeoJSON.Position[] {
  const n = shape.angles.length;
  const ring: GeoJSON.Position[] = new Array(n + 1);
  for (let i = 0; i < n; i++) {
    const r = shape.radii[i] * scale;
    ring[i] = toLonLat(cx + r * Math.cos(shape.angles[i]), cy + r * Math.sin(shape.angles[i]));
  }
  ring[n] = ring[0];
  if (hole) ring.reverse();
  return ring;
}

/**
 * The cheap proof that a ring is simple, O(n): seen from the centre, every edge turns strictly
 * counter-clockwise by less than π and the turns add up to exactly one revolution. This re-checks
 * the construction AFTER rounding to 1e-7°, which is where it could break.
 */
export function assertStarShaped(ring: GeoJSON.Position[], centre: [number, number], label: string): void {
  const sign = signedTurn(ring[0], ring[1], centre) >= 0 ? 1 : -1; // holes run clockwise
  let total = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const turn = sign * signedTurn(ring[i], ring[i + 1], centre);
    if (!(turn > 0 && turn < Math.PI)) throw new Error(`${label}: ring not star-shaped at vertex ${i}`);
    total += turn;
  }
  if (Math.abs(total - 2 * Math.PI) > 1e-6) throw new Error(`${label}: ring winds ${total / (2 * Math.PI)} times`);
}

function signedTurn(a: GeoJSON.Position, b: GeoJSON.Position, c: [number, number]): number {
  const ax = a[0] - c[0], ay = a[1] - c[1], bx = b[0] - c[0], by = b[1] - c[1];
  return Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
}
