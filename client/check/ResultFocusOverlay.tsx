import { useEffect, useMemo, useRef, useState } from 'react';
import type maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { useMapOverlay, type OverlayLayer } from '../draw/useMapOverlay.ts';
import { FOCUS_COLOUR } from '../map/style/conflict.ts';
import { framePadding } from '../map/view.ts';
import type { CheckResult } from '../../common/api/check-result.ts';
import { focusedLayerId, focusWindow, frameOf, type ResultFocus } from './result-focus.ts';

const FOCUS_LAYERS: OverlayLayer[] = [
  { id: 'site-focus-casing', type: 'line', paint: { 'line-color': '#ffffff', 'line-width': 7, 'line-opacity': 0.9 } },
  { id: 'site-focus-line', type: 'line', paint: { 'line-color': FOCUS_COLOUR, 'line-width': 3.5 } },
];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The features of a result row, of the layer version the check used, near the site. */
async function rowFeatures(result: CheckResult, layerId: string, signal: AbortSignal): Promise<GeoJSON.Feature[]> {
  const row = result.results.find((r) => r.layerId === layerId);
  if (!row || row.features.length === 0) return [];
  const keys = new Set(row.features.map((f) => f.id));
  const version = result.layerVersions[layerId];
  const params = new URLSearchParams({ bbox: focusWindow(result, row).map((n) => n.toFixed(7)).join(',') });
  if (version) params.set('version', String(version));
  const res = await fetch(`/api/layers/${encodeURIComponent(layerId)}/features?${params}`, { signal });
  if (!res.ok) return [];
  const collection = (await res.json()) as FeatureCollection;
  return collection.features.filter((f) => keys.has(String(f.id)));
}

/**
 * The map side of a result row in focus: the conflicting features outlined in the selection
 * colour (fetched in the layer version the check used, so a tiled or hidden layer shows as well),
 * and, when the row was clicked, its layer switched on and the map framed on the site, the overlap
 * and the features near it.
 */
export function ResultFocusOverlay({ map, result, focus }: { map: maplibregl.Map | null; result: CheckResult | null; focus: ResultFocus }) {
  const { dispatch } = useViewState();
  const layerId = focusedLayerId(focus);
  const [shown, setShown] = useState<{ layerId: string; result: CheckResult; features: GeoJSON.Feature[] } | null>(null);
  const cache = useRef(new Map<string, GeoJSON.Feature[]>());
  useEffect(() => cache.current.clear(), [result]);

  useEffect(() => {
    if (!result || !layerId) return setShown(null);
    const cached = cache.current.get(layerId);
    if (cached) return setShown({ layerId, result, features: cached });
    const controller = new AbortController();
    rowFeatures(result, layerId, controller.signal).then(
      (features) => {
        cache.current.set(layerId, features);
        setShown({ layerId, result, features });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [result, layerId]);

  // A click: the row's layer on, the map on what the row is about (once its features are known).
  const framed = useRef<number | null>(null);
  const pinned = focus.pinned;
  useEffect(() => {
    if (!pinned || !result) return;
    dispatch({ type: 'set-layers-visible', layerIds: [pinned.layerId], visible: true });
  }, [pinned?.seq]);
  useEffect(() => {
    if (!map || !pinned || !result || framed.current === pinned.seq) return;
    if (shown?.layerId !== pinned.layerId || shown.result !== result) return;
    const row = result.results.find((r) => r.layerId === pinned.layerId);
    if (!row) return;
    framed.current = pinned.seq;
    map.fitBounds(frameOf(result, row, shown.features), { padding: framePadding(40), maxZoom: 17, duration: 600 });
  }, [map, pinned?.seq, shown, result]);

  const data = useMemo<FeatureCollection>(
    () => (shown && shown.layerId === layerId && shown.result === result ? { type: 'FeatureCollection', features: shown.features.map((f) => ({ ...f, properties: { layerId, key: f.id } })) } : EMPTY),
    [shown, layerId, result],
  );
  useMapOverlay(map, 'site-focus', data, FOCUS_LAYERS);
  return null;
}
