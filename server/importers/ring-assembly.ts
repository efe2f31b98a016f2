import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringInsideRing } from '../geo/geometry.ts';

/**
 * 圈号 semantics of 国土 TXT files (also used for CSV ring columns): ring 1 is the outer boundary;
 * every further ring is a hole of the polygon whose outer ring contains it — unless it also lies in
 * one of that polygon's holes (an island in a hole) — and otherwise a separate part. We rely on
 * the ring numbers and containment, never on ring orientation (not mandated by the format).
 */
export function assemblePolygons(ringsInOrder: Position[][]): Position[][][] {
  const polygons: Position[][][] = [];
  for (const ring of ringsInOrder) {
    const host = polygons.find(
      ([outer, ...holes]) => ringInsideRing(ring, outer) && !holes.some((hole) => ringInsideRing(ring, hole)),
    );
    if (host) host.push(ring);
    else polygons.push([ring]);
  }
  return polygons;
}

export const polygonGeometry = (polygons: Position[][][]): Polygon | MultiPolygon =>
  polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
