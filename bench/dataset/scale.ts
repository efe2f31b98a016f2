import { extentMetres, type Extent } from './projection.ts';

type ScaleName = 'small' | 'province';

/**
 * What to generate. Province: Guizhou's extent. Small: the same densities on 1/50 of the area
 * (a box around Guiyang), so per-site work of the indexed runners is like the province's and only
 * the naive loop shrinks.
 */
export interface ScaleSpec {
  name: ScaleName;
  seed: string;
  extent: Extent;
  redlinePolygons: number;
  redlineVertices: number;
  /** Share of the extent covered by the red line (15 % of the box ≈ Guizhou's 45,900 km² real red line). */
  redlineCoverage: number;
  waterSources: number;
  controlUnitCellM: number;
  sites: number;
  /** The naive loop scans everything for every site: it gets the first N sites only. */
  naiveSites: number;
}

const GUIZHOU: Extent = { west: 103.6, south: 24.6, east: 109.6, north: 29.2 };
const SMALL_FRACTION = 1 / 50;

function shrinkAround(e: Extent, lon: number, lat: number, areaFraction: number): Extent {
  const k = Math.sqrt(areaFraction);
  const halfW = ((e.east - e.west) * k) / 2;
  const halfH = ((e.north - e.south) * k) / 2;
  return { west: lon - halfW, east: lon + halfW, south: lat - halfH, north: lat + halfH };
}

const PROVINCE: ScaleSpec = {
  name: 'province',
  seed: 'redline-bench-v1',
  extent: GUIZHOU,
  redlinePolygons: 52_000,
  redlineVertices: 5_200_000,
  redlineCoverage: 0.15,
  waterSources: 1_500,
  controlUnitCellM: 15_000,
  sites: 200,
  naiveSites: 20,
};

const SMALL: ScaleSpec = {
  ...PROVINCE,
  name: 'small',
  extent: shrinkAround(GUIZHOU, 106.63, 26.65, SMALL_FRACTION), // 贵阳
  redlinePolygons: Math.round(PROVINCE.redlinePolygons * SMALL_FRACTION),
  redlineVertices: Math.round(PROVINCE.redlineVertices * SMALL_FRACTION),
  waterSources: Math.round(PROVINCE.waterSources * SMALL_FRACTION),
  sites: 200,
  naiveSites: 200,
};

export function scaleSpec(name: string): ScaleSpec {
  if (name === 'province') return PROVINCE;
  if (name === 'small') return SMALL;
  throw new Error(`unknown scale "${name}" (small | province)`);
}

export const extentAreaKm2 = (e: Extent) => extentMetres(e).areaM2 / 1e6;
