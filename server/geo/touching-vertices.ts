import Flatbush from 'flatbush';
import type { Position } from 'geojson';

/**
 * A hole that touches its shell (or another hole) at a vertex lying on the other ring's edge is
 * valid — but only while that vertex lies exactly on the edge. A touch drawn in a projected CRS
 * (a 国土 TXT in Gauss-Krüger metres) is exact there and off by a rounding error in lon/lat, so
 * PostGIS would see the hole crossing its shell by 0.1 mm and refuse the site. The remedy is the
 * usual noding: the touching vertex is inserted into the edge it touches, so both rings share it
 * and the touch is exact. Only vertices within `tolerance` degrees (1e-8° ≈ 1 mm) of another ring's
 * edge, strictly between its ends and not exactly on it, are inserted; the shape moves by less
 * than that.
 */
/** Vertex–segment tests at most (as the self-intersection search): past it the rings go on as drawn, for PostGIS to judge. */
const MAX_VERTEX_SEGMENT_TESTS = 2_000_000;

export function nodeTouchingVertices(rings: Position[][], tolerance = 1e-8): Position[][] {
  if (rings.length < 2) return rings;
  const segments: { ring: number; index: number; a: Position; b: Position }[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) segments.push({ ring: r, index: i, a: ring[i], b: ring[i + 1] });
  });
  const tree = new Flatbush(segments.length);
  for (const { a, b } of segments)
    tree.add(Math.min(a[0], b[0]) - tolerance, Math.min(a[1], b[1]) - tolerance, Math.max(a[0], b[0]) + tolerance, Math.max(a[1], b[1]) + tolerance);
  tree.finish();

  // ring → segment index → the vertices to insert there, with their position along the segment.
  const inserts = new Map<number, Map<number, { t: number; p: Position }[]>>();
  let budget = MAX_VERTEX_SEGMENT_TESTS;
  for (const [r, ring] of rings.entries()) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const p = ring[i];
      const candidates = tree.search(p[0], p[1], p[0], p[1]);
      budget -= candidates.length;
      if (budget < 0) return rings;
      for (const k of candidates) {
        const { ring: other, index, a, b } = segments[k];
        if (other === r) continue;
        const dx = b[0] - a[0];
        const dy = b[1] - a[1];
        const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy);
        if (!(t > 0 && t < 1)) continue;
        if (Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]) >= tolerance) continue;
        if ((p[0] === a[0] && p[1] === a[1]) || (p[0] === b[0] && p[1] === b[1])) continue;
        // Exactly on the edge already (what ST_IsValid tests): a valid touch, left as drawn.
        if (dx * (p[1] - a[1]) - dy * (p[0] - a[0]) === 0) continue;
        const perRing = inserts.get(other) ?? new Map<number, { t: number; p: Position }[]>();
        const here = perRing.get(index) ?? [];
        if (!here.some((h) => h.p[0] === p[0] && h.p[1] === p[1])) here.push({ t, p: [p[0], p[1]] });
        perRing.set(index, here);
        inserts.set(other, perRing);
      }
    }
  }
  if (inserts.size === 0) return rings;
  return rings.map((ring, r) => {
    const perRing = inserts.get(r);
    if (!perRing) return ring;
    const out: Position[] = [];
    ring.forEach((p, i) => {
      out.push(p);
      for (const { p: q } of (perRing.get(i) ?? []).sort((x, y) => x.t - y.t)) out.push(q);
    });
    return out;
  });
}
