import { useSyncExternalStore } from 'react';

/** Load state of each layer's data on the map, for the layer tree (spinner, error, "tiles" note). */
export type LayerLoadState = { state: 'loading' } | { state: 'loaded'; kind: 'geojson' | 'tiles' } | { state: 'error'; message: string };

let statuses: Readonly<Record<string, LayerLoadState>> = {};
const listeners = new Set<() => void>();

export function setLayerStatus(layerId: string, status: LayerLoadState): void {
  statuses = { ...statuses, [layerId]: status };
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLayerStatuses(): Readonly<Record<string, LayerLoadState>> {
  return useSyncExternalStore(subscribe, () => statuses);
}
