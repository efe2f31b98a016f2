import type maplibregl from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { PALETTE } from '../map/style/palette.ts';
import type { MeasureKind } from './measure.ts';

export const MEASURE_SOURCE = 'measure';
const LAYERS = [`${MEASURE_SOURCE}:fill`, `${MEASURE_SOURCE}:line`, `${MEASURE_SOURCE}:points`];

export function addMeasureLayers(map: maplibregl.Map): void {
  if (map.getSource(MEASURE_SOURCE)) return;
  map.addSource(MEASURE_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: LAYERS[0], type: 'fill', source: MEASURE_SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': PALETTE.measure, 'fill-opacity': 0.12 } });
  map.addLayer({
    id: LAYERS[1],
    type: 'line',
    source: MEASURE_SOURCE,
    filter: ['!=', ['geometry-type'], 'Point'],
    paint: { 'line-color': PALETTE.measure, 'line-width': 2.2, 'line-dasharray': [3, 1.5] },
  });
  map.addLayer({
    id: LAYERS[2],
    type: 'circle',
    source: MEASURE_SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': PALETTE.measure, 'circle-stroke-width': 2 },
  });
}

export function removeMeasureLayers(map: maplibregl.Map): void {
  if (!map.style) return;
  for (const id of LAYERS) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(MEASURE_SOURCE)) map.removeSource(MEASURE_SOURCE);
}

/** The sketch: vertices, and the line or polygon through them and the cursor. */
export function measureSketch(kind: MeasureKind, points: [number, number][], cursor: [number, number] | null): FeatureCollection {
  const path = cursor ? [...points, cursor] : points;
  const features: Feature[] = points.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }));
  if (kind === 'area' && path.length >= 3) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...path, path[0]]] } });
  } else if (path.length >= 2) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: path } });
  }
  return { type: 'FeatureCollection', features };
}
