import { badRequest, unprocessable } from '../http/errors.ts';

/** Geometry types a site may have (points and lines are buffered by their impact width). */
const SITE_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];
/** More vertices than this is not a project site but a dataset. */
export const MAX_SITE_VERTICES = 200_000;

type Position = number[];

function positionsOf(geometry: GeoJSON.Geometry): Position[][] {
  switch (geometry.type) {
    case 'Point':
      return [[geometry.coordinates]];
    case 'MultiPoint':
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}

function fail(code: string, zh: string, en: string, details?: unknown): never {
  throw unprocessable(code, zh, en, details);
}

/**
 * Accepts a GeoJSON geometry, Feature or single-feature FeatureCollection in EPSG:4326 and returns
 * its geometry, or a 4xx that names the problem: missing geometry, wrong structure, too few points,
 * coordinates out of range, projected coordinates (Gauss-Krüger metres) sent as degrees.
 */
export function parseSiteGeometry(input: unknown): GeoJSON.Geometry {
  if (input === undefined || input === null) {
    throw badRequest('MISSING_GEOMETRY', '缺少选址几何（geometry）', 'The site geometry (geometry) is missing');
  }
  let geometry = input as GeoJSON.Geometry | GeoJSON.Feature | GeoJSON.FeatureCollection;
  if (typeof geometry !== 'object' || typeof (geometry as { type?: unknown }).type !== 'string') {
    throw badRequest('BAD_GEOMETRY', 'geometry 必须是 GeoJSON 几何对象', 'geometry must be a GeoJSON geometry object');
  }
  if (geometry.type === 'FeatureCollection') {
    if (!Array.isArray(geometry.features) || geometry.features.length !== 1) {
      fail('BAD_GEOMETRY', '要素集合中应恰有一个选址要素', 'A FeatureCollection must hold exactly one site feature');
    }
    geometry = geometry.features[0];
  }
  if (geometry.type === 'Feature') geometry = geometry.geometry as GeoJSON.Geometry;
  if (!geometry || !SITE_TYPES.includes(geometry.type)) {
    fail('BAD_GEOMETRY_TYPE', `不支持的几何类型：${(geometry as { type?: string })?.type}`, `Unsupported geometry type: ${(geometry as { type?: string })?.type}`);
  }
  const hasArrays = geometry.type === 'GeometryCollection' ? Array.isArray(geometry.geometries) : Array.isArray((geometry as { coordinates?: unknown }).coordinates);
  if (!hasArrays) fail('BAD_GEOMETRY', '几何缺少坐标', 'The geometry has no coordinates');

  let vertices = 0;
  for (const part of positionsOf(geometry)) {
    if (!Array.isArray(part)) fail('BAD_GEOMETRY', '坐标结构不正确', 'Malformed coordinate arrays');
    for (const p of part) {
      vertices++;
      if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n))) {
        fail('BAD_COORDINATE', '坐标必须是 [经度, 纬度] 数值对', 'Each position must be a [longitude, latitude] pair of numbers', { position: p });
      }
      const [lon, lat] = p;
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        const projected = Math.abs(lon) > 1000 || Math.abs(lat) > 1000;
        fail(
          projected ? 'PROJECTED_COORDINATES' : 'COORDINATE_OUT_OF_RANGE',
          projected
            ? `坐标 [${lon}, ${lat}] 像是投影坐标（米），请先用导入功能按 CGCS2000 高斯-克吕格坐标系转换为经纬度`
            : `坐标超出经纬度范围：[${lon}, ${lat}]`,
          projected
            ? `Position [${lon}, ${lat}] looks like projected metres; import it with its CGCS2000 Gauss-Krüger CRS to convert it to degrees`
            : `Position out of longitude/latitude range: [${lon}, ${lat}]`,
          { position: p },
        );
      }
    }
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
      const first = part[0];
      const last = part[part.length - 1];
      if (part.length < 4) fail('TOO_FEW_POINTS', '面的每个环至少需要 4 个坐标（首尾相同）', 'Every polygon ring needs at least 4 positions (first = last)');
      if (first[0] !== last[0] || first[1] !== last[1]) fail('RING_NOT_CLOSED', '面的环未闭合（首尾坐标不同）', 'A polygon ring is not closed (first and last positions differ)');
    }
    if ((geometry.type === 'LineString' || geometry.type === 'MultiLineString') && part.length < 2) {
      fail('TOO_FEW_POINTS', '线至少需要 2 个坐标', 'A line needs at least 2 positions');
    }
  }
  if (vertices === 0) fail('EMPTY_GEOMETRY', '几何为空', 'The geometry is empty');
  if (vertices > MAX_SITE_VERTICES) {
    fail('TOO_MANY_VERTICES', `选址节点过多（${vertices} > ${MAX_SITE_VERTICES}）`, `The site has too many vertices (${vertices} > ${MAX_SITE_VERTICES})`);
  }
  return geometry;
}
