import Flatbush from 'flatbush';
import type { Position } from 'geojson';

/**
 * Where a polygon is not valid in OGC's terms because its rings cross or touch: a ring that meets
 * itself anywhere but at its neighbouring segments, or two rings that meet in more than one point
 * (they cross, overlap along an edge, or pinch the interior apart). Two rings meeting in exactly
 * one point — a hole touching the shell or another hole — are valid (PostGIS ST_IsValid agrees)
 * and not reported. PostGIS judges validity on save and check; this is the hint the importer and
 * the drawing show before that, shared so that both say the same. (Not caught here: holes that
 * touch each other and the shell in a chain that cuts the interior in two — PostGIS refuses it.)
 *
 * The segments' boxes go into a Flatbush index and each segment meets only those whose box overlaps
 * its own: n log n for real boundaries (the x sweep this replaces was n² for a 30k-vertex zigzag:
 * 4.7 s). A shape whose boxes all overlap would still be quadratic, so the pair tests are budgeted:
 * past the budget the search stops and reports what it found.
 */
const MAX_SEGMENT_PAIR_TESTS = 2_000_000;

interface Segment {
  ring: number;
  index: number;
  ringSegments: number;
  a: Position;
  b: Position;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

const orient = (p: Position, q: Position, r: Position) => {
  const v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
};
const onSegment = (p: Position, q: Position, r: Position) =>
  Math.min(p[0], r[0]) <= q[0] && q[0] <= Math.max(p[0], r[0]) && Math.min(p[1], r[1]) <= q[1] && q[1] <= Math.max(p[1], r[1]);

/** The crossing or touching point of two segments, or undefined. */
function segmentIntersection(p1: Position, p2: Position, p3: Position, p4: Position): [number, number] | undefined {
  const o1 = orient(p1, p2, p3);
  const o2 = orient(p1, p2, p4);
  const o3 = orient(p3, p4, p1);
  const o4 = orient(p3, p4, p2);
  if (o1 !== o2 && o3 !== o4) {
    const d = (p2[0] - p1[0]) * (p4[1] - p3[1]) - (p2[1] - p1[1]) * (p4[0] - p3[0]);
    if (d === 0) return [p3[0], p3[1]];
    const t = ((p3[0] - p1[0]) * (p4[1] - p3[1]) - (p3[1] - p1[1]) * (p4[0] - p3[0])) / d;
    return [p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1])];
  }
  if (o1 === 0 && onSegment(p1, p3, p2)) return [p3[0], p3[1]];
  if (o2 === 0 && onSegment(p1, p4, p2)) return [p4[0], p4[1]];
  if (o3 === 0 && onSegment(p3, p1, p4)) return [p1[0], p1[1]];
  if (o4 === 0 && onSegment(p3, p2, p4)) return [p2[0], p2[1]];
  return undefined;
}

function segmentsOf(rings: Position[][]): Segment[] {
  const out: Segment[] = [];
  rings.forEach((ring, r) => {
    const n = ring.length - 1; // closed rings: n segments
    for (let i = 0; i < n; i++) {
      const a = ring[i];
      const b = ring[i + 1];
      out.push({
        ring: r,
        index: i,
        ringSegments: n,
        a,
        b,
        minX: Math.min(a[0], b[0]),
        maxX: Math.max(a[0], b[0]),
        minY: Math.min(a[1], b[1]),
        maxY: Math.max(a[1], b[1]),
      });
    }
  });
  return out;
}

const neighbours = (s: Segment, t: Segment) =>
  s.ring === t.ring &&
  (Math.abs(s.index - t.index) === 1 || Math.abs(s.index - t.index) === s.ringSegments - 1 || s.index === t.index);

/** Points closer than 1e-9° (≈ 0.1 mm) are one place: a touch found from two segments at once. */
const samePoint = (a: [number, number], b: [number, number]) => Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;

/** Up to `limit` points where a polygon's closed rings make it invalid ([x, y] in the rings' coordinates). */
export function polygonSelfIntersections(rings: Position[][], limit = 10): [number, number][] {
  const segments = segmentsOf(rings);
  const found: [number, number][] = [];
  if (segments.length < 2) return found;
  const index = new Flatbush(segments.length);
  for (const s of segments) index.add(s.minX, s.minY, s.maxX, s.maxY);
  index.finish();
  // Meeting points of two different rings, per pair: one point is a legal touch, two or more are not.
  const betweenRings = new Map<string, [number, number][]>();
  const invalidPairs = () => [...betweenRings.values()].filter((points) => points.length > 1);
  // Points of pairs that met twice or more, kept as they come (a polygon may have 10,000 holes that
  // each touch the shell once: recounting every pair per segment would be quadratic).
  let betweenInvalid = 0;
  const enough = () => found.length + betweenInvalid >= limit;
  let budget = MAX_SEGMENT_PAIR_TESTS;
  for (let i = 0; i < segments.length && budget > 0 && !enough(); i++) {
    const s = segments[i];
    index.search(s.minX, s.minY, s.maxX, s.maxY, (j) => {
      if (j <= i || budget <= 0) return false;
      budget--;
      const t = segments[j];
      if (neighbours(s, t)) return false;
      const hit = segmentIntersection(s.a, s.b, t.a, t.b);
      if (!hit) return false;
      if (s.ring === t.ring) {
        if (found.length < limit) found.push(hit);
        return false;
      }
      const key = `${Math.min(s.ring, t.ring)}:${Math.max(s.ring, t.ring)}`;
      const points = betweenRings.get(key) ?? [];
      if (points.length < limit && !points.some((p) => samePoint(p, hit))) {
        points.push(hit);
        betweenInvalid += points.length === 2 ? 2 : points.length > 2 ? 1 : 0;
      }
      betweenRings.set(key, points);
      return false;
    });
  }
  return [...found, ...invalidPairs().flat()].slice(0, limit);
}
