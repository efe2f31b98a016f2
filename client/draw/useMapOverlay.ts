import { useEffect, useRef } from 'react';
import type maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

/** Layers of an overlay, without `source` (it is the overlay's own GeoJSON source). */
export type OverlayLayer =
  | Omit<maplibregl.FillLayerSpecification, 'source'>
  | Omit<maplibregl.LineLayerSpecification, 'source'>
  | Omit<maplibregl.CircleLayerSpecification, 'source'>
  | Omit<maplibregl.SymbolLayerSpecification, 'source'>;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * A GeoJSON source with its layers that this panel owns on the map (buffer preview, overlaps,
 * avoidance outline, self-intersection marks). Added once, updated in place, put back if a style
 * change removed it, removed on unmount. Layer ids are prefixed `site-` so other code can tell them apart.
 */
export function useMapOverlay(map: maplibregl.Map | null, sourceId: string, data: FeatureCollection | null, layers: OverlayLayer[]): void {
  const dataRef = useRef<FeatureCollection>(data ?? EMPTY);
  dataRef.current = data ?? EMPTY;
  const layersRef = useRef(layers);

  useEffect(() => {
    if (!map) return;
    const ensure = () => {
      if (!map.isStyleLoaded() && !map.getStyle()) return;
      try {
        if (!map.getSource(sourceId)) map.addSource(sourceId, { type: 'geojson', data: dataRef.current });
        for (const layer of layersRef.current) {
          if (!map.getLayer(layer.id)) map.addLayer({ ...layer, source: sourceId } as maplibregl.LayerSpecification);
        }
      } catch {
        // The style is being replaced; 'styledata' will call again.
      }
    };
    ensure();
    map.on('styledata', ensure);
    return () => {
      map.off('styledata', ensure);
      try {
        for (const layer of layersRef.current) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
        if (map.getSource(sourceId)) map.removeSource(sourceId);
      } catch {
        // The map is already removed.
      }
    };
  }, [map, sourceId]);

  useEffect(() => {
    const source = map?.getSource(sourceId) as maplibregl.GeoJSONSource | undefined;
    source?.setData(data ?? EMPTY);
  }, [map, sourceId, data]);
}
