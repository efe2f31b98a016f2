import { useEffect } from 'react';
import type { FeatureCollection } from 'geojson';
import { useMap } from '../map/MapContext.tsx';
import { PALETTE } from '../map/style/palette.ts';
import type { SearchHit } from './search-api.ts';

const SOURCE = 'search-highlight';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Outlines the chosen search hit (and marks its centre) above every layer until the search is cleared. */
export function SearchHighlight({ hit }: { hit: SearchHit | null }) {
  const map = useMap();
  useEffect(() => {
    if (!map) return;
    map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
    map.addLayer({ id: `${SOURCE}:fill`, type: 'fill', source: SOURCE, filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]], paint: { 'fill-color': PALETTE.highlight, 'fill-opacity': 0.15 } });
    map.addLayer({
      id: `${SOURCE}:line`,
      type: 'line',
      source: SOURCE,
      filter: ['!', ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]]],
      paint: { 'line-color': PALETTE.highlight, 'line-width': 3.5, 'line-opacity': 0.95 },
    });
    map.addLayer({
      id: `${SOURCE}:point`,
      type: 'circle',
      source: SOURCE,
      filter: ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]],
      paint: { 'circle-radius': 9, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': PALETTE.highlight, 'circle-stroke-width': 3 },
    });
    return () => {
      if (!map.style) return;
      for (const id of [`${SOURCE}:fill`, `${SOURCE}:line`, `${SOURCE}:point`]) if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(SOURCE)) map.removeSource(SOURCE);
    };
  }, [map]);
  useEffect(() => {
    if (!map) return;
    const source = map.getSource(SOURCE) as { setData?: (d: FeatureCollection) => void } | undefined;
    const data: FeatureCollection = hit
      ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: hit.geometry }, { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: hit.centroid } }] }
      : EMPTY;
    source?.setData?.(data);
    // Stay on top of layers that loaded after the highlight was created.
    for (const id of [`${SOURCE}:fill`, `${SOURCE}:line`, `${SOURCE}:point`]) if (map.getLayer(id)) map.moveLayer(id);
  }, [map, hit]);
  return null;
}
