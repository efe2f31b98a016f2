import type { Position } from 'geojson';
import { distanceM, type LonLat } from './local-metres.ts';
import type { Displacement } from './noise.ts';
import { partsOf, fromParts, type Area } from './polygon-ops.ts';

/**
 * Symmetric densification and displacement. A segment is always split from its lexicographically
 * smaller end, so the two polygons that share an edge (walking it in opposite directions) receive
 * bit-identical new vertices; a displacement field then moves identical points identically.
 */

const before = (a: Position, b: Position) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** Interior points that split a→b into ceil(length/step) equal pieces, in a→b order. */
function splitSegment(a: Position, b: Position, stepM: number): Position[] {
  const n = Math.ceil(distanceM(a as LonLat, b as LonLat) / stepM);
  if (n <= 1) return [];
  const [s, t] = before(a, b) ? [a, b] : [b, a];
  const points: Position[] = [];
  for (let k = 1; k < n; k++) points.push([s[0] + ((t[0] - s[0]) * k) / n, s[1] + ((t[1] - s[1]) * k) / n]);
  return before(a, b) ? points : points.reverse();
}

/** Densifies a ring or a line (keeps the original vertices). */
export function densifyPath(path: Position[], stepM: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < path.length - 1; i++) {
    out.push(path[i], ...splitSegment(path[i], path[i + 1], stepM));
  }
  out.push(path[path.length - 1]);
  return out;
}

export function displacePath(path: Position[], field: Displacement): Position[] {
  return path.map((p) => field(p as LonLat));
}

/** Densify then displace every ring: straight edges become organic, shared edges stay shared. */
export function warpArea(geom: Area, stepM: number, field: Displacement): Area {
  return fromParts(partsOf(geom).map((rings) => rings.map((ring) => displacePath(densifyPath(ring, stepM), field)))) as Area;
}
