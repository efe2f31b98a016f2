import { area, booleanIntersects, buffer, featureCollection, intersect, pointToPolygonDistance } from '@turf/turf';
import { DEFAULT_LINE_WIDTH_M } from '../../server/check/engine.ts';
import type { BenchSite } from '../sites.ts';

type Areal = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;

/** What the Turf runners compute per layer: the same facts the engine's SQL returns. */
interface TurfLayerFacts {
  overlapAreaM2: number;
  minDistanceM: number;
  featureIds: string[];
}
export type TurfFacts = Map<string, TurfLayerFacts>;

export interface TurfSite {
  /** The site as checked: lines buffered by half their width each side, as the engine does. */
  footprint: Areal;
  /** The footprint grown by the screening distance: a feature touching it is "near". */
  screen: Areal;
  bufferM: number;
}

/** Site preparation, part of each timed Turf check (the SQL does the same work inside the query). */
export function prepareTurfSite(site: BenchSite): TurfSite {
  const footprint: Areal =
    site.geometry.type === 'Polygon'
      ? { type: 'Feature', properties: {}, geometry: site.geometry }
      : (buffer(site.geometry, (site.project.widthM ?? DEFAULT_LINE_WIDTH_M) / 2, { units: 'meters' }) as Areal);
  const screen = buffer(footprint, site.bufferM, { units: 'meters' }) as Areal;
  return { footprint, screen, bufferM: site.bufferM };
}

function outerVertices(f: Areal): GeoJSON.Position[] {
  return f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates.flatMap((p) => p[0]);
}

/** Nearest distance between two disjoint polygons: vertex-to-polygon both ways (Turf has no polygon–polygon distance). */
function polygonDistanceM(a: Areal, b: Areal): number {
  let best = Infinity;
  for (const v of outerVertices(a)) best = Math.min(best, pointToPolygonDistance(v, b, { units: 'meters' }));
  for (const v of outerVertices(b)) best = Math.min(best, pointToPolygonDistance(v, a, { units: 'meters' }));
  return best;
}

/**
 * What a JS developer writes first for one feature: booleanIntersects with the site, then
 * intersect + area on a hit; otherwise booleanIntersects with the screened site, and for near
 * features the nearest distance. Features of a layer do not overlap (bench data), so summing the
 * per-feature overlaps equals the engine's area of the site ∩ the union of the features.
 */
export function checkFeature(site: TurfSite, layerId: string, feature: GeoJSON.Feature<GeoJSON.Polygon>, facts: TurfFacts): void {
  let distanceM: number;
  let overlapM2 = 0;
  if (booleanIntersects(site.footprint, feature)) {
    const inter = intersect(featureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>([site.footprint, feature]));
    overlapM2 = inter ? area(inter) : 0;
    distanceM = 0;
  } else if (booleanIntersects(site.screen, feature)) {
    distanceM = polygonDistanceM(site.footprint, feature);
    if (distanceM > site.bufferM) return;
  } else {
    return;
  }
  const layer = facts.get(layerId) ?? { overlapAreaM2: 0, minDistanceM: Infinity, featureIds: [] };
  layer.overlapAreaM2 += overlapM2;
  layer.minDistanceM = Math.min(layer.minDistanceM, distanceM);
  layer.featureIds.push(String(feature.id));
  facts.set(layerId, layer);
}
