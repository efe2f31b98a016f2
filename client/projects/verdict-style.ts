import type maplibregl from 'maplibre-gl';
import { VERDICT_COLOURS } from '../../common/report/report-styles.ts';
import { labelPoint } from '../draw/label-point.ts';
import type { OverlayLayer } from '../draw/useMapOverlay.ts';
import { REGULAR } from '../map/glyphs/fonts.ts';
import { geometryBounds } from '../../common/geo/bbox.ts';

/** Never checked (a draft): grey. */
export const UNCHECKED_COLOUR = '#7a8591';

/** The feature's `verdict` property in the verdict colours of the check panel and the report. */
const verdictColour: maplibregl.ExpressionSpecification = [
  'match', ['coalesce', ['get', 'verdict'], 'none'],
  'prohibited', VERDICT_COLOURS.prohibited,
  'conditional', VERDICT_COLOURS.conditional,
  'notice', VERDICT_COLOURS.notice,
  'clear', VERDICT_COLOURS.clear,
  UNCHECKED_COLOUR,
];

const polygons: maplibregl.FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
const lines: maplibregl.FilterSpecification = ['==', ['geometry-type'], 'LineString'];

/** Project sites coloured by verdict: areas filled and outlined, lines drawn wide (points are markers). */
export function shapeLayers(prefix: string, { emphasis = false } = {}): OverlayLayer[] {
  return [
    { id: `${prefix}-fill`, type: 'fill', filter: polygons, paint: { 'fill-color': verdictColour, 'fill-opacity': emphasis ? 0.3 : 0.4 } },
    // The open project gets a white casing: it must stand out on red-line hatching as on farmland.
    ...(emphasis
      ? [{ id: `${prefix}-casing`, type: 'line' as const, paint: { 'line-color': '#ffffff', 'line-width': ['match', ['geometry-type'], 'LineString', 10, 7] } } satisfies OverlayLayer]
      : []),
    { id: `${prefix}-outline`, type: 'line', filter: polygons, paint: { 'line-color': verdictColour, 'line-width': emphasis ? 3 : 1.8 } },
    { id: `${prefix}-line`, type: 'line', filter: lines, layout: { 'line-cap': 'round' }, paint: { 'line-color': verdictColour, 'line-width': emphasis ? 6 : 4 } },
  ];
}

/** One dot per project, so that a site of a few 公顷 is still seen at district scale. The dot of a point site is the site itself. */
export function markerLayers(prefix: string, { emphasis = false } = {}): OverlayLayer[] {
  const fadeForAreas: maplibregl.ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 13, 1, 14, ['case', ['==', ['get', 'siteKind'], 'point'], 1, 0]];
  return [
    {
      id: `${prefix}-marker`,
      type: 'circle',
      paint: {
        'circle-color': verdictColour,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, emphasis ? 7 : 5, 15, emphasis ? 9 : 7],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        // An area's dot gives way to the area itself once that is large enough to see.
        'circle-opacity': fadeForAreas,
        'circle-stroke-opacity': fadeForAreas,
      },
    },
  ];
}

/** Project names, written under each site (not across it, where they would hide the site). */
export function labelLayers(prefix: string, { emphasis = false } = {}): OverlayLayer[] {
  return [
    {
      id: `${prefix}-label`,
      type: 'symbol',
      minzoom: emphasis ? 0 : 11,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': REGULAR.stack,
        'text-size': emphasis ? 13 : 12,
        'text-offset': ['case', ['==', ['get', 'siteKind'], 'point'], ['literal', [0, 1]], ['literal', [0, 0.5]]],
        'text-anchor': 'top',
        'text-max-width': 12,
      },
      paint: { 'text-color': '#1f2933', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
  ];
}

const siteKindOf = (g: GeoJSON.Geometry | null) => (g?.type === 'Point' || g?.type === 'MultiPoint' ? 'point' : 'area');

/** The marker points of project features (a point inside each area, the middle of each line). */
export function markersOf(collection: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: collection.features.flatMap((f) => {
      const at = f.geometry ? labelPoint(f.geometry) : null;
      return at ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: at }, properties: { ...f.properties, siteKind: siteKindOf(f.geometry) } }] : [];
    }),
  };
}

/** Where the names go: below the middle of each site's southern edge (the point itself for a point site). */
export function labelsOf(collection: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: collection.features.flatMap((f) => {
      if (!f.geometry) return [];
      const [[w, s], [e]] = geometryBounds(f.geometry);
      const at = siteKindOf(f.geometry) === 'point' ? labelPoint(f.geometry) : [(w + e) / 2, s];
      return at ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: at }, properties: { ...f.properties, siteKind: siteKindOf(f.geometry) } }] : [];
    }),
  };
}

/** The ids of the layers a click on a project hits. */
export const clickableLayerIds = (prefix: string) => [`${prefix}-fill`, `${prefix}-line`, `${prefix}-marker`];
