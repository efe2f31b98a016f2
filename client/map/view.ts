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
