import { useEffect } from 'react';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { useCatalog } from '../layers/CatalogProvider.tsx';
import { useMap } from './MapContext.tsx';
import { formatPermalink, permalinkLayers } from './permalink.ts';

/**
 * Writes the view (centre, zoom, basemap, visible layers) into the URL hash as it changes, without
 * adding history entries; a hash edited by hand reloads the page to restore that view.
 */
export function PermalinkSync() {
  const map = useMap();
  const { state } = useViewState();
  const { catalog } = useCatalog();
  useEffect(() => {
    if (!map) return;
    const layers = permalinkLayers(state.visible, catalog.layers.length > 0 ? catalog.layers.map((l) => l.id) : null);
    const write = () => {
      const { lng, lat } = map.getCenter();
      const hash = formatPermalink({ center: [lng, lat], zoom: map.getZoom(), basemap: state.basemap, layers });
      if (hash !== window.location.hash) window.history.replaceState(window.history.state, '', hash);
    };
    write();
    map.on('moveend', write);
    return () => {
      map.off('moveend', write);
    };
  }, [map, state.visible, state.basemap, catalog.layers]);

  useEffect(() => {
    // Only a view link reloads; a hash another feature uses is left alone.
    const onHashChange = () => {
      if (/(^#|&)map=/.test(window.location.hash)) window.location.reload();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return null;
}
