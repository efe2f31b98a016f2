import { badRequest, unprocessable } from '../http/errors.ts';
import { LIMITS } from '../limits.ts';

/** Geometry types a site may have (points and lines are buffered by their impact width). */
const SITE_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];
/**
 * More vertices than this is not a project site but a dataset; the check's cost grows with them
 * (200k held the one embedded connection 48 s and ended in an out-of-memory 500).
 */
const MAX_SITE_VERTICES = LIMITS.checkMaxVertices;

type Position = number[];

type Part = { type: string; positions: unknown };

/**
 * The coordinate arrays of a geometry, each with the type of the member it belongs to (a
 * GeometryCollection mixes them), refusing null or untyped members and nesting past the limit
 * before anything recurses further.
 */
function partsOf(geometry: unknown, depth = 0): Part[] {
  if (depth > LIMITS.geometryMaxDepth)
    fail('GEOMETRY_TOO_DEEP', `几何集合嵌套过深（超过 ${LIMITS.geometryMaxDepth} 层）`, `GeometryCollections are nested too deeply (more than ${LIMITS.geometryMaxDepth} levels)`);
  const g = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown } | null;
  if (!g || typeof g !== 'object' || typeof g.type !== 'string' || !SITE_TYPES.includes(g.type))
    fail('BAD_GEOMETRY', '几何集合中有空的或无法识别的成员', 'A member of the geometry is null or not a GeoJSON geometry');
  if (g.type === 'GeometryCollection') {
    if (!Array.isArray(g.geometries)) fail('BAD_GEOMETRY', '几何集合缺少 geometries 数组', 'The GeometryCollection has no geometries array');
    return g.geometries.flatMap((m) => partsOf(m, depth + 1));
  }
  const c = g.coordinates;
  if (!Array.isArray(c)) fail('BAD_GEOMETRY', '几何缺少坐标', 'The geometry has no coordinates');
  const arrays = (v: unknown): unknown[] => {
    if (!Array.isArray(v)) fail('BAD_GEOMETRY', '坐标结构不正确', 'Malformed coordinate arrays');
    return v;
  };
  switch (g.type) {
    case 'Point':
      return [{ type: g.type, positions: [c] }];
    case 'MultiPoint':
    case 'LineString':
      return [{ type: g.type, positions: c }];
    case 'MultiLineString':
    case 'Polygon':
      return c.map((p) => ({ type: g.type as string, positions: arrays(p) }));
    default: // MultiPolygon
      return c.flatMap((poly) => arrays(poly).map((p) => ({ type: 'MultiPolygon', positions: arrays(p) })));
  }
}

/**
 * A position as it may be echoed back in an error: the received value when it is a short flat
 * array, else a short description — a bad position can be an array nested thousands deep, which
 * must not be serialised into the answer.
 */
function echoedPosition(p: unknown): unknown {
  if (Array.isArray(p) && p.length <= 4 && p.every((v) => v === null || ['number', 'string', 'boolean'].includes(typeof v)))
    return p.map((v) => (typeof v === 'string' ? v.slice(0, 40) : v));
  return Array.isArray(p) ? `array(${p.length})` : typeof p;
}

/** Polygons of a geometry (a MultiPolygon's members, inside collections too); its structure is checked by partsOf first. */
function polygonCount(geometry: unknown): number {
  const g = geometry as { type: string; coordinates?: unknown[]; geometries?: unknown[] };
  if (g.type === 'GeometryCollection') return (g.geometries ?? []).reduce<number>((n, m) => n + polygonCount(m), 0);
  if (g.type === 'Polygon') return 1;
  if (g.type === 'MultiPolygon') return g.coordinates?.length ?? 0;
  return 0;
}

/** Points, lines and polygons of a site (a polygon's rings count as one); each is buffered and overlaid on its own. */
function memberCount(geometry: unknown, parts: Part[]): number {
  let n = polygonCount(geometry);
  for (const p of parts) {
    if (p.type === 'Polygon' || p.type === 'MultiPolygon') continue; // rings: counted by polygonCount
    n += p.type === 'MultiPoint' && Array.isArray(p.positions) ? p.positions.length : 1;
  }
  return n;
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
    if (!geometry || typeof geometry !== 'object') fail('BAD_GEOMETRY', '要素集合中的选址要素为空', 'The FeatureCollection holds a null feature');
  }
  if (geometry.type === 'Feature') geometry = geometry.geometry as GeoJSON.Geometry;
  if (!geometry || !SITE_TYPES.includes(geometry.type)) {
    fail('BAD_GEOMETRY_TYPE', `不支持的几何类型：${(geometry as { type?: string })?.type}`, `Unsupported geometry type: ${(geometry as { type?: string })?.type}`);
  }
  let vertices = 0;
  const parts = partsOf(geometry);
  const members = memberCount(geometry, parts);
  if (members > LIMITS.checkMaxParts) {
    fail('TOO_MANY_PARTS', `选址由过多部分组成（${members} > ${LIMITS.checkMaxParts} 个点、线或面）：请合并或分批核查`, `The site has too many parts (${members} > ${LIMITS.checkMaxParts} points, lines or polygons): merge them or check them in batches`);
  }
  for (const { type, positions } of parts) {
    if (!Array.isArray(positions)) fail('BAD_GEOMETRY', '坐标结构不正确', 'Malformed coordinate arrays');
    const part = positions as Position[];
    vertices += part.length;
    if (vertices > MAX_SITE_VERTICES) break; // refused below, before looking at the rest
    for (const p of part) {
      if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n))) {
        fail('BAD_COORDINATE', '坐标必须是 [经度, 纬度] 数值对', 'Each position must be a [longitude, latitude] pair of numbers', { position: echoedPosition(p) });
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
          { position: [lon, lat] },
        );
      }
    }
    if (type === 'Polygon' || type === 'MultiPolygon') {
      const first = part[0];
      const last = part[part.length - 1];
      if (part.length < 4) fail('TOO_FEW_POINTS', '面的每个环至少需要 4 个坐标（首尾相同）', 'Every polygon ring needs at least 4 positions (first = last)');
      if (first[0] !== last[0] || first[1] !== last[1]) fail('RING_NOT_CLOSED', '面的环未闭合（首尾坐标不同）', 'A polygon ring is not closed (first and last positions differ)');
    }
    if ((type === 'LineString' || type === 'MultiLineString') && part.length < 2) {
      fail('TOO_FEW_POINTS', '线至少需要 2 个坐标', 'A line needs at least 2 positions');
    }
  }
  if (vertices === 0) fail('EMPTY_GEOMETRY', '几何为空', 'The geometry is empty');
  if (vertices > MAX_SITE_VERTICES) {
    fail('TOO_MANY_VERTICES', `选址节点过多（${vertices} > ${MAX_SITE_VERTICES}）`, `The site has too many vertices (${vertices} > ${MAX_SITE_VERTICES})`);
  }
  return geometry;
}
