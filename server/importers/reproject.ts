import type { Geometry, Position } from 'geojson';
import { unprocessable } from '../http/errors.ts';
import { assertCoordinatesFitCrs } from '../geo/crs-checks.ts';
import { datumShiftWarning, displayName, getCrs, positionToWgs84 } from '../geo/crs.ts';
import { gcj02ToWgs84 } from '../geo/gcj02.ts';
import { mapPositions, positionsOf } from '../geo/geometry.ts';
import { warning, type CrsChoice, type CrsSummary, type ImportWarning, type SourceFeature } from './types.ts';

export interface Reprojected {
  features: SourceFeature[];
  crs: CrsSummary;
  warnings: ImportWarning[];
}

const GCJ02_WARNING = warning(
  'GCJ02_APPROXIMATE',
  '已将 GCJ-02（高德/腾讯“火星坐标”）换算为 WGS84。换算公式为公开的近似算法，误差约 1–2 米，仅供筛查。',
  'Converted from GCJ-02 (高德/腾讯 "Mars coordinates") to WGS84 with the published approximate formula: expect 1–2 m error; screening only.',
);

/** Source features in `choice` → EPSG:4326, after refusing coordinates that cannot be in that CRS. */
export function reprojectFeatures(features: SourceFeature[], choice: CrsChoice): Reprojected {
  const crs = getCrs(choice.epsg)!;
  const positions: Position[] = features.flatMap((f) => (f.geometry ? positionsOf(f.geometry) : []));
  assertCoordinatesFitCrs(positions, choice.epsg);

  const toWgs = (p: Position): Position => {
    const lonLat = positionToWgs84(p, choice.epsg);
    return choice.gcj02 ? gcj02ToWgs84(lonLat) : lonLat;
  };
  const out: SourceFeature[] = features.map((f) => ({ ...f, geometry: f.geometry ? mapPositions(f.geometry as Geometry, toWgs) : null }));
  const lost = out.flatMap((f) => (f.geometry ? positionsOf(f.geometry) : [])).findIndex((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]));
  if (lost >= 0)
    throw unprocessable(
      'TRANSFORM_FAILED',
      `坐标 (${positions[lost].join(', ')}) 无法从 EPSG:${crs.epsg} 换算为经纬度，多半是坐标系或带号选错了。`,
      `Coordinate (${positions[lost].join(', ')}) cannot be converted from EPSG:${crs.epsg} to lon/lat; the CRS or zone is probably wrong.`,
    );

  const warnings: ImportWarning[] = [];
  const datum = datumShiftWarning(crs);
  if (datum) warnings.push({ code: 'DATUM_SHIFT_NOT_APPLIED', ...datum });
  if (choice.gcj02) warnings.push(GCJ02_WARNING);
  if (crs.kind === 'projected' && crs.projection === 'gauss-kruger' && crs.zoneWidthDeg) {
    const halfWidth = crs.zoneWidthDeg / 2;
    const far = out.flatMap((f) => (f.geometry ? positionsOf(f.geometry) : [])).find((p) => Math.abs(p[0] - crs.centralMeridianDeg) > halfWidth + 0.5);
    if (far)
      warnings.push(
        warning(
          'OUTSIDE_ZONE',
          `有点位于经度 ${far[0].toFixed(4)}°，离中央经线 ${crs.centralMeridianDeg}° 超过本带范围：请确认带号/中央经线是否正确。`,
          `A vertex at longitude ${far[0].toFixed(4)}° lies beyond the zone of central meridian ${crs.centralMeridianDeg}°: check the zone / central meridian.`,
          [far[0], far[1]],
        ),
      );
  }
  const summary: CrsSummary = choice.gcj02
    ? {
        epsg: 4326,
        name: 'GCJ-02 → WGS 84（高德/腾讯坐标，近似换算 approx. 1–2 m）',
        nameZh: 'GCJ-02 → WGS 84（高德/腾讯坐标，近似换算，误差约 1–2 m）',
        nameEn: 'GCJ-02 → WGS 84 (AMap/Tencent coordinates, approximate, about 1–2 m)',
      }
    : { epsg: crs.epsg, name: displayName(crs), nameZh: crs.nameZh, nameEn: crs.name };
  return { features: out, crs: summary, warnings };
}
