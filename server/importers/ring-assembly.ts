import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { unprocessable } from '../http/errors.ts';
import { LIMITS } from '../limits.ts';
import { ringInsideRing } from '../geo/geometry.ts';

/**
 * 圈号 semantics of 国土 TXT files (also used for CSV ring columns): ring 1 is the outer boundary;
 * every further ring is a hole of the polygon whose outer ring contains it — unless it also lies in
 * one of that polygon's holes (an island in a hole) — and otherwise a separate part. We rely on
 * the ring numbers and containment, never on ring orientation (not mandated by the format).
 *
 * The ring count is bounded before any work, and containment is only tested against rings whose
 * bounding box holds this ring's (a Flatbush index): 6,000 small disjoint rings used to cost
 * 18 million containment tests (16 s); now each ring meets only the rings around it.
 */
type Box = [number, number, number, number];

function boxOf(ring: Position[]): Box {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** Point-in-ring edge tests one file's ring assembly may take (well under a second of work). */
const MAX_CONTAINMENT_WORK = 10_000_000;

const boxHolds = (outer: Box, inner: Box) => outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];

function assertRingCount(count: number): void {
  if (count > LIMITS.importMaxRings)
    throw unprocessable(
      'TOO_MANY_RINGS',
      `文件中的环过多（${count} 个，上限 ${LIMITS.importMaxRings} 个）。`,
      `The file holds too many rings (${count}; limit ${LIMITS.importMaxRings}).`,
    );
}

export function assemblePolygons(ringsInOrder: Position[][]): Position[][][] {
  assertRingCount(ringsInOrder.length);
  if (ringsInOrder.length <= 1) return ringsInOrder.map((r) => [r]);
  const boxes = ringsInOrder.map(boxOf);
  const index = new Flatbush(ringsInOrder.length);
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
  index.finish();

  let work = 0;
  const polygons: number[][] = []; // ring indices; [0] is the outer ring
  const polygonOf = new Map<number, number>(); // outer ring index → polygon index
  ringsInOrder.forEach((ring, i) => {
    const box = boxes[i];
    // Earlier outer rings whose box holds this ring's, in creation order (as a linear scan would meet them).
    const hosts = index
      .search(box[0], box[1], box[2], box[3], (j) => j < i && polygonOf.has(j) && boxHolds(boxes[j], box))
      .map((j) => polygonOf.get(j)!)
      .sort((a, b) => a - b);
    const inside = (j: number) => {
      // Budgeted: rings nested a thousand deep would still meet every ring around them.
      work += Math.min(101, ring.length) * ringsInOrder[j].length;
      if (work > MAX_CONTAINMENT_WORK)
        throw unprocessable('RINGS_TOO_COMPLEX', '文件中的环嵌套过多，无法在合理时间内判断内外关系。', 'The rings of this file nest too deeply to sort into outer rings and holes in reasonable time.');
      return ringInsideRing(ring, ringsInOrder[j]);
    };
    const host = hosts.find((p) => {
      const [outer, ...holes] = polygons[p];
      return inside(outer) && !holes.some((h) => boxHolds(boxes[h], box) && inside(h));
    });
    if (host !== undefined) polygons[host].push(i);
    else {
      polygonOf.set(i, polygons.length);
      polygons.push([i]);
    }
  });
  return polygons.map((p) => p.map((i) => ringsInOrder[i]));
}

export const polygonGeometry = (polygons: Position[][][]): Polygon | MultiPolygon =>
  polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
