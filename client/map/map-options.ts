import type maplibregl from 'maplibre-gl';
import { LOCAL_IDEOGRAPH_FONT_FAMILY, glyphRequestUrl } from './glyphs/fonts.ts';
import { hatchImage } from './style/hatch.ts';
import { HATCH_IMAGE } from './style/map-layers.ts';

/**
 * Glyph requests go to the served PBF ranges; any other range is drawn locally by MapLibre (no 404).
 * Root-relative URLs (the server's TileJSON, which never trusts the Host header) are resolved
 * against the page's origin: MapLibre's workers would not know it.
 */
const transformRequest: maplibregl.RequestTransformFunction = (url, resourceType) => {
  if (url.startsWith('/') && !url.startsWith('//')) return { url: `${window.location.origin}${url}` };
  if (resourceType !== 'Glyphs') return undefined;
  const mapped = glyphRequestUrl(url, window.location.origin);
  if (!mapped) throw new Error('glyph range not served; drawn locally');
  return { url: mapped };
};

/**
 * What every map of the app is made with — the map on screen and the report's print map — so that
 * labels (CJK drawn locally) and requests behave the same in both.
 */
export const SHARED_MAP_OPTIONS = {
  localIdeographFontFamily: LOCAL_IDEOGRAPH_FONT_FAMILY,
  transformRequest,
  // Keeps the last frame readable: map snapshots for the printable report, pixel checks in tests.
  canvasContextAttributes: { preserveDrawingBuffer: true },
} satisfies Partial<maplibregl.MapOptions>;

/** Images the style refers to but cannot carry (generated patterns); call once the style has loaded. */
export function addStyleImages(map: maplibregl.Map): void {
  if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage(2), { pixelRatio: 2 });
}
