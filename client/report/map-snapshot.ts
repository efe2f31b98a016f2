import maplibregl from 'maplibre-gl';
import { distance } from '@turf/turf';
import { bboxOf } from '../../common/geo/bbox.ts';
import { addStyleImages, SHARED_MAP_OPTIONS } from '../map/map-options.ts';
import { drawFigureLegend, figureLegend, type DescribeLayer, type FigureLegendEntry } from './figure-legend.ts';
import { drawOverviewInset } from './overview-inset.ts';
import { scaleBar } from './scale-bar.ts';

/** What a filed figure carries besides the map: a legend of what is drawn and a 位置示意图 of the district. */
export interface FigureDecor {
  describe: DescribeLayer;
  /** Entries always listed first (the site outline). */
  fixed: Pick<FigureLegendEntry, 'label' | 'symbol' | 'geometry'>[];
  legendTitle: string;
  overviewTitle: string;
  /** Outer rings of the district, or null to leave the inset out. */
  district: GeoJSON.Position[][] | null;
}

function decorate(ctx: CanvasRenderingContext2D, map: maplibregl.Map, site: GeoJSON.Geometry, decor: FigureDecor | undefined, u: number): void {
  if (!decor) return;
  drawFigureLegend(ctx, [...decor.fixed, ...figureLegend(map, decor.describe)], decor.legendTitle, u);
  if (decor.district) drawOverviewInset(ctx, decor.district, site, decor.overviewTitle, u);
}

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

/** Ground metres per CSS pixel across the middle of the view (geodesic, so right at any latitude). */
function metresPerCssPixel(map: maplibregl.Map): number {
  const { clientWidth: w, clientHeight: h } = map.getCanvas();
  const a = map.unproject([w / 2 - 50, h / 2]);
  const b = map.unproject([w / 2 + 50, h / 2]);
  return (distance([a.lng, a.lat], [b.lng, b.lat], { units: 'kilometers' }) * 1000) / 100;
}

/**
 * What every printed map figure needs and a canvas read-back lacks: a scale bar (bottom left) and a
 * north arrow (top right, turned with the bearing), drawn over the map image. `u` is the size of one
 * point of furniture in image pixels.
 */
function drawMapFurniture(ctx: CanvasRenderingContext2D, map: maplibregl.Map, u: number, devicePixelsPerCssPixel: number): void {
  const { width, height } = ctx.canvas;
  const white = 'rgba(255,255,255,0.85)';
  ctx.font = `600 ${12 * u}px "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif`;
  ctx.textBaseline = 'middle';

  // The bar's length is in map pixels; `u` (the furniture's unit) may be larger when the figure is printed smaller.
  const bar = scaleBar(metresPerCssPixel(map) / devicePixelsPerCssPixel, width * 0.25);
  if (bar) {
    const x = 14 * u;
    const y = height - 16 * u;
    const len = bar.pixels;
    const labelWidth = ctx.measureText(bar.label).width;
    ctx.fillStyle = white;
    ctx.fillRect(x - 6 * u, y - 14 * u, len + labelWidth + 22 * u, 24 * u);
    ctx.fillStyle = '#1f2933';
    ctx.fillRect(x, y, len, 3 * u);
    ctx.fillRect(x, y - 6 * u, 1.5 * u, 9 * u);
    ctx.fillRect(x + len - 1.5 * u, y - 6 * u, 1.5 * u, 9 * u);
    ctx.fillText(bar.label, x + len + 6 * u, y - 1 * u);
  }

  // North arrow: "N" over an arrowhead in a white disc, the whole turned with the map's bearing.
  ctx.save();
  ctx.translate(width - 26 * u, 28 * u);
  ctx.fillStyle = white;
  ctx.beginPath();
  ctx.arc(0, 0, 18 * u, 0, 2 * Math.PI);
  ctx.fill();
  ctx.rotate((-map.getBearing() * Math.PI) / 180);
  ctx.fillStyle = '#1f2933';
  ctx.textAlign = 'center';
  ctx.font = `700 ${10 * u}px sans-serif`;
  ctx.fillText('N', 0, -9 * u);
  ctx.beginPath();
  ctx.moveTo(0, -3 * u);
  ctx.lineTo(6 * u, 13 * u);
  ctx.lineTo(0, 9 * u);
  ctx.lineTo(-6 * u, 13 * u);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}

/** The report's figure box: the A4 text width (186 mm) by the figure's height (105 mm, report-styles.ts). */
const FIGURE_ASPECT = 186 / 105;
/** Width in CSS pixels the figure is printed at (186 mm); map furniture is drawn to read right there. */
const FIGURE_CSS_WIDTH = 700;

/** Image pixels per CSS pixel of the print map: sharp on paper, labels at their screen size in print. */
const PRINT_PIXEL_RATIO = 2;
/** The site takes about the middle half of the figure: the rest shows its surroundings. */
const SURROUNDINGS = 0.22;

function cropToFigure(
  source: HTMLCanvasElement,
  map: maplibregl.Map,
  crop: { x: number; y: number; width: number; height: number },
  ratio: number,
  furnitureUnit: number,
  extra: (ctx: CanvasRenderingContext2D) => void = () => undefined,
): string {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(crop.width * ratio);
  canvas.height = Math.round(crop.height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return source.toDataURL('image/jpeg', 0.88);
  ctx.drawImage(source, Math.round(crop.x * ratio), Math.round(crop.y * ratio), canvas.width, canvas.height, 0, 0, canvas.width, canvas.height);
  drawMapFurniture(ctx, map, furnitureUnit, ratio);
  extra(ctx);
  return canvas.toDataURL('image/jpeg', 0.88);
}

/** Terra-draw's editing handles (vertices, midpoints, snapping points) belong on screen, not on paper. */
const NOT_AN_EDITING_HANDLE: maplibregl.FilterSpecification = [
  'all',
  ['!', ['to-boolean', ['get', 'selectionPoint']]],
  ['!', ['to-boolean', ['get', 'midPoint']]],
  ['!', ['to-boolean', ['get', 'coordinatePoint']]],
];

/** The style of the map on screen, for print: the same layers and data, without editing handles. */
function printStyle(map: maplibregl.Map): maplibregl.StyleSpecification {
  const style = map.getStyle();
  return {
    ...style,
    layers: style.layers.map((layer) =>
      layer.id.startsWith('td-') && (layer.type === 'circle' || layer.type === 'symbol')
        ? { ...layer, filter: layer.filter ? (['all', layer.filter, NOT_AN_EDITING_HANDLE] as maplibregl.FilterSpecification) : NOT_AN_EDITING_HANDLE }
        : layer,
    ),
  };
}

/**
 * The figure drawn by a second, hidden map of exactly the printed size (700 × 395 CSS pixels for
 * 186 × 105 mm) at twice the pixel density, with the style of the map on screen: labels print at
 * the size they have on screen, whatever the size of the planner's window. Null if it cannot draw
 * (no WebGL context left, timeout): the caller falls back to the map on screen.
 */
async function renderPrintMap(map: maplibregl.Map, site: GeoJSON.Geometry, decor?: FigureDecor): Promise<string | null> {
  const width = FIGURE_CSS_WIDTH;
  const height = Math.round(FIGURE_CSS_WIDTH / FIGURE_ASPECT);
  const container = document.createElement('div');
  container.style.cssText = `position:fixed;left:${-width - 200}px;top:0;width:${width}px;height:${height}px;pointer-events:none`;
  container.setAttribute('aria-hidden', 'true');
  document.body.appendChild(container);
  let print: maplibregl.Map | null = null;
  try {
    const [w, s, e, n] = bboxOf(site);
    print = new maplibregl.Map({
      ...SHARED_MAP_OPTIONS,
      container,
      style: printStyle(map),
      bounds: [[w, s], [e, n]],
      fitBoundsOptions: { padding: { top: height * SURROUNDINGS, bottom: height * SURROUNDINGS, left: width * SURROUNDINGS, right: width * SURROUNDINGS }, maxZoom: 17 },
      bearing: map.getBearing(),
      pixelRatio: PRINT_PIXEL_RATIO,
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
    });
    const drawn = print;
    drawn.on('styleimagemissing', () => addStyleImages(drawn)); // the hatch, before the first frame needs it
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 10_000);
      drawn.once('load', () => {
        addStyleImages(drawn);
        drawn.once('idle', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      drawn.once('error', () => undefined); // a missing tile is drawn without, as on screen
    });
    if (!ready) return null;
    return cropToFigure(drawn.getCanvas(), drawn, { x: 0, y: 0, width, height }, PRINT_PIXEL_RATIO, PRINT_PIXEL_RATIO, (ctx) =>
      decorate(ctx, drawn, site, decor, PRINT_PIXEL_RATIO),
    );
  } catch {
    return null;
  } finally {
    print?.remove();
    container.remove();
  }
}

/**
 * The same picture from the map on screen: framed like the print map, read back from its canvas
 * (it keeps its drawing buffer), and the camera put back where the planner had it.
 */
async function snapshotScreenMap(map: maplibregl.Map, site: GeoJSON.Geometry, decor?: FigureDecor): Promise<string | null> {
  const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  try {
    const [w, s, e, n] = bboxOf(site);
    const { clientWidth, clientHeight } = map.getCanvas();
    const cropW = Math.min(clientWidth, clientHeight * FIGURE_ASPECT);
    const cropH = Math.min(clientHeight, clientWidth / FIGURE_ASPECT);
    const padX = Math.round((clientWidth - cropW) / 2 + cropW * SURROUNDINGS);
    const padY = Math.round((clientHeight - cropH) / 2 + cropH * SURROUNDINGS);
    map.fitBounds([[w, s], [e, n]], { padding: { top: padY, bottom: padY, left: padX, right: padX }, maxZoom: 17, animate: false });
    await whenIdle(map, 8000);
    const source = map.getCanvas();
    const ratio = source.width / Math.max(1, clientWidth);
    const crop = { x: (clientWidth - cropW) / 2, y: (clientHeight - cropH) / 2, width: cropW, height: cropH };
    const unit = ratio * Math.max(1, cropW / FIGURE_CSS_WIDTH);
    return cropToFigure(source, map, crop, ratio, unit, (ctx) => decorate(ctx, map, site, decor, unit));
  } catch {
    return null;
  } finally {
    map.jumpTo(camera);
  }
}

/**
 * A picture of the site and its overlaps for the report, cut to the report figure's proportions,
 * with its surroundings, a scale bar and a north arrow. JPEG keeps the request small.
 */
export async function snapshotSite(map: maplibregl.Map, site: GeoJSON.Geometry, decor?: FigureDecor): Promise<string | null> {
  return (await renderPrintMap(map, site, decor)) ?? snapshotScreenMap(map, site, decor);
}
