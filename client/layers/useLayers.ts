import { useCallback, useMemo } from 'react';
import { useViewState } from '../app/ViewStateProvider.tsx';
import { useLayerStatuses, type LayerLoadState } from '../map/layer-status.ts';
import { styleOf } from '../map/style/hint-style.ts';
import type { LayerStyle } from '../map/style/style-types.ts';
import { useCatalog, type CatalogState } from './CatalogProvider.tsx';
import { groupRank, type LayerInfo } from './layer-info.ts';

export interface LayerEntry {
  info: LayerInfo;
  style: LayerStyle;
  visible: boolean;
  opacity: number;
  load?: LayerLoadState;
}

export interface LayerGroup {
  id: string;
  layers: LayerEntry[];
}

/** The layer tree's model: catalog + what is visible + load states, grouped, with the actions. */
export function useLayers() {
  const { catalog, reload } = useCatalog();
  const { state, dispatch } = useViewState();
  const statuses = useLayerStatuses();
  const groups = useMemo<LayerGroup[]>(() => {
    const byGroup = new Map<string, LayerEntry[]>();
    const sorted = [...catalog.layers].sort((a, b) => groupRank(a.group) - groupRank(b.group) || a.legendOrder - b.legendOrder);
    for (const info of sorted) {
      const entry: LayerEntry = { info, style: styleOf(info), visible: state.visible.has(info.id), opacity: state.opacity[info.id] ?? 1, load: statuses[info.id] };
      byGroup.set(info.group, [...(byGroup.get(info.group) ?? []), entry]);
    }
    return [...byGroup].map(([id, layers]) => ({ id, layers }));
  }, [catalog.layers, state.visible, state.opacity, statuses]);

  const toggle = useCallback((layerId: string, visible?: boolean) => dispatch({ type: 'toggle-layer', layerId, visible }), [dispatch]);
  const setGroupVisible = useCallback(
    (group: LayerGroup, visible: boolean) => dispatch({ type: 'set-layers-visible', layerIds: group.layers.map((l) => l.info.id), visible }),
    [dispatch],
  );
  const setOpacity = useCallback((layerId: string, opacity: number) => dispatch({ type: 'set-opacity', layerId, opacity }), [dispatch]);
  return { catalog: catalog as CatalogState, groups, toggle, setGroupVisible, setOpacity, reload };
}
