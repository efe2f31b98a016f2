import type maplibregl from 'maplibre-gl';
import { drawRank } from '../map/draw-order.ts';
import { HATCH } from '../map/style/palette.ts';
import { drawFigurePanel, figureFont } from './figure-panel.ts';
import type { GeometryKind, Symbol } from '../map/style/style-types.ts';

/** One line of the printed figure's legend: the symbol as the map draws it, and its name. */
export interface FigureLegendEntry {
  key: string;
  label: string;
  symbol: Symbol;
  geometry: GeometryKind;
  rank: number;
}

/** How to name and draw a layer's level: from the catalog and the layer styles (the caller knows both). */
export type DescribeLayer = (layerId: string, level: string | null) => Omit<FigureLegendEntry, 'key' | 'rank'> | null;

/** Context layers (district, townships, place names…) are the base map, not what the figure is about. */
const CONTEXT_LAYERS = new Set(['admin_boundary', 'guiyang_districts', 'place', 'river', 'reservoir']);
const MAX_ENTRIES = 9;

/**
 * The layers (and levels) actually drawn in the figure, topmost first: read from the rendered
 * features, so the legend lists what the reader sees and nothing else.
 */
export function figureLegend(map: maplibregl.Map, describe: DescribeLayer): FigureLegendEntry[] {
  const entries = new Map<string, FigureLegendEntry>();
  for (const f of map.queryRenderedFeatures()) {
    const layerId = (f.layer.metadata as { layerId?: string } | undefined)?.layerId;
    if (!layerId || CONTEXT_LAYERS.has(layerId)) continue;
    const level = typeof f.properties?.level === 'string' ? f.properties.level : null;
    const key = `${layerId}/${level ?? ''}`;
    if (entries.has(key)) continue;
    const described = describe(layerId, level);
    if (described) entries.set(key, { ...described, key, rank: drawRank(layerId) });
  }
  return [...entries.values()].sort((a, b) => b.rank - a.rank || a.label.localeCompare(b.label)).slice(0, MAX_ENTRIES);
}

function swatch(ctx: CanvasRenderingContext2D, e: Pick<FigureLegendEntry, 'symbol' | 'geometry'>, x: number, y: number, w: number, h: number, u: number): void {
  const s = e.symbol;
  ctx.save();
  if (e.geometry === 'line') {
    ctx.strokeStyle = s.line ?? '#333';
    ctx.lineWidth = Math.max(1.5, Math.min(s.lineWidth ?? 1, 3)) * u;
    ctx.setLineDash((s.dash ?? []).map((d) => d * ctx.lineWidth));
    ctx.beginPath();
    ctx.moveTo(x, y + h / 2);
    ctx.lineTo(x + w, y + h / 2);
    ctx.stroke();
  } else if (e.geometry === 'point' && s.circle) {
    ctx.fillStyle = s.circle.color;
    ctx.beginPath();
    ctx.arc(x + w / 2, y + h / 2, (s.circle.radius + 1) * u, 0, 2 * Math.PI);
    ctx.fill();
  } else {
    if (s.fill) {
      ctx.globalAlpha = s.fillOpacity ?? 0.4;
      ctx.fillStyle = s.fill;
      ctx.fillRect(x, y, w, h);
      ctx.globalAlpha = 1;
    }
    if (s.hatch) {
      // The red-line hatch: diagonals at the map pattern's spacing, clipped to the swatch.
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y, w, h);
      ctx.clip();
      ctx.strokeStyle = HATCH.color;
      ctx.lineWidth = HATCH.lineWidth * u;
      ctx.beginPath();
      for (let d = -h; d < w + h; d += HATCH.size * u) {
        ctx.moveTo(x + d, y + h);
        ctx.lineTo(x + d + h, y);
      }
      ctx.stroke();
      ctx.restore();
    }
    if (s.line) {
      ctx.strokeStyle = s.line;
      ctx.lineWidth = Math.min(s.lineWidth ?? 1, 2.5) * u;
      ctx.setLineDash((s.dash ?? []).map((d) => d * ctx.lineWidth));
      ctx.strokeRect(x, y, w, h);
    }
  }
  ctx.restore();
}

/** The legend box in the figure's bottom-right corner (the scale bar holds the bottom left). */
export function drawFigureLegend(ctx: CanvasRenderingContext2D, entries: readonly Pick<FigureLegendEntry, 'label' | 'symbol' | 'geometry'>[], title: string, u: number): void {
  if (entries.length === 0) return;
  const font = (weight: number) => figureFont(weight, u);
  ctx.save();
  ctx.font = font(400);
  const lineH = 14 * u;
  const sw = 20 * u;
  const textW = Math.max(...entries.map((e) => ctx.measureText(e.label).width), (ctx.font = font(700), ctx.measureText(title).width));
  const boxW = 6 * u + sw + 5 * u + textW + 6 * u;
  const boxH = 6 * u + lineH * (entries.length + 1) + 2 * u;
  const x = ctx.canvas.width - boxW - 8 * u;
  const y = ctx.canvas.height - boxH - 8 * u;
  drawFigurePanel(ctx, { x, y, w: boxW, h: boxH }, title, lineH, u);
  ctx.textBaseline = 'middle';
  ctx.font = font(400);
  entries.forEach((e, i) => {
    const rowY = y + 3 * u + lineH * (i + 1);
    swatch(ctx, e, x + 6 * u, rowY + 3 * u, sw, lineH - 6 * u, u);
    ctx.fillStyle = '#1f2933';
    ctx.fillText(e.label, x + 6 * u + sw + 5 * u, rowY + lineH / 2);
  });
  ctx.restore();
}
