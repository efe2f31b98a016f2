import { useEffect } from 'react';
import type maplibregl from 'maplibre-gl';
import { dataLayerOf } from './draw-order.ts';
import { getInteractionMode } from './interaction-mode.ts';
import { useMap } from './MapContext.tsx';

type Target = { source: string; sourceLayer?: string; id: string | number };

/** Layers never highlighted: context and land areas would light up the whole screen. */
const NOT_HOVERABLE = new Set(['guiyang_districts', 'admin_boundary']);

/** Highlights the topmost feature under the cursor (feature-state `hover`) and shows a pointer. */
export function HoverHighlight() {
  const map = useMap();
  useEffect(() => {
    if (!map) return;
    let current: Target | null = null;
    const clear = () => {
      if (current && map.getSource(current.source)) map.setFeatureState(current, { hover: false });
      current = null;
    };
    const onMove = (e: maplibregl.MapMouseEvent) => {
      if (getInteractionMode() !== 'identify') {
        clear();
        return;
      }
      const layers = map
        .getStyle()
        .layers.filter((l) => {
          const id = dataLayerOf(l);
          return id && !NOT_HOVERABLE.has(id) && l.type !== 'symbol' && l.layout?.visibility !== 'none';
        })
        .map((l) => l.id);
      const hit = map.queryRenderedFeatures(e.point, { layers })[0];
      const next: Target | null = hit && hit.id !== undefined ? { source: hit.source, sourceLayer: hit.sourceLayer, id: hit.id } : null;
      if (next && current && next.source === current.source && next.id === current.id) return;
      clear();
      if (next) {
        map.setFeatureState(next, { hover: true });
        current = next;
      }
      map.getCanvas().style.cursor = next ? 'pointer' : '';
    };
    const onLeave = () => {
      clear();
      map.getCanvas().style.cursor = '';
    };
    map.on('mousemove', onMove);
    map.on('mouseout', onLeave);
    return () => {
      map.off('mousemove', onMove);
      map.off('mouseout', onLeave);
      clear();
    };
  }, [map]);
  return null;
}
