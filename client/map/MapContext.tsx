import { createContext, useContext, useState, type ReactNode } from 'react';
import type maplibregl from 'maplibre-gl';

/** The MapLibre map once its style has loaded (null before): for layers, tools and panels. */
const MapContext = createContext<maplibregl.Map | null>(null);
const SetMapContext = createContext<(map: maplibregl.Map | null) => void>(() => undefined);

/** Shares the map between the map area (which creates it) and the side panel (which uses it). */
export function MapProvider({ children }: { children: ReactNode }) {
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  return (
    <SetMapContext.Provider value={setMap}>
      <MapContext.Provider value={map}>{children}</MapContext.Provider>
    </SetMapContext.Provider>
  );
}

export function useMap(): maplibregl.Map | null {
  return useContext(MapContext);
}

export function useSetMap(): (map: maplibregl.Map | null) => void {
  return useContext(SetMapContext);
}
