import { isBasemapId, type BasemapId } from '../map/basemaps.ts';
import { DEFAULT_VISIBLE } from '../map/style/layer-styles.ts';
import type { Permalink } from '../map/permalink.ts';

/** What the user has chosen to see: the part of the view that is not the camera. */
export interface ViewState {
  visible: ReadonlySet<string>;
  /** 0–1 per layer id; missing = 1. */
  opacity: Readonly<Record<string, number>>;
  basemap: BasemapId;
  tiandituKey: string;
}

export type ViewAction =
  | { type: 'toggle-layer'; layerId: string; visible?: boolean }
  | { type: 'set-layers-visible'; layerIds: string[]; visible: boolean }
  | { type: 'set-opacity'; layerId: string; opacity: number }
  | { type: 'set-basemap'; basemap: BasemapId }
  | { type: 'set-tianditu-key'; key: string };

export function initialViewState(link: Permalink, storedTiandituKey: string): ViewState {
  const basemap = isBasemapId(link.basemap) ? link.basemap : 'offline';
  return {
    visible: new Set(link.layers ?? DEFAULT_VISIBLE),
    opacity: {},
    // An online basemap from a shared link still needs a key here; without one stay offline.
    basemap: basemap.startsWith('tianditu') && !storedTiandituKey ? 'offline' : basemap,
    tiandituKey: storedTiandituKey,
  };
}

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'toggle-layer': {
      const visible = new Set(state.visible);
      const show = action.visible ?? !visible.has(action.layerId);
      if (show) visible.add(action.layerId);
      else visible.delete(action.layerId);
      return { ...state, visible };
    }
    case 'set-layers-visible': {
      const visible = new Set(state.visible);
      for (const id of action.layerIds) {
        if (action.visible) visible.add(id);
        else visible.delete(id);
      }
      return { ...state, visible };
    }
    case 'set-opacity':
      return { ...state, opacity: { ...state.opacity, [action.layerId]: Math.max(0, Math.min(1, action.opacity)) } };
    case 'set-basemap':
      return { ...state, basemap: action.basemap };
    case 'set-tianditu-key':
      return { ...state, tiandituKey: action.key.trim() };
  }
}
