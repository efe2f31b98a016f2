import { nearestPointOnLine, lineString } from '@turf/turf';
import type maplibregl from 'maplibre-gl';
import type { Position } from 'geojson';
import type { SnapToCustom, TerraDrawMouseEvent } from 'terra-draw';

/** How close (px) the pointer must come to a control-layer edge to snap onto it. */
const SNAP_PX = 10;

/** The map viewer names each layer's main source `src:<layerId>` (labels and centre lines add a part). */
const isControlSource = (source: string) => /^src:[a-z][a-z0-9_]*$/.test(source);

function edgesOf(geometry: GeoJSON.Geometry): Position[][] {
  switch (geometry.type) {
    case 'LineString': return [geometry.coordinates];
    case 'MultiLineString': case 'Polygon': return geometry.coordinates;
    case 'MultiPolygon': return geometry.coordinates.flat();
    default: return [];
  }
}

/**
 * Optional snapping of new and dragged vertices onto the edges of the control layers drawn on the
 * map (within 10 px), so a site can follow a red-line boundary exactly. Reads the rendered
 * features under the pointer; vector tiles are clipped at tile borders, so near a tile border an
 * edge can be the tile's and not the zone's (GeoJSON-loaded layers are unaffected).
 */
export function controlEdgeSnapping(map: maplibregl.Map, enabled: () => boolean): SnapToCustom {
  return (event: TerraDrawMouseEvent) => {
    if (!enabled()) return undefined;
    const { containerX: x, containerY: y } = event;
    const rendered = map.queryRenderedFeatures([[x - SNAP_PX, y - SNAP_PX], [x + SNAP_PX, y + SNAP_PX]]);
    let best: { position: Position; px: number } | undefined;
    for (const feature of rendered) {
      if (!isControlSource(feature.source)) continue;
      for (const edge of edgesOf(feature.geometry)) {
        if (edge.length < 2) continue;
        const nearest = nearestPointOnLine(lineString(edge), [event.lng, event.lat]);
        const position = nearest.geometry.coordinates;
        const p = map.project([position[0], position[1]]);
        const px = Math.hypot(p.x - x, p.y - y);
        if (px <= SNAP_PX && (!best || px < best.px)) best = { position, px };
      }
    }
    return best?.position;
  };
}
