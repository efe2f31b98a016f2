import { useMemo } from 'react';
import type maplibregl from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { REGULAR } from '../map/glyphs/fonts.ts';
import { SITE_COLOUR } from './draw-modes.ts';
import { impactFootprints } from './impact-footprint.ts';
import { labelPoint } from './label-point.ts';
import type { SelfIntersection } from './self-intersections.ts';
import { isCompleteShape, type SiteFeature } from './site-features.ts';
import { isEditableInTerraDraw } from './site-snapshot.ts';
import { useMapOverlay, type OverlayLayer } from './useMapOverlay.ts';

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

const FIXED_LAYERS: OverlayLayer[] = [
  { id: 'site-fixed-fill', type: 'fill', paint: { 'fill-color': SITE_COLOUR, 'fill-opacity': 0.15 } },
  { id: 'site-fixed-line', type: 'line', paint: { 'line-color': SITE_COLOUR, 'line-width': 2.5 } },
];
const FOOTPRINT_LAYERS: OverlayLayer[] = [
  { id: 'site-footprint-fill', type: 'fill', paint: { 'fill-color': SITE_COLOUR, 'fill-opacity': 0.08 } },
  { id: 'site-footprint-line', type: 'line', paint: { 'line-color': SITE_COLOUR, 'line-width': 1.5, 'line-dasharray': [2, 2] } },
];
const KINK_LAYERS: OverlayLayer[] = [
  { id: 'site-kinks', type: 'circle', paint: { 'circle-radius': 7, 'circle-color': '#dc2626', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
];
const WARNING_LAYERS: OverlayLayer[] = [
  { id: 'site-import-warnings', type: 'circle', paint: { 'circle-radius': 6, 'circle-color': '#f59e0b', 'circle-stroke-color': '#78350f', 'circle-stroke-width': 1.5 } },
];
const LABEL_LAYERS: OverlayLayer[] = [
  {
    id: 'site-labels',
    type: 'symbol',
    layout: { 'text-field': ['get', 'name'], 'text-font': REGULAR.stack, 'text-size': 13, 'text-allow-overlap': true, 'text-ignore-placement': true },
    paint: { 'text-color': '#3b0764', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  },
];

/**
 * What the site shows on the map besides terra-draw's own shapes: fixed parts (with holes or
 * several parts), the impact-width footprint of points and lines, parcel names, self-intersections
 * and the places import warnings point at.
 */
export function SiteOverlays({
  map,
  features,
  widthM,
  kinks,
  warningLocations,
}: {
  map: maplibregl.Map | null;
  features: SiteFeature[];
  widthM: number | null;
  kinks: SelfIntersection[];
  warningLocations: [number, number][];
}) {
  const fixed = useMemo(() => collection(features.filter((f) => !isEditableInTerraDraw(f))), [features]);
  const footprints = useMemo(() => collection(impactFootprints(features.filter((f) => isCompleteShape(f.geometry)), widthM)), [features, widthM]);
  const labels = useMemo(
    () =>
      collection(
        features
          .filter((f) => f.properties.name && isCompleteShape(f.geometry))
          .flatMap((f) => {
            const at = labelPoint(f.geometry);
            return at ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: at }, properties: { name: f.properties.name } }] : [];
          }),
      ),
    [features],
  );
  const kinkPoints = useMemo(
    () => collection(kinks.map((k) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: k.location }, properties: { featureId: k.featureId } }))),
    [kinks],
  );
  const warningPoints = useMemo(
    () => collection(warningLocations.map((location) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: location }, properties: {} }))),
    [warningLocations],
  );
  useMapOverlay(map, 'site-fixed', fixed, FIXED_LAYERS);
  useMapOverlay(map, 'site-footprint', footprints, FOOTPRINT_LAYERS);
  useMapOverlay(map, 'site-labels', labels, LABEL_LAYERS);
  useMapOverlay(map, 'site-import-warnings', warningPoints, WARNING_LAYERS);
  useMapOverlay(map, 'site-kinks', kinkPoints, KINK_LAYERS);
  return null;
}
