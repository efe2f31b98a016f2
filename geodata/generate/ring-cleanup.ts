import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Last-mile clean-up of rounded polygons. Boolean operations leave a few artefacts where edges
 * nearly coincide; rounding to 6 decimals can turn them into self-intersections that GEOS
 * (ST_IsValid) and turf.kinks reject. The fixes are metre-scale or smaller.
 */

/**
 * Removes zero-width spikes: a vertex where the ring turns back on itself (the two edges at it are
 * anti-parallel within 1°).
 */
export function removeSpikes(closed: Position[]): Position[] {
  const pts = closed.slice(0, -1);
  let changed = true;
  while (changed && pts.length > 3) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length > 3; i++) {
      const a = pts[(i - 1 + pts.length) % pts.length];
      const b = pts[i];
      const c = pts[(i + 1) % pts.length];
      const ux = b[0] - a[0];
      const uy = b[1] - a[1];
      const vx = c[0] - b[0];
      const vy = c[1] - b[1];
      const cross = ux * vy - uy * vx;
      const dot = ux * vx + uy * vy;
      const backtrack = (c[0] === a[0] && c[1] === a[1]) || (dot < 0 && Math.abs(cross) < 0.0175 * Math.hypot(ux, uy) * Math.hypot(vx, vy));
      if (backtrack) {
        pts.splice(i, 1);
        changed = true;
        i -= 1;
      }
    }
  }
  return [...pts, pts[0]];
}

/** Planar area of a ring in square degrees (enough to spot degenerate slivers). */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(sum / 2);
}

/** About 10 m² at 26°N: parts and holes below this are rounding debris. */
const MIN_RING_DEG2 = 1e-9;

function withoutDebris(parts: Position[][][]): Position[][][] {
  return parts
    .filter((rings) => ringArea(rings[0]) >= MIN_RING_DEG2)
    .map((rings) => [rings[0], ...rings.slice(1).filter((r) => ringArea(r) >= MIN_RING_DEG2)]);
}

/** Drops the vertex nearest to each self-intersection until none is left (at most a few rounds). */
function removeKinks(parts: Position[][][]): Position[][][] {
  let current = parts;
  for (let round = 0; round < 25; round++) {
    const geom: Polygon | MultiPolygon = current.length === 1 ? { type: 'Polygon', coordinates: current[0] } : { type: 'MultiPolygon', coordinates: current };
    const kinks = turf.kinks(turf.feature(geom)).features.map((k) => k.geometry.coordinates);
    if (kinks.length === 0) return current;
    const drop = new Set<string>();
    for (const [x, y] of kinks) {
      let best: { key: string; d: number } | null = null;
      current.forEach((rings, pi) =>
        rings.forEach((ring, ri) =>
          ring.forEach((p, vi) => {
            const d = Math.hypot(p[0] - x, p[1] - y);
            if (!best || d < best.d) best = { key: `${pi}/${ri}/${vi === ring.length - 1 ? 0 : vi}`, d };
          }),
        ),
      );
      if (best) drop.add((best as { key: string }).key);
    }
    current = withoutDebris(
      current.map((rings, pi) =>
        rings
          .map((ring, ri) => {
            const kept = ring.slice(0, -1).filter((_, vi) => !drop.has(`${pi}/${ri}/${vi}`));
            return kept.length >= 3 ? [...kept, kept[0]] : [];
          })
          .filter((ring, ri) => ri === 0 || ring.length >= 4),
      ).filter((rings) => rings[0]?.length >= 4),
    );
  }
  throw new Error('could not remove self-intersections after rounding');
}

export function cleanPolygonParts(parts: Position[][][]): Position[][][] {
  return removeKinks(withoutDebris(parts));
}
