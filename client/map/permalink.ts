/**
 * The permalink: the URL hash holds the view, so a copied URL opens the same map.
 *   #map=<zoom>/<lat>/<lon>&base=<basemap id>&layers=<id>,<id>,…
 * Lat/lon with 5 decimals (≈1 m), zoom with 2. `layers=` (empty) means "no layers"; a missing
 * `layers` means "the default set".
 */
export interface Permalink {
  center?: [number, number];
  zoom?: number;
  basemap?: string;
  layers?: string[];
}

const LAYER_ID = /^[a-z][a-z0-9_]{0,62}$/;

export function parsePermalink(hash: string): Permalink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const out: Permalink = {};
  const map = params.get('map')?.split('/').map(Number);
  if (map && map.length === 3 && map.every(Number.isFinite)) {
    const [zoom, lat, lon] = map;
    if (zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180) {
      out.zoom = zoom;
      out.center = [lon, lat];
    }
  }
  const base = params.get('base');
  if (base && /^[a-z0-9_-]{1,40}$/.test(base)) out.basemap = base;
  const layers = params.get('layers');
  if (layers !== null) out.layers = layers.split(',').filter((id) => LAYER_ID.test(id));
  return out;
}

export function formatPermalink({ center, zoom, basemap, layers }: Required<Permalink>): string {
  const parts = [`map=${zoom.toFixed(2)}/${center[1].toFixed(5)}/${center[0].toFixed(5)}`, `base=${basemap}`, `layers=${layers.join(',')}`];
  return `#${parts.join('&')}`;
}

/**
 * The `layers=` of the view: the visible layers of the catalog, in catalog order so equal views
 * give equal URLs. Anything else in the view state (a layer since removed, an id from an old link)
 * is not a layer of this map and stays out. Until a catalog has arrived (`catalogIds` null) the
 * visible ids are kept as they are, sorted, so a shared link survives the first render.
 */
export function permalinkLayers(visible: ReadonlySet<string>, catalogIds: readonly string[] | null): string[] {
  if (!catalogIds) return [...visible].sort();
  return catalogIds.filter((id) => visible.has(id));
}
