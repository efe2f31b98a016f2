import { useEffect, useState } from 'react';

/**
 * What the server offers for basemaps: GET /api/config/basemaps (issue 18) says whether it has a
 * 天地图 key (TIANDITU_KEY) and where its tile proxy is — the key itself never reaches the browser.
 * A server without the endpoint (or without a key) offers nothing: the user's own key still works.
 */
export interface ServerBasemaps {
  /** Proxy tile template with {layer} (vec, cva, img, cia), {z}, {x}, {y}; null without a server key. */
  tiandituTiles: string | null;
  /** Online basemaps the browser may load directly ('osm', 'tianditu'): the server's ONLINE_BASEMAPS. */
  online: string[];
}

const NONE: ServerBasemaps = { tiandituTiles: null, online: [] };
let request: Promise<ServerBasemaps> | null = null;

const listeners = new Set<() => void>();

/** Asks the server again (after an administrator changed its 天地图 key): every hook re-reads. */
export function refreshServerBasemaps(): void {
  request = null;
  for (const l of listeners) l();
}

function fetchServerBasemaps(): Promise<ServerBasemaps> {
  request ??= fetch('/api/config/basemaps', { headers: { Accept: 'application/json' } })
    .then(async (res) => {
      if (!res.ok) return NONE;
      const body = (await res.json()) as { tianditu?: { serverKey?: boolean; tiles?: string | null }; online?: unknown };
      const online = Array.isArray(body.online) ? body.online.filter((x): x is string => typeof x === 'string') : [];
      const tiles = body.tianditu?.serverKey && typeof body.tianditu.tiles === 'string' ? body.tianditu.tiles : null;
      // MapLibre requests tiles from absolute URLs.
      return {
        online,
        tiandituTiles: tiles ? new URL(tiles.replace(/\{(layer|z|x|y)\}/g, '__$1__'), window.location.origin).href.replace(/__(layer|z|x|y)__/g, '{$1}') : null,
      };
    })
    .catch(() => NONE);
  return request;
}

export function useServerBasemaps(): ServerBasemaps {
  const [value, setValue] = useState<ServerBasemaps>(NONE);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const bump = () => setGeneration((g) => g + 1);
    listeners.add(bump);
    return () => {
      listeners.delete(bump);
    };
  }, []);
  useEffect(() => {
    let live = true;
    void fetchServerBasemaps().then((v) => live && setValue(v));
    return () => {
      live = false;
    };
  }, [generation]);
  return value;
}
