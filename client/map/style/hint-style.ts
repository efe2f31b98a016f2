import type { LayerInfo } from '../../layers/layer-info.ts';
import { LAYER_STYLES } from './layer-styles.ts';
import type { GeometryKind, LayerStyle, StyleClass } from './style-types.ts';

/** The API's per-layer style hint: `{ fill, line, fillOpacity, lineWidth, dash?, levelColors? }`. */
interface StyleHint {
  fill?: string;
  line?: string;
  fillOpacity?: number;
  lineWidth?: number;
  dash?: number[];
  levelColors?: Record<string, string>;
}

const isColor = (v: unknown): v is string => typeof v === 'string' && /^#[0-9a-f]{3,8}$/i.test(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function geometryKindOf(geometryType: string): GeometryKind {
  if (/point/i.test(geometryType)) return 'point';
  if (/line/i.test(geometryType)) return 'line';
  return 'polygon';
}

/** A style for a layer the client has no curated style for, built from the catalog's hint. */
export function styleFromHint(layer: Pick<LayerInfo, 'id' | 'geometryType' | 'levels' | 'style'>): LayerStyle {
  const hint = (layer.style ?? {}) as StyleHint;
  const geometry = geometryKindOf(layer.geometryType);
  const fill = isColor(hint.fill) ? hint.fill : '#888888';
  const line = isColor(hint.line) ? hint.line : fill;
  const symbolFor = (color: string | undefined): StyleClass['symbol'] => {
    if (geometry === 'point') return { circle: { radius: 4, color: color ?? fill, stroke: '#ffffff', strokeWidth: 1.2 } };
    const dash = Array.isArray(hint.dash) && hint.dash.every(isNumber) ? hint.dash : undefined;
    const lineWidth = isNumber(hint.lineWidth) ? hint.lineWidth : 1;
    if (geometry === 'line') return { line: color ?? line, lineWidth, dash };
    return { fill: color ?? fill, fillOpacity: isNumber(hint.fillOpacity) ? hint.fillOpacity : 0.35, line, lineWidth, dash };
  };
  const levelColors = hint.levelColors ?? {};
  const classes: StyleClass[] = [
    ...layer.levels.map((level) => ({ level, symbol: symbolFor(isColor(levelColors[level]) ? levelColors[level] : undefined) })),
    { level: null, symbol: symbolFor(undefined) },
  ];
  return { layerId: layer.id, geometry, classes };
}

/** The curated style when there is one, else one from the hint. */
export function styleOf(layer: Pick<LayerInfo, 'id' | 'geometryType' | 'levels' | 'style'>): LayerStyle {
  return LAYER_STYLES[layer.id] ?? styleFromHint(layer);
}
