import * as turf from '@turf/turf';
import type { Polygon } from 'geojson';
import { offsetM, toLonLat, toMetres, type LonLat } from './local-metres.ts';
import { areaM2, intersect, type Area } from './polygon-ops.ts';

/**
 * Places demo project sites where the intended zones are: a deterministic spiral search around an
 * anchor for the first position whose site shape passes a test. The site shapes are the straight-
 * edged plots planners draw (projects are surveyed parcels, not landscape features).
 */

/** A plot of about w × h metres, rotated, with one corner cut so it is not a plain rectangle. */
export function plot(centre: LonLat, wM: number, hM: number, rotationDeg: number): Polygon {
  const a = (rotationDeg * Math.PI) / 180;
  const [cx, cy] = toMetres(centre);
  const local: [number, number][] = [[-wM / 2, -hM / 2], [wM / 2, -hM / 2], [wM / 2, hM / 4], [wM / 4, hM / 2], [-wM / 2, hM / 2]];
  const ring = local.map(([x, y]) => toLonLat([cx + x * Math.cos(a) - y * Math.sin(a), cy + x * Math.sin(a) + y * Math.cos(a)]));
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

/** Share of a site's area inside a zone (0 when the zone is absent). */
export function shareInside(site: Polygon, zone: Area | null): number {
  if (!zone) return 0;
  return areaM2(intersect(site, zone)) / areaM2(site);
}

export function touches(site: Polygon | GeoJSON.Point, zone: Area | null): boolean {
  return !!zone && turf.booleanIntersects(turf.feature(site), turf.feature(zone));
}

/** First position on a spiral (step `stepM`, up to `maxM`) around `anchor` where `accept` holds. */
export function searchAround<T>(anchor: LonLat, make: (at: LonLat) => T, accept: (candidate: T) => boolean, stepM = 120, maxM = 6000): T {
  for (let ring = 0; ring * stepM <= maxM; ring++) {
    const count = Math.max(1, ring * 8);
    for (let k = 0; k < count; k++) {
      const angle = (2 * Math.PI * k) / count;
      const candidate = make(offsetM(anchor, Math.cos(angle) * ring * stepM, Math.sin(angle) * ring * stepM));
      if (accept(candidate)) return candidate;
    }
  }
  throw new Error(`no site found within ${maxM} m of ${anchor.join(',')}`);
}

/** A zone clipped to a window around the anchor, so repeated tests stay fast. */
export function localZone(zone: Area | null, anchor: LonLat, radiusM: number): Area | null {
  if (!zone) return null;
  const [w, s] = offsetM(anchor, -radiusM, -radiusM);
  const [e, n] = offsetM(anchor, radiusM, radiusM);
  return intersect(zone, turf.bboxPolygon([w, s, e, n]).geometry);
}
