import { kinks } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import type { SiteFeature } from './site-features.ts';

/** A place where a polygon's boundary crosses itself: refused on save, marked on the map. */
export interface SelfIntersection {
  featureId: string;
  name?: string;
  location: [number, number];
}

/** Self-intersections of the site's polygons (turf.kinks), one entry per distinct crossing point. */
export function findSelfIntersections(features: readonly SiteFeature[]): SelfIntersection[] {
  const found: SelfIntersection[] = [];
  for (const feature of features) {
    const g = feature.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    let points: Feature<Point>[];
    try {
      points = kinks(g).features;
    } catch {
      continue; // degenerate rings while drawing
    }
    const seen = new Set<string>();
    for (const p of points) {
      const [lon, lat] = p.geometry.coordinates;
      const key = `${lon.toFixed(9)},${lat.toFixed(9)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ featureId: feature.id, name: feature.properties.name, location: [lon, lat] });
    }
  }
  return found;
}
