import { useMemo } from 'react';
import type maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { VERDICT_COLOURS } from '../../common/report/report-styles.ts';
import { useMapOverlay, type OverlayLayer } from '../draw/useMapOverlay.ts';
import type { CheckResult } from './api-types.ts';

const verdictColour: maplibregl.ExpressionSpecification = [
  'match', ['get', 'verdict'],
  'prohibited', VERDICT_COLOURS.prohibited,
  'conditional', VERDICT_COLOURS.conditional,
  'notice', VERDICT_COLOURS.notice,
  VERDICT_COLOURS.clear,
];

const OVERLAP_LAYERS: OverlayLayer[] = [
  // Prohibited overlaps stand out most; a notice (e.g. inside a corridor) must not hide the map.
  {
    id: 'site-overlap-fill',
    type: 'fill',
    paint: { 'fill-color': verdictColour, 'fill-opacity': ['match', ['get', 'verdict'], 'prohibited', 0.5, 'conditional', 0.38, 'notice', 0.2, 0.15] },
  },
  { id: 'site-overlap-line', type: 'line', paint: { 'line-color': verdictColour, 'line-width': 2 } },
];
const AVOIDANCE_LAYERS: OverlayLayer[] = [
  { id: 'site-avoidance-line', type: 'line', paint: { 'line-color': '#111827', 'line-width': 2.5, 'line-dasharray': [3, 2] } },
];

/**
 * The check on the map: each layer's overlap with the site in the colour of that layer's verdict
 * (most severe on top), and the avoidance suggestion as a dashed outline.
 */
export function CheckOverlays({ map, result }: { map: maplibregl.Map | null; result: CheckResult | null }) {
  const overlaps = useMemo<FeatureCollection | null>(() => {
    if (!result) return null;
    const order = ['clear', 'notice', 'conditional', 'prohibited'];
    // The urban boundary's overlap is the part INSIDE it, which is not the conflict: leave it out.
    const withOverlap = result.results.filter((r) => r.overlap && r.overlapAreaM2 > 0 && r.kind !== 'urban_boundary');
    withOverlap.sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict));
    return {
      type: 'FeatureCollection',
      features: withOverlap.map((r) => ({ type: 'Feature', geometry: r.overlap!, properties: { verdict: r.verdict, layerId: r.layerId } })),
    };
  }, [result]);
  const avoidance = useMemo<FeatureCollection | null>(() => {
    const geometry = result?.avoidance?.geometry;
    return geometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: {} }] } : null;
  }, [result]);
  useMapOverlay(map, 'site-overlaps', overlaps, OVERLAP_LAYERS);
  useMapOverlay(map, 'site-avoidance', avoidance, AVOIDANCE_LAYERS);
  return null;
}
