import { useEffect, useRef } from 'react';
import maplibregl from 'maplibre-gl';

/** 花溪区 centre (rules: gazetteer). */
export const HUAXI_CENTER: [number, number] = [106.66, 26.4];

/** Offline-only style: no remote sources, no glyph URL (nothing leaves the machine). */
const offlineStyle: maplibregl.StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } }],
};

export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: offlineStyle,
      center: HUAXI_CENTER,
      zoom: 10.5,
      attributionControl: false,
      // Keeps the last frame readable: map snapshots for the printable report, pixel checks in tests.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.addControl(new maplibregl.NavigationControl(), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    // Exposed for browser tests and debugging from the console.
    (window as unknown as { __redlineMap?: maplibregl.Map }).__redlineMap = map;
    return () => map.remove();
  }, []);
  return <div ref={container} className="map" data-testid="map" />;
}
