import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { useCatalog } from '../layers/CatalogProvider.tsx';
import { BASEMAPS } from './basemaps.ts';
import { addLayerToMap, applyLanguage, applyOpacity, applyVisibility } from './add-layer.ts';
import { storeLayerFeatures } from './feature-store.ts';
import { loadLayerSource } from './layer-source.ts';
import { setLayerStatus } from './layer-status.ts';
import { useMap } from './MapContext.tsx';
import { forcedTileLayers } from './source-rule.ts';
import { styleOf } from './style/hint-style.ts';
import type { SourceRef } from './style/map-layers.ts';

interface OnMap {
  ref: SourceRef;
  opacity: number;
  language: string;
}

/**
 * Keeps the map in step with the catalog and the view state. A layer's data is fetched the first
 * time it is switched on (hidden layers cost nothing), then only visibility and opacity change.
 */
export function OperationalLayers() {
  const map = useMap();
  const { catalog } = useCatalog();
  const { state } = useViewState();
  const { i18n } = useTranslation();
  const language = i18n.language;
  const onMap = useRef(new Map<string, OnMap>());
  const requested = useRef(new Set<string>());
  const abort = useRef(new AbortController());
  const online = BASEMAPS.find((b) => b.id === state.basemap)?.online ?? false;

  // A new map (or a remount) starts from nothing; pending loads for the old one are dropped.
  useEffect(() => {
    abort.current = new AbortController();
    const controller = abort.current;
    return () => {
      controller.abort();
      requested.current.clear();
      onMap.current.clear();
    };
  }, [map]);

  // Load what became visible for the first time.
  useEffect(() => {
    if (!map) return;
    const forced = forcedTileLayers(window.location.search);
    const signal = abort.current.signal;
    for (const layer of catalog.layers) {
      if (!state.visible.has(layer.id) || requested.current.has(layer.id)) continue;
      requested.current.add(layer.id);
      setLayerStatus(layer.id, { state: 'loading' });
      loadLayerSource(layer, forced, signal)
        .then(({ source, full }) => {
          if (signal.aborted) return;
          if (full) storeLayerFeatures(layer.id, full);
          const opacity = state.opacity[layer.id] ?? 1;
          const ref = addLayerToMap(map, layer, source, opacity, language);
          onMap.current.set(layer.id, { ref, opacity, language });
          setLayerStatus(layer.id, { state: 'loaded', kind: source.kind });
          // The visibility effect below may have run while this layer was loading.
          window.dispatchEvent(new CustomEvent('redline:layer-added', { detail: layer.id }));
        })
        .catch((e: unknown) => {
          if (signal.aborted) return;
          requested.current.delete(layer.id);
          setLayerStatus(layer.id, { state: 'error', message: String((e as Error)?.message ?? e) });
        });
    }
    // Opacity and language are read when a layer arrives; later changes go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, catalog.layers, state.visible]);

  // Visibility, opacity and label language of what is on the map.
  useEffect(() => {
    if (!map) return;
    const apply = () => {
      for (const layer of catalog.layers) {
        const entry = onMap.current.get(layer.id);
        if (!entry) continue;
        const style = styleOf(layer);
        const hiddenByBasemap = online && style.underOnlineBasemap === 'hide';
        applyVisibility(map, layer.id, state.visible.has(layer.id) && !hiddenByBasemap, online && style.underOnlineBasemap === 'hide-fill');
        const opacity = state.opacity[layer.id] ?? 1;
        if (opacity !== entry.opacity) {
          applyOpacity(map, style, entry.ref, opacity);
          entry.opacity = opacity;
        }
        if (entry.language !== language) {
          applyLanguage(map, style, language);
          entry.language = language;
        }
      }
    };
    apply();
    window.addEventListener('redline:layer-added', apply);
    return () => window.removeEventListener('redline:layer-added', apply);
  }, [map, catalog.layers, state.visible, state.opacity, online, language]);

  return null;
}
