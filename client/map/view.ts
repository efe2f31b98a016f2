/** 花溪区: the default view (gazetteer: the district spans 106.458–106.889 E, 26.184–26.571 N). */
export const HUAXI_CENTER: [number, number] = [106.665, 26.385];
export const HUAXI_BOUNDS: [[number, number], [number, number]] = [
  [106.44, 26.17],
  [106.9, 26.58],
];
export const DEFAULT_ZOOM = 10.3;
/** The map cannot be panned far from Guiyang: nothing else has data. */
export const MAX_BOUNDS: [[number, number], [number, number]] = [
  [104.8, 25.2],
  [108.6, 27.6],
];
export const MIN_ZOOM = 8;
export const MAX_ZOOM = 19;

/**
 * What the map's own overlays cover at its edges, in CSS pixels: the toolbar on the right, the
 * 示意数据 notice and the coordinate readout along the bottom. Framing a site or a set of projects
 * pads by this too, so nothing framed (or its label, written under it) lands behind them.
 */
const MAP_CHROME = { top: 12, right: 60, bottom: 90, left: 12 } as const;

/** fitBounds padding: `px` of air around what is framed, plus the map's chrome; `extraBottom` for labels written below. */
export function framePadding(px: number, extraBottom = 0): { top: number; right: number; bottom: number; left: number } {
  return { top: MAP_CHROME.top + px, right: MAP_CHROME.right + px, bottom: MAP_CHROME.bottom + px + extraBottom, left: MAP_CHROME.left + px };
}
