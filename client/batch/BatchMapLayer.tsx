import { useMemo } from 'react';
import { useMapOverlay } from '../draw/useMapOverlay.ts';
import { useMap } from '../map/MapContext.tsx';
import { markerLayers, markersOf, shapeLayers } from '../projects/verdict-style.ts';

const PREFIX = 'batch-sites';
const SHAPES = shapeLayers(PREFIX);
const MARKERS = markerLayers(PREFIX);

/** All sites of the batch on the map, coloured by verdict (grey: not checked or in error), as the register's projects are. */
export function BatchMapLayer({ sites }: { sites: GeoJSON.FeatureCollection | null }) {
  const map = useMap();
  useMapOverlay(map, PREFIX, sites, SHAPES);
  useMapOverlay(map, `${PREFIX}-markers`, useMemo(() => (sites ? markersOf(sites) : null), [sites]), MARKERS);
  return null;
}
