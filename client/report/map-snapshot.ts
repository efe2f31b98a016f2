import type maplibregl from 'maplibre-gl';
import { bbox } from '@turf/turf';

function whenIdle(map: maplibregl.Map, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    function done() {
      clearTimeout(timer);
      map.off('idle', done);
      resolve();
    }
    map.once('idle', done);
    map.triggerRepaint();
  });
}

/**
 * A picture of the site and its overlaps for the report: frames the site, waits for the map to
 * finish drawing, reads the canvas (the map keeps its drawing buffer for this), and puts the
 * camera back where the planner had it. JPEG keeps the request small.
 */
export async function snapshotSite(map: maplibregl.Map, site: GeoJSON.Geometry): Promise<string | null> {
  const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  try {
    const [w, s, e, n] = bbox(site);
    map.fitBounds([[w, s], [e, n]], { padding: 80, maxZoom: 17, animate: false });
    await whenIdle(map, 8000);
    return map.getCanvas().toDataURL('image/jpeg', 0.88);
  } catch {
    return null;
  } finally {
    map.jumpTo(camera);
  }
}
