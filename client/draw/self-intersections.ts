import type { SiteFeature } from './site-features.ts';
import { polygonSelfIntersections } from '../../common/geo/self-intersections.ts';

/** A place where a polygon's boundary crosses itself: refused on save, marked on the map. */
export interface SelfIntersection {
  featureId: string;
  name?: string;
  location: [number, number];
}

/**
 * Where the site's polygons are not valid in OGC's terms (common/geo/self-intersections.ts, the
 * importer's test too): rings that cross or meet themselves, never a hole touching the shell at one
 * point, which PostGIS accepts. One entry per distinct place.
 */
export function findSelfIntersections(features: readonly SiteFeature[]): SelfIntersection[] {
  const found: SelfIntersection[] = [];
  for (const feature of features) {
    const g = feature.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const own: [number, number][] = [];
    for (const rings of polygons) {
      // Rings still being drawn (fewer than 4 positions) have no boundary to cross yet.
      if (rings.some((ring) => ring.length < 4)) continue;
      for (const [lon, lat] of polygonSelfIntersections(rings)) {
        // Closer than ~1 cm is the same place.
        if (own.some(([x, y]) => Math.abs(x - lon) < 1e-7 && Math.abs(y - lat) < 1e-7)) continue;
        own.push([lon, lat]);
        found.push({ featureId: feature.id, name: feature.properties.name, location: [lon, lat] });
      }
    }
  }
  return found;
}
