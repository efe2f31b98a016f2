import { area, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Polygon } from 'geojson';

type Props = { key: string; name: unknown; nameEn: unknown; level: unknown; widthM: unknown };
/** What labels need: the names in both languages, the level (label filters) and a corridor's width. */
const labelProps = (f: Feature): Props => ({
  key: String(f.properties?.key ?? f.id),
  name: f.properties?.name ?? null,
  nameEn: f.properties?.nameEn ?? null,
  level: f.properties?.level ?? null,
  widthM: f.properties?.widthM ?? null,
});

/** The largest part of a (multi)polygon: one label per feature, on its main body. */
function mainPart(f: Feature): Feature<Polygon> | null {
  const g = f.geometry;
  if (g?.type === 'Polygon') return { type: 'Feature', properties: {}, geometry: g };
  if (g?.type !== 'MultiPolygon') return null;
  let best: Feature<Polygon> | null = null;
  let bestArea = -1;
  for (const coordinates of g.coordinates) {
    const part: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
    const a = area(part);
    if (a > bestArea) [best, bestArea] = [part, a];
  }
  return best;
}

/**
 * One label point per named polygon, inside it: the centre of mass of its largest part, or a point
 * on the surface when the centre falls outside (a crescent, a ring). GeoJSON polygons labelled
 * directly would be labelled once per internal tile at high zoom.
 */
export function labelPoints(collection: FeatureCollection): FeatureCollection<Point, Props> {
  const features: Feature<Point, Props>[] = [];
  for (const f of collection.features) {
    if (!f.properties?.name) continue;
    const part = mainPart(f);
    if (!part) continue;
    let point = centerOfMass(part);
    if (!booleanPointInPolygon(point, part)) point = pointOnFeature(part);
    features.push({ type: 'Feature', properties: labelProps(f), geometry: point.geometry });
  }
  return { type: 'FeatureCollection', features };
}

/** Corridor centre lines, stored by the generator in each feature's `centerline` attribute. */
export function centerlines(collection: FeatureCollection): FeatureCollection<LineString | MultiLineString, Props> {
  const features: Feature<LineString | MultiLineString, Props>[] = [];
  for (const f of collection.features) {
    const line = f.properties?.centerline as LineString | MultiLineString | undefined;
    if (line && (line.type === 'LineString' || line.type === 'MultiLineString')) {
      features.push({ type: 'Feature', properties: labelProps(f), geometry: line });
    }
  }
  return { type: 'FeatureCollection', features };
}
