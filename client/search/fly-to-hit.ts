import type maplibregl from 'maplibre-gl';
import type { SearchHit } from './search-api.ts';

/** Frames a search hit: its extent with some margin, or zoom 15 around a point or a tiny feature. */
export function flyToHit(map: maplibregl.Map, hit: SearchHit): void {
  const [w, s, e, n] = hit.bbox;
  const tiny = e - w < 0.002 && n - s < 0.002;
  if (tiny) {
    map.flyTo({ center: hit.centroid, zoom: Math.max(map.getZoom(), 15), duration: 1200 });
  } else {
    map.fitBounds([[w, s], [e, n]], { padding: 60, maxZoom: 16, duration: 1200 });
  }
}
