import { useMemo } from 'react';
import type maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { useMapOverlay, type OverlayLayer } from '../draw/useMapOverlay.ts';
import type { CheckResult } from '../../common/api/check-result.ts';
import { CONFLICT_HATCH_IMAGE, CONFLICT_INK } from '../map/style/conflict.ts';

const inFocus: maplibregl.ExpressionSpecification = ['boolean', ['get', 'focused'], false];

const OVERLAP_LAYERS: OverlayLayer[] = [
  // A notice (e.g. inside a corridor) must not hide the map: fainter than a conflict.
  {
    id: 'site-overlap-fill',
    type: 'fill',
    paint: {
      'fill-pattern': CONFLICT_HATCH_IMAGE,
      'fill-opacity': ['case', inFocus, 1, ['match', ['get', 'verdict'], 'prohibited', 0.85, 'conditional', 0.7, 0.4]],
    },
  },
  { id: 'site-overlap-casing', type: 'line', paint: { 'line-color': '#ffffff', 'line-width': ['case', inFocus, 6, 4.5] } },
  { id: 'site-overlap-line', type: 'line', paint: { 'line-color': CONFLICT_INK, 'line-width': ['case', inFocus, 3, 2], 'line-dasharray': [2, 1.5] } },
];
const AVOIDANCE_LAYERS: OverlayLayer[] = [
  // A revision's outline in ink; a line's stretches to reroute around as a red band wider than the
  // line itself, which terra-draw draws on top.
  {
    id: 'site-avoidance-line',
    type: 'line',
    paint: {
      'line-color': ['match', ['get', 'suggestion'], 'reroute', '#dc2626', '#111827'],
      'line-width': ['match', ['get', 'suggestion'], 'reroute', 11, 2.5],
      'line-dasharray': [3, 2],
    },
  },
];

/**
 * The check on the map: each layer's overlap with the site as a conflict mark (see
 * map/style/conflict.ts; the most severe on top, the row in focus stronger), and the avoidance
 * suggestion as a dashed outline.
 */
export function CheckOverlays({ map, result, focusLayerId }: { map: maplibregl.Map | null; result: CheckResult | null; focusLayerId: string | null }) {
  const overlaps = useMemo<FeatureCollection | null>(() => {
    if (!result) return null;
    const order = ['clear', 'notice', 'conditional', 'prohibited'];
    // The urban boundary's overlap is the part INSIDE it, which is not the conflict: leave it out.
    const withOverlap = result.results.filter((r) => r.overlap && r.overlapAreaM2 > 0 && r.kind !== 'urban_boundary');
    withOverlap.sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict) || Number(a.layerId === focusLayerId) - Number(b.layerId === focusLayerId));
    return {
      type: 'FeatureCollection',
      features: withOverlap.map((r) => ({ type: 'Feature', geometry: r.overlap!, properties: { verdict: r.verdict, layerId: r.layerId, focused: r.layerId === focusLayerId } })),
    };
  }, [result, focusLayerId]);
  const avoidance = useMemo<FeatureCollection | null>(() => {
    const geometry = result?.avoidance?.geometry;
    return geometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: { suggestion: result!.avoidance!.suggestion } }] } : null;
  }, [result]);
  useMapOverlay(map, 'site-overlaps', overlaps, OVERLAP_LAYERS);
  useMapOverlay(map, 'site-avoidance', avoidance, AVOIDANCE_LAYERS);
  return null;
}
