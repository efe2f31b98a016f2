import type { LayerSpecification, FilterSpecification } from 'maplibre-gl';
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { BOLD, REGULAR } from '../glyphs/fonts.ts';
import type { LayerStyle, StyleClass, Symbol } from './style-types.ts';

/** Where a layer's features come from: a GeoJSON source, or a vector tile source and its source-layer. */
export interface SourceRef {
  source: string;
  sourceLayer?: string;
  /** GeoJSON point source with one label point per feature (polygon labels are not repeated per tile). */
  labelSource?: string;
  /** GeoJSON line source with corridor centre lines. */
  centerlineSource?: string;
}

export const HATCH_IMAGE = 'redline-hatch';
const NO_COLOR = 'rgba(0,0,0,0)';
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const level: ExpressionSpecification = ['coalesce', ['get', 'level'], ''];

/** The map layer id of one part of a layer (fill, line-0, label, …): `op:<layerId>:<part>`. */
export const mapLayerId = (layerId: string, part: string) => `op:${layerId}:${part}`;

/**
 * The label text: the Chinese name, or in English the English name where the data has one (vector
 * tiles carry only `name`). Corridors add their width.
 */
export function labelText(style: LayerStyle, language: string): ExpressionSpecification {
  const zh = language.startsWith('zh');
  const name: ExpressionSpecification = zh ? ['get', 'name'] : ['coalesce', ['get', 'nameEn'], ['get', 'name']];
  if (!style.label?.withWidth) return name;
  const width: ExpressionSpecification = ['to-string', ['get', 'widthM']];
  return ['case', ['to-boolean', ['get', 'widthM']], ['concat', name, zh ? '（宽 ' : ' (', width, zh ? ' m）' : ' m wide)'], name];
}

/** Widths grow with zoom: 1× at zoom 10, 2× at zoom 17. */
function zoomScaled(base: ExpressionSpecification | number): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], 8, ['*', base, 0.7], 10, base, 17, ['*', base, 2]];
}

/** `match` on the feature's level over the classes; the class with level null is the default. */
function byLevel<T extends string | number>(classes: StyleClass[], pick: (s: Symbol) => T | undefined, fallback: T): ExpressionSpecification | T {
  const fallbackClass = classes.find((c) => c.level === null);
  const otherwise = (fallbackClass && pick(fallbackClass.symbol)) ?? fallback;
  const branches = classes.filter((c) => c.level !== null).flatMap((c) => [c.level as string, pick(c.symbol) ?? otherwise]);
  return branches.length === 0 ? otherwise : (['match', level, ...branches, otherwise] as unknown as ExpressionSpecification);
}

/** Filter selecting the features drawn by `subset` of the classes (a feature belongs to its first matching class). */
function classFilter(all: StyleClass[], subset: StyleClass[]): FilterSpecification | undefined {
  if (subset.length === all.length) return undefined;
  const explicit = all.filter((c) => c.level !== null).map((c) => c.level as string);
  const wanted = subset.filter((c) => c.level !== null).map((c) => c.level as string);
  const includesDefault = subset.some((c) => c.level === null);
  const inWanted: ExpressionSpecification = ['in', level, ['literal', wanted]];
  if (!includesDefault) return inWanted;
  return ['any', inWanted, ['!', ['in', level, ['literal', explicit]]]];
}

function groupBy<T>(items: T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

function withSource(ref: SourceRef, useLabels = false): { source: string; 'source-layer'?: string } {
  if (useLabels && ref.labelSource) return { source: ref.labelSource };
  return ref.sourceLayer ? { source: ref.source, 'source-layer': ref.sourceLayer } : { source: ref.source };
}

function withFilter<T extends object>(layer: T, filter: FilterSpecification | undefined): T {
  return filter ? { ...layer, filter } : layer;
}

/**
 * The MapLibre layers of one data layer, bottom to top: fill, hatch, outlines (one layer per dash
 * pattern), corridor centre line, points, labels. `opacity` (0–1) is the user's layer opacity;
 * `language` picks the label names.
 */
export function mapLayersFor(style: LayerStyle, ref: SourceRef, opacity = 1, language = 'zh-CN'): LayerSpecification[] {
  const { layerId, classes } = style;
  const layers: LayerSpecification[] = [];
  const common = { metadata: { layerId }, ...(style.minzoom ? { minzoom: style.minzoom } : {}) };

  if (style.geometry === 'polygon' && classes.some((c) => c.symbol.fill)) {
    const base = byLevel(classes, (s) => (s.fill ? (s.fillOpacity ?? 0.4) : 0), 0);
    layers.push({
      ...common,
      id: mapLayerId(layerId, 'fill'),
      type: 'fill',
      ...withSource(ref),
      paint: {
        'fill-color': byLevel(classes, (s) => s.fill, NO_COLOR),
        'fill-opacity': ['*', opacity, ['case', ['any', hovered, selected], ['min', 1, ['+', base, 0.15]], base]],
      },
    } as LayerSpecification);
  }

  const hatched = classes.filter((c) => c.symbol.hatch);
  if (hatched.length > 0) {
    layers.push(withFilter({
      ...common,
      id: mapLayerId(layerId, 'hatch'),
      type: 'fill',
      ...withSource(ref),
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': opacity },
    } as LayerSpecification, classFilter(classes, hatched)));
  }

  const outlined = classes.filter((c) => c.symbol.line);
  groupBy(outlined, (c) => JSON.stringify(c.symbol.dash ?? null)).forEach((group, i) => {
    const dash = group[0].symbol.dash;
    const width = byLevel(classes, (s) => s.lineWidth ?? 1, 1);
    layers.push(withFilter({
      ...common,
      id: mapLayerId(layerId, `line-${i}`),
      type: 'line',
      ...withSource(ref),
      layout: { 'line-join': 'round', 'line-cap': dash ? 'butt' : 'round' },
      paint: {
        'line-color': ['case', selected, '#00b3ff', byLevel(classes, (s) => s.line, NO_COLOR)],
        'line-width': zoomScaled(['case', ['any', hovered, selected], ['+', width, 1.6], width] as ExpressionSpecification),
        'line-opacity': ['*', opacity, byLevel(classes, (s) => s.lineOpacity ?? 1, 1)],
        ...(dash ? { 'line-dasharray': dash } : {}),
      },
    } as LayerSpecification, classFilter(classes, group)));
  });

  const centerline = classes.find((c) => c.symbol.centerline)?.symbol.centerline;
  if (style.centerlineFromAttribute && centerline && ref.centerlineSource) {
    layers.push({
      ...common,
      id: mapLayerId(layerId, 'centerline'),
      type: 'line',
      source: ref.centerlineSource,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': centerline.color, 'line-width': zoomScaled(centerline.width), 'line-opacity': opacity, 'line-dasharray': centerline.dash },
    } as LayerSpecification);
  }

  const circle = classes.find((c) => c.symbol.circle)?.symbol.circle;
  if (style.geometry === 'point' && circle) {
    layers.push({
      ...common,
      id: mapLayerId(layerId, 'circle'),
      type: 'circle',
      ...withSource(ref),
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, circle.radius * 0.8, 17, circle.radius * 1.6],
        'circle-color': ['case', hovered, '#ff9f1c', circle.color],
        'circle-stroke-color': circle.stroke,
        'circle-stroke-width': circle.strokeWidth,
        'circle-opacity': opacity,
        'circle-stroke-opacity': opacity,
      },
    } as LayerSpecification);
  }

  const label = style.label;
  if (label) {
    const alongLine = label.placement === 'line';
    const source = alongLine && ref.centerlineSource ? { source: ref.centerlineSource } : withSource(ref, style.geometry === 'polygon');
    const filter: FilterSpecification | undefined = label.levels ? ['in', level, ['literal', label.levels]] : undefined;
    layers.push(withFilter({
      ...common,
      metadata: { layerId, label: true },
      id: mapLayerId(layerId, 'label'),
      type: 'symbol',
      ...source,
      minzoom: label.minzoom,
      layout: {
        'text-field': labelText(style, language),
        'text-font': (label.bold ? BOLD : REGULAR).stack,
        'text-size': ['interpolate', ['linear'], ['zoom'], 10, label.size[0], 17, label.size[1]],
        'text-max-width': 7,
        'text-padding': 6,
        'text-letter-spacing': 0.05,
        'symbol-sort-key': label.priority,
        'symbol-placement': alongLine ? 'line' : 'point',
        ...(alongLine
          ? { 'symbol-spacing': 400, 'text-max-angle': 30, 'text-rotation-alignment': 'map' }
          : style.geometry === 'point'
            ? { 'text-variable-anchor': ['top', 'bottom', 'left', 'right'], 'text-radial-offset': 0.6, 'text-justify': 'auto' }
            : {}),
      },
      paint: {
        'text-color': label.color,
        'text-halo-color': label.haloColor,
        'text-halo-width': 1.6,
        'text-halo-blur': 0.3,
        'text-opacity': opacity,
      },
    } as LayerSpecification, filter));
  }
  return layers;
}
