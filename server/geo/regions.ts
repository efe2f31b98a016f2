/** Boxes the sanity checks use, [west, south, east, north] in degrees. */

/** Mainland China with Hainan and the South China Sea islands' northern part; a coarse screen, not a border. */
export const CHINA_BBOX = [73.4, 3.8, 135.1, 53.6] as const;

/** 花溪区, Guiyang — the district this tool serves (issue brief). */
export const HUAXI_BBOX = [106.45, 26.18, 106.89, 26.57] as const;

export const insideBox = (lon: number, lat: number, box: readonly [number, number, number, number]) =>
  lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];

/** Northings of China on a Gauss-Krüger plane (lat ≈ 17°–54°N), to tell X from Y by magnitude. */
export const CHINA_NORTHING_RANGE_M = [1_880_000, 6_000_000] as const;
