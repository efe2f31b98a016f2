import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

/**
 * Basemaps. The default is offline: a background plus the project's own base layers (district and
 * township outlines, other Guiyang districts, rivers, reservoirs, place names), drawn by the layer
 * styles. The online ones are raster tiles requested only after the user picks them.
 * 天地图 (Tianditu) serves CGCS2000 ≈ WGS84 data in Web Mercator tiles ("_w" matrix set): no offset,
 * unlike GCJ-02 commercial maps. It needs a key (tk) from https://console.tianditu.gov.cn.
 */
export type BasemapId = 'offline' | 'tianditu-vec' | 'tianditu-img' | 'osm';

export interface Basemap {
  id: BasemapId;
  /** i18n key of the name. */
  labelKey: string;
  online: boolean;
  needsTiandituKey: boolean;
  attribution?: string;
}

export const BASEMAPS: Basemap[] = [
  { id: 'offline', labelKey: 'basemap.offline', online: false, needsTiandituKey: false },
  { id: 'tianditu-vec', labelKey: 'basemap.tiandituVec', online: true, needsTiandituKey: true, attribution: '© 天地图 国家地理信息公共服务平台' },
  { id: 'tianditu-img', labelKey: 'basemap.tiandituImg', online: true, needsTiandituKey: true, attribution: '© 天地图 国家地理信息公共服务平台' },
  { id: 'osm', labelKey: 'basemap.osm', online: true, needsTiandituKey: false, attribution: '© OpenStreetMap contributors' },
];

export const isBasemapId = (id: string | undefined): id is BasemapId => BASEMAPS.some((b) => b.id === id);

/** One 天地图 WMTS layer (vec = vector, cva = its annotation, img = imagery, cia = its annotation). */
function tiandituTiles(layer: 'vec' | 'cva' | 'img' | 'cia', key: string): string[] {
  const k = encodeURIComponent(key);
  return [0, 1, 2, 3, 4, 5, 6, 7].map(
    (n) =>
      `https://t${n}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
      `&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${k}`,
  );
}

export interface OnlineBasemapStyle {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

/** 天地图 tiles with the user's own key (where allowed), else through the server's proxy (its TIANDITU_KEY), else none. */
function tiandituSource(layer: 'vec' | 'cva' | 'img' | 'cia', key: string, serverTiles: string | null, allowed: OnlineAllowed): string[] {
  if (key && allowed.includes('tianditu')) return tiandituTiles(layer, key);
  return serverTiles ? [serverTiles.replace('{layer}', layer)] : [];
}

/**
 * Online basemaps the server lets the browser load directly (its ONLINE_BASEMAPS, which its Content
 * Security Policy follows): 'osm', 'tianditu'. Anything else would be blocked by the browser anyway.
 */
export type OnlineAllowed = readonly string[];

/** Whether 天地图 can be shown: through the server's proxy (its key), or the user's key where the server allows 天地图. */
export const tiandituAvailable = (key: string, serverTiles: string | null, allowed: OnlineAllowed) =>
  Boolean(serverTiles || (key && allowed.includes('tianditu')));

/** Whether a basemap can be chosen on this server, and if not, why (an i18n key). */
export function basemapBlocked(b: Basemap, key: string, serverTiles: string | null, allowed: OnlineAllowed): string | null {
  if (!b.online) return null;
  if (b.needsTiandituKey) {
    if (tiandituAvailable(key, serverTiles, allowed)) return null;
    return allowed.includes('tianditu') ? 'basemap.needsKey' : 'basemap.notOffered';
  }
  return allowed.includes(b.id) ? null : 'basemap.notOffered';
}

/** Sources and raster layers of an online basemap; ids start with `basemap:` so they can be removed together. */
export function onlineBasemapStyle(id: BasemapId, tiandituKey: string, serverTiles: string | null, allowed: OnlineAllowed): OnlineBasemapStyle | null {
  const raster = (name: string, tiles: string[], attribution: string, maxzoom = 18) => ({
    source: { type: 'raster', tiles, tileSize: 256, maxzoom, attribution } as SourceSpecification,
    layer: { id: `basemap:${name}`, type: 'raster', source: `basemap:${name}` } as LayerSpecification,
  });
  const parts =
    id === 'osm'
      ? !allowed.includes('osm')
        ? []
        : [raster('osm', ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], '© OpenStreetMap contributors', 19)]
      : !tiandituAvailable(tiandituKey, serverTiles, allowed)
        ? []
        : id === 'tianditu-vec'
          ? [raster('vec', tiandituSource('vec', tiandituKey, serverTiles, allowed), '© 天地图'), raster('cva', tiandituSource('cva', tiandituKey, serverTiles, allowed), '© 天地图')]
          : id === 'tianditu-img'
            ? [raster('img', tiandituSource('img', tiandituKey, serverTiles, allowed), '© 天地图'), raster('cia', tiandituSource('cia', tiandituKey, serverTiles, allowed), '© 天地图')]
            : [];
  if (parts.length === 0) return null;
  return {
    sources: Object.fromEntries(parts.map((p) => [p.layer.id, p.source])),
    layers: parts.map((p) => p.layer),
  };
}
