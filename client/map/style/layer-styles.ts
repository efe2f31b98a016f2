import { PALETTE as P } from './palette.ts';
import type { LayerStyle } from './style-types.ts';

/**
 * THE style definition of every known layer: the map layers (map-layers.ts) and the legend swatches
 * (LegendSwatch.tsx) are both generated from these objects. Layers the client does not know (a
 * layer added later by an administrator) get a style from the API's `style` hint (hint-style.ts).
 * Widths are px at zoom 10 and grow to ~2× by zoom 17, so lines stay legible when zoomed in.
 */
export const LAYER_STYLES: Record<string, LayerStyle> = {
  guiyang_districts: {
    layerId: 'guiyang_districts',
    geometry: 'polygon',
    underOnlineBasemap: 'hide',
    classes: [{ level: null, symbol: { fill: P.contextLand, fillOpacity: 1, line: P.contextLine, lineWidth: 0.8 } }],
    label: { minzoom: 8, size: [12, 14], color: '#857b6d', haloColor: P.contextLand, priority: 90 },
  },
  admin_boundary: {
    layerId: 'admin_boundary',
    geometry: 'polygon',
    underOnlineBasemap: 'hide-fill',
    classes: [
      { level: 'district', symbol: { fill: P.land, fillOpacity: 1, line: P.districtLine, lineWidth: 2.2, dash: [4, 1.5, 1, 1.5] } },
      { level: 'township', symbol: { line: P.townshipLine, lineWidth: 0.9, dash: [3, 2] } },
    ],
  },
  reservoir: {
    layerId: 'reservoir',
    geometry: 'polygon',
    underOnlineBasemap: 'hide-fill',
    classes: [{ level: null, symbol: { fill: P.water, fillOpacity: 1, line: P.waterLine, lineWidth: 0.7 } }],
    label: { minzoom: 11, size: [11, 14], color: P.waterLabel, haloColor: '#eef6fc', priority: 20 },
  },
  river: {
    layerId: 'river',
    geometry: 'line',
    classes: [{ level: null, symbol: { line: P.river, lineWidth: 1.4 } }],
    label: { minzoom: 12, size: [11, 13], color: P.waterLabel, haloColor: '#ffffff', placement: 'line', priority: 30 },
  },
  control_unit: {
    layerId: 'control_unit',
    geometry: 'polygon',
    classes: [
      { level: 'priority', symbol: { fill: P.unitPriority, fillOpacity: 0.32, line: P.unitLine, lineWidth: 0.8 } },
      { level: 'key', symbol: { fill: P.unitKey, fillOpacity: 0.32, line: P.unitLine, lineWidth: 0.8 } },
      { level: 'general', symbol: { fill: P.unitGeneral, fillOpacity: 0.45, line: P.unitLine, lineWidth: 0.8 } },
    ],
    label: { minzoom: 13, size: [10, 12], color: '#5b5446', haloColor: '#ffffff', priority: 80 },
  },
  basic_farmland: {
    layerId: 'basic_farmland',
    geometry: 'polygon',
    classes: [{ level: null, symbol: { fill: P.farmland, fillOpacity: 0.55, line: P.farmlandLine, lineWidth: 0.6 } }],
  },
  eco_screen: {
    layerId: 'eco_screen',
    geometry: 'polygon',
    classes: [{ level: null, symbol: { fill: P.ecoScreen, fillOpacity: 0.22, line: P.ecoScreenLine, lineWidth: 1.4, dash: [5, 2] } }],
    label: { minzoom: 10, size: [12, 15], color: P.ecoScreenLine, haloColor: '#ffffff', priority: 60 },
  },
  eco_core: {
    layerId: 'eco_core',
    geometry: 'polygon',
    classes: [{ level: null, symbol: { fill: P.ecoCore, fillOpacity: 0.25, line: P.ecoCoreLine, lineWidth: 1.6, dash: [4, 2] } }],
    label: { minzoom: 11, size: [11, 14], color: P.ecoCoreLine, haloColor: '#ffffff', priority: 55 },
  },
  industrial_park: {
    layerId: 'industrial_park',
    geometry: 'polygon',
    classes: [{ level: null, symbol: { fill: P.industrial, fillOpacity: 0.5, line: P.industrialLine, lineWidth: 0.9 } }],
    label: { minzoom: 12, size: [10, 13], color: P.industrialLine, haloColor: '#ffffff', priority: 65 },
  },
  scenic_area: {
    layerId: 'scenic_area',
    geometry: 'polygon',
    classes: [
      { level: 'core', symbol: { fill: P.scenicCore, fillOpacity: 0.4, line: P.scenicLine, lineWidth: 1.2 } },
      { level: null, symbol: { fill: P.scenic, fillOpacity: 0.28, line: P.scenicLine, lineWidth: 1 } },
    ],
    label: { minzoom: 12, size: [11, 14], color: P.scenicLine, haloColor: '#ffffff', priority: 50 },
  },
  wetland: {
    layerId: 'wetland',
    geometry: 'polygon',
    classes: [{ level: null, symbol: { fill: P.wetland, fillOpacity: 0.4, line: P.wetlandLine, lineWidth: 1 } }],
    label: { minzoom: 12, size: [11, 14], color: P.wetlandLine, haloColor: '#ffffff', priority: 50 },
  },
  nature_reserve: {
    layerId: 'nature_reserve',
    geometry: 'polygon',
    classes: [
      { level: 'core', symbol: { fill: P.reserveCore, fillOpacity: 0.6, line: P.reserveLine, lineWidth: 1.2 } },
      { level: 'buffer', symbol: { fill: P.reserveBuffer, fillOpacity: 0.5, line: P.reserveLine, lineWidth: 1 } },
      { level: 'experimental', symbol: { fill: P.reserveExperimental, fillOpacity: 0.55, line: P.reserveLine, lineWidth: 1 } },
      { level: 'general', symbol: { fill: P.reserveExperimental, fillOpacity: 0.55, line: P.reserveLine, lineWidth: 1 } },
    ],
    label: { minzoom: 12, size: [11, 14], color: P.reserveLine, haloColor: '#ffffff', priority: 45, levels: ['core'] },
  },
  eco_corridor: {
    layerId: 'eco_corridor',
    geometry: 'polygon',
    centerlineFromAttribute: true,
    classes: [
      {
        level: null,
        symbol: {
          fill: P.corridor,
          fillOpacity: 0.28,
          line: P.corridor,
          lineWidth: 0.8,
          lineOpacity: 0.8,
          centerline: { color: P.corridorLine, width: 1.4, dash: [4, 2] },
        },
      },
    ],
    label: { minzoom: 11, size: [11, 14], color: P.corridorLine, haloColor: '#ffffff', placement: 'line', priority: 40, withWidth: true },
  },
  water_source: {
    layerId: 'water_source',
    geometry: 'polygon',
    classes: [
      { level: 'grade1', symbol: { fill: P.waterGrade1, fillOpacity: 0.62, line: P.waterSourceLine, lineWidth: 1.2 } },
      { level: 'grade2', symbol: { fill: P.waterGrade2, fillOpacity: 0.42, line: P.waterSourceLine, lineWidth: 0.9 } },
      { level: 'quasi', symbol: { fill: P.waterQuasi, fillOpacity: 0.42, line: P.waterSourceLine, lineWidth: 0.7, dash: [3, 2] } },
    ],
    label: { minzoom: 12, size: [11, 14], color: P.waterSourceLine, haloColor: '#ffffff', priority: 35, levels: ['grade1'] },
  },
  eco_redline: {
    layerId: 'eco_redline',
    geometry: 'polygon',
    classes: [
      { level: 'core', symbol: { hatch: true, fill: P.redline, fillOpacity: 0.3, line: P.redline, lineWidth: 1.8 } },
      { level: null, symbol: { hatch: true, fill: P.redlineFill, fillOpacity: 0.14, line: P.redline, lineWidth: 1.6 } },
    ],
  },
  urban_boundary: {
    layerId: 'urban_boundary',
    geometry: 'polygon',
    classes: [{ level: null, symbol: { fill: P.urbanBoundary, fillOpacity: 0.05, line: P.urbanBoundary, lineWidth: 2, dash: [3, 1.5] } }],
  },
  place: {
    layerId: 'place',
    geometry: 'point',
    classes: [{ level: null, symbol: { circle: { radius: 3, color: '#ffffff', stroke: '#4a4238', strokeWidth: 1.4 } } }],
    label: { minzoom: 9, size: [12, 15], color: P.labelText, haloColor: P.labelHalo, bold: true, priority: 10 },
  },
};

/**
 * Drawing order, bottom to top: context and land, then area-wide zonings (control units, farmland),
 * the ecological pattern, protected areas, water-source zones, the red line hatch, the development
 * boundary, and boundaries and places on top. Unknown layers go just below the red line.
 */
export const DRAW_ORDER = [
  'guiyang_districts',
  'admin_boundary',
  'reservoir',
  'river',
  'control_unit',
  'basic_farmland',
  'eco_screen',
  'eco_core',
  'industrial_park',
  'scenic_area',
  'wetland',
  'nature_reserve',
  'eco_corridor',
  'water_source',
  '*',
  'eco_redline',
  'urban_boundary',
  'place',
];

/** Layers shown when nobody has chosen otherwise (control units and farmland tile the district: off). */
export const DEFAULT_VISIBLE = new Set([
  'guiyang_districts',
  'admin_boundary',
  'reservoir',
  'river',
  'place',
  'eco_redline',
  'water_source',
  'nature_reserve',
  'wetland',
  'scenic_area',
  'eco_corridor',
  'eco_core',
  'urban_boundary',
]);
