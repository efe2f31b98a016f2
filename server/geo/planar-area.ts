import type { Geometry } from 'geojson';
import { fromWgs84 } from './crs.ts';
import { polygonPlanarArea } from './geometry.ts';

/**
 * Areas as 勘测定界 files state them: planar area on the Gauss-Krüger plane of the file's zone.
 * (Official statistics use ellipsoidal area; at Huaxi the GK plane is ~0.04% larger — rules.md §13.)
 * Units and their formatting: common/units/area-units.ts.
 */
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
