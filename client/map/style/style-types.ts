/**
 * The vocabulary of the one style definition (layer-styles.ts). Everything the map draws and
 * everything the legend shows is derived from these objects, so the two cannot drift apart.
 */

/** How one class of features is drawn. Widths are CSS pixels at zoom 10; they grow with zoom. */
export interface Symbol {
  fill?: string;
  fillOpacity?: number;
  /** The red-line hatch (palette HATCH) over the fill. */
  hatch?: boolean;
  line?: string;
  lineWidth?: number;
  lineOpacity?: number;
  /** Dash pattern in line widths, as MapLibre's line-dasharray. */
  dash?: number[];
  /** Points. */
  circle?: { radius: number; color: string; stroke: string; strokeWidth: number };
  /** Corridors: a translucent band (fill) with a dashed centre line in this colour. */
  centerline?: { color: string; width: number; dash: number[] };
}

/** A legend entry: the features of one level (null = every feature of the layer). */
export interface StyleClass {
  level: string | null;
  symbol: Symbol;
}

interface LabelRule {
  minzoom: number;
  /** Text size in px at zoom 10 and at zoom 17 (interpolated between). */
  size: [number, number];
  color: string;
  haloColor: string;
  bold?: boolean;
  /** 'line' follows line geometries (rivers, corridor centre lines). */
  placement?: 'point' | 'line';
  /** Lower wins a collision: place names before reservoir names before zone names. */
  priority: number;
  /** Only label features of these levels. */
  levels?: string[];
  /** Append the feature's `widthM` ("花溪水库-凤凰山廊道（宽 800 m）"): corridors are planned by width. */
  withWidth?: boolean;
}

export type GeometryKind = 'polygon' | 'line' | 'point';

export interface LayerStyle {
  layerId: string;
  geometry: GeometryKind;
  /** In legend order; the first class whose level matches a feature draws it. */
  classes: StyleClass[];
  label?: LabelRule;
  minzoom?: number;
  /**
   * Part of the offline basemap: while an online basemap (天地图, OSM) shows the same things, hide
   * the whole layer or only its fill (keeping outlines and labels over the imagery).
   */
  underOnlineBasemap?: 'hide' | 'hide-fill';
  /** Draw the centre line stored in each feature's `centerline` attribute (corridors). */
  centerlineFromAttribute?: boolean;
}
