import { useEffect, useRef } from 'react';
import maplibregl from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import { GLYPHS_URL_TEMPLATE } from './glyphs/fonts.ts';
import { installFixedGlyphRasterizer } from './glyphs/local-glyph-rasterizer.ts';
import { addStyleImages, SHARED_MAP_OPTIONS } from './map-options.ts';
import { PALETTE } from './style/palette.ts';
import { useSetMap } from './MapContext.tsx';
import { parsePermalink } from './permalink.ts';
import { DEFAULT_ZOOM, HUAXI_BOUNDS, HUAXI_CENTER, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from './view.ts';

/**
 * The offline style the map starts from: a background and the glyph URL of the app's own label
 * glyphs. Every data layer (including the offline basemap's) is added by OperationalLayers.
 */
function baseStyle(origin: string): maplibregl.StyleSpecification {
  return {
    version: 8,
    glyphs: `${origin}${GLYPHS_URL_TEMPLATE}`,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } }],
  };
}

/** The map canvas. Creates the map and hands it to MapProvider once its style has loaded. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const setMap = useSetMap();
  const { t } = useTranslation();
  useEffect(() => {
    if (!container.current) return;
    const link = parsePermalink(window.location.hash);
    const instance = new maplibregl.Map({
      container: container.current,
      style: baseStyle(window.location.origin),
      ...(link.center && link.zoom !== undefined
        ? { center: link.center, zoom: link.zoom }
        : { center: HUAXI_CENTER, zoom: DEFAULT_ZOOM, bounds: HUAXI_BOUNDS, fitBoundsOptions: { padding: 24 } }),
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      maxBounds: MAX_BOUNDS,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: { compact: true },
      ...SHARED_MAP_OPTIONS,
    });
    // Before the first label is laid out: full-width opening brackets would be drawn blank.
    if (!installFixedGlyphRasterizer(instance)) console.warn('MapLibre glyph rasterizer not replaced: full-width opening brackets may be missing from labels');
    instance.touchZoomRotate.disableRotation();
    instance.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
    instance.on('load', () => {
      addStyleImages(instance);
      setMap(instance);
    });
    // Exposed for browser tests and debugging from the console.
    (window as unknown as { __redlineMap?: maplibregl.Map }).__redlineMap = instance;
    return () => {
      setMap(null);
      instance.remove();
    };
  }, [setMap]);
  return <div ref={container} className="map" data-testid="map" role="region" aria-label={t('map.ariaLabel')} />;
}
