import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { Config, OnlineBasemap } from '../config.ts';

/** Tile hosts of the opt-in online basemaps (client/map/basemaps.ts), named one by one: no wildcard hosts. */
const BASEMAP_HOSTS: Record<OnlineBasemap, string[]> = {
  tianditu: Array.from({ length: 8 }, (_, n) => `https://t${n}.tianditu.gov.cn`),
  osm: ['https://tile.openstreetmap.org'],
};

/** The hosts images and fetches may come from besides the app itself: none unless a basemap is configured. */
function basemapHosts(basemaps: readonly OnlineBasemap[]): string[] {
  return basemaps.flatMap((b) => BASEMAP_HOSTS[b]);
}

/**
 * helmet's headers with a Content-Security-Policy that names every origin: the app's own, blob:
 * and data: (MapLibre workers and images), and the tile hosts of configured online basemaps only.
 */
export function securityHeaders(config: Pick<Config, 'onlineBasemaps'>): RequestHandler {
  const online = basemapHosts(config.onlineBasemaps);
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'worker-src': ["'self'", 'blob:'],
        'child-src': ["'self'", 'blob:'],
        'img-src': ["'self'", 'data:', 'blob:', ...online],
        'connect-src': ["'self'", ...online],
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // Served on loopback or behind a TLS proxy that sets its own HSTS (docs/security.md).
    strictTransportSecurity: false,
  });
}
