import { useEffect } from 'react';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { onlineBasemapStyle } from './basemaps.ts';
import { firstDataLayerId } from './draw-order.ts';
import { useMap } from './MapContext.tsx';
import { useServerBasemaps } from './server-basemaps.ts';

const isBasemapPart = (id: string) => id.startsWith('basemap:');

/**
 * Puts the chosen online basemap's raster layers under every data layer, or removes them for the
 * offline basemap. Nothing online is requested before the user picks an online basemap.
 */
export function BasemapLayers() {
  const map = useMap();
  const { state } = useViewState();
  const { basemap, tiandituKey } = state;
  const { tiandituTiles, online: allowed } = useServerBasemaps();
  useEffect(() => {
    if (!map) return;
    const online = onlineBasemapStyle(basemap, tiandituKey, tiandituTiles, allowed);
    if (online) {
      const before = firstDataLayerId(map);
      for (const [id, source] of Object.entries(online.sources)) map.addSource(id, source);
      for (const layer of online.layers) map.addLayer(layer, before);
    }
    return () => {
      if (!map.style) return;
      for (const layer of map.getStyle().layers) if (isBasemapPart(layer.id)) map.removeLayer(layer.id);
      for (const id of Object.keys(map.getStyle().sources)) if (isBasemapPart(id)) map.removeSource(id);
    };
  }, [map, basemap, tiandituKey, tiandituTiles, allowed]);
  return null;
}
