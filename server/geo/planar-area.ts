import type { Geometry } from 'geojson';
import { fromWgs84 } from './crs.ts';
import { polygonPlanarArea } from './geometry.ts';

/**
 * Areas as 勘测定界 files state them: planar area on the Gauss-Krüger plane of the file's zone.
 * (Official statistics use ellipsoidal area; at Huaxi the GK plane is ~0.04% larger — rules.md §13.)
 * 1 公顷 = 10 000 m² = 15 亩, so 1 亩 = 666.67 m².
 */
export const M2_PER_HECTARE = 10_000;
export const M2_PER_MU = 10_000 / 15;

export const hectaresFromM2 = (areaM2: number) => areaM2 / M2_PER_HECTARE;
export const muFromM2 = (areaM2: number) => areaM2 / M2_PER_MU;

/** Report conventions: m² 2 dp, 公顷 4 dp, 亩 2 dp. */
export const formatHectares = (areaM2: number) => hectaresFromM2(areaM2).toFixed(4);
export const formatMu = (areaM2: number) => muFromM2(areaM2).toFixed(2);

/** Planar area of a (Multi)Polygon whose coordinates are already in metres; 0 for other types. */
export function planarAreaM2(geometry: Geometry): number {
  if (geometry.type === 'Polygon') return polygonPlanarArea(geometry.coordinates);
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.reduce((s, p) => s + polygonPlanarArea(p), 0);
  if (geometry.type === 'GeometryCollection') return geometry.geometries.reduce((s, g) => s + planarAreaM2(g), 0);
  return 0;
}

/** Area of a WGS84 geometry on the plane of a projected CRS (e.g. EPSG:4524 for zone 36). */
export const gaussKrugerAreaM2 = (geometryWgs84: Geometry, projectedEpsg: number) =>
  planarAreaM2(fromWgs84(geometryWgs84, projectedEpsg));
