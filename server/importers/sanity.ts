import type { FeatureCollection, Geometry, Position } from 'geojson';
import { unprocessable } from '../http/errors.ts';
import { LIMITS as WORK_LIMITS } from '../limits.ts';
import { assertFiniteCoordinates } from '../geo/crs-checks.ts';
import { countPositions, isRingClosed, orientPolygon, positionsOf, samePosition } from '../geo/geometry.ts';
import { normalizeFeatures } from '../geo/normalize.ts';
import { nodeTouchingVertices } from '../geo/touching-vertices.ts';
import { CHINA_BBOX, HUAXI_BBOX, insideBox } from '../geo/regions.ts';
import { polygonSelfIntersections } from '../../common/geo/self-intersections.ts';
import { warning, type ImportWarning, type SourceFeature } from './types.ts';

/** The checks every import goes through, on EPSG:4326 features, whatever the format. */

export const LIMITS = { maxFeatures: WORK_LIMITS.importMaxFeatures, maxVertices: WORK_LIMITS.importMaxVertices } as const;
/** 1e-9° ≈ 0.1 mm: keeps files small without touching centimetre accuracy. */
const round9 = (v: number) => Math.round(v * 1e9) / 1e9;
const at = (p: Position): [number, number] => [round9(p[0]), round9(p[1])];
const fmt = (p: Position) => `${p[0].toFixed(6)}, ${p[1].toFixed(6)}`;

/** Collects warnings, at most a few per kind, so a broken 10 000-vertex file does not drown the planner. */
export class WarningList {
  readonly items: ImportWarning[] = [];
  private readonly perCode = new Map<string, number>();
  constructor(private readonly maxPerCode = 5) {}
  add(w: ImportWarning): void {
    const key = w.code ?? '';
    const n = (this.perCode.get(key) ?? 0) + 1;
    this.perCode.set(key, n);
    if (n <= this.maxPerCode) this.items.push(w);
  }
  addAll(ws: ImportWarning[]): void {
    ws.forEach((w) => this.add(w));
  }
  done(): ImportWarning[] {
    for (const [code, n] of this.perCode)
      if (n > this.maxPerCode)
        this.items.push(warning(code, `（同类提示另有 ${n - this.maxPerCode} 处未列出）`, `(${n - this.maxPerCode} more of the same kind not listed)`));
    return this.items;
  }
}

/** Closes an open ring by repeating its first vertex; says so. Used before GeoJSON validation too. */
export function closeRing(ring: Position[], warnings: WarningList, ringLabel = ''): Position[] {
  if (ring.length === 0 || isRingClosed(ring)) return ring;
  warnings.add(
    warning('RING_NOT_CLOSED', `环${ringLabel}未闭合（首尾点不同），已自动补上闭合点。`, `Ring${ringLabel ? ` ${ringLabel}` : ''} was not closed (first ≠ last vertex); closed automatically.`, at(ring[0])),
  );
  return [...ring, ring[0]];
}

function dropRepeats(line: Position[], warnings: WarningList): Position[] {
  const out = line.filter((p, i) => i === 0 || !samePosition(p, line[i - 1]));
  if (out.length < line.length) {
    const dup = line.find((p, i) => i > 0 && samePosition(p, line[i - 1]))!;
    warnings.add(
      warning(
        'DUPLICATE_VERTICES',
        `有 ${line.length - out.length} 个连续重复的点已删除（如 ${fmt(dup)}）。`,
        `${line.length - out.length} consecutive duplicate vertices removed (e.g. at ${fmt(dup)}).`,
        at(dup),
      ),
    );
  }
  return out;
}

function cleanRing(ring: Position[], warnings: WarningList): Position[] {
  const cleaned = dropRepeats(closeRing(ring, warnings), warnings);
  if (cleaned.length < 4)
    throw unprocessable(
      'DEGENERATE_RING',
      `多边形的环少于 3 个不同的点（${ring[0] ? fmt(ring[0]) : '空'}），无法构成面。`,
      `A polygon ring has fewer than 3 distinct vertices (${ring[0] ? fmt(ring[0]) : 'empty'}); it cannot form an area.`,
    );
  return cleaned;
}

function cleanPolygon(rings: Position[][], warnings: WarningList): Position[][] {
  // Rounded first: the touch of a hole must be exact in the coordinates that are stored.
  const cleaned = nodeTouchingVertices(orientPolygon(rings.map((r) => cleanRing(r, warnings)), true).map((r) => r.map(at)));
  const hits = polygonSelfIntersections(cleaned);
  if (hits.length > 0)
    warnings.add(
      warning(
        'SELF_INTERSECTION',
        `多边形自相交，位置 ${fmt(hits[0])}${hits.length > 1 ? ` 等 ${hits.length} 处` : ''}：保存前请修正。`,
        `The polygon intersects itself at ${fmt(hits[0])}${hits.length > 1 ? ` and ${hits.length - 1} more place(s)` : ''}: fix it before saving.`,
        at(hits[0]),
      ),
    );
  return cleaned;
}

function cleanLine(line: Position[], warnings: WarningList): Position[] {
  const cleaned = dropRepeats(line, warnings);
  if (cleaned.length < 2)
    throw unprocessable('DEGENERATE_LINE', '线要素少于 2 个不同的点。', 'A line has fewer than 2 distinct vertices.');
  return cleaned.map(at);
}

function cleanGeometry(g: Exclude<Geometry, { type: 'GeometryCollection' }>, warnings: WarningList): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: at(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map(at) };
    case 'LineString':
      return { type: 'LineString', coordinates: cleanLine(g.coordinates, warnings) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => cleanLine(l, warnings)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: cleanPolygon(g.coordinates, warnings) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => cleanPolygon(p, warnings)) };
  }
}

/** EPSG:4326 features → the import's final FeatureCollection plus the common warnings; refuses what cannot be a site. */
export function finalizeFeatures(features: SourceFeature[], earlier: ImportWarning[] = []): { features: FeatureCollection; warnings: ImportWarning[] } {
  const warnings = new WarningList();
  warnings.addAll(earlier);
  const { features: usable, withoutGeometry } = normalizeFeatures(features);
  if (withoutGeometry > 0)
    warnings.add(warning('NO_GEOMETRY', `${withoutGeometry} 个要素没有几何图形，已忽略。`, `${withoutGeometry} feature(s) without geometry were skipped.`));
  if (usable.length === 0)
    throw unprocessable('NO_FEATURES', '文件中没有可用的几何图形（点、线或面）。', 'The file contains no usable geometry (point, line or polygon).');
  const vertices = usable.reduce((n, f) => n + countPositions(f.geometry), 0);
  if (usable.length > LIMITS.maxFeatures || vertices > LIMITS.maxVertices)
    throw unprocessable(
      'TOO_MANY_FEATURES',
      `文件过大：${usable.length} 个要素、${vertices} 个点（上限 ${LIMITS.maxFeatures} 个要素、${LIMITS.maxVertices} 个点）。`,
      `File too large: ${usable.length} features, ${vertices} vertices (limits ${LIMITS.maxFeatures} features, ${LIMITS.maxVertices} vertices).`,
    );

  const all = usable.flatMap((f) => positionsOf(f.geometry));
  assertFiniteCoordinates(all);
  const abroad = all.find(([lon, lat]) => !insideBox(lon, lat, CHINA_BBOX));
  if (abroad)
    throw unprocessable(
      'OUTSIDE_CHINA',
      `坐标 ${fmt(abroad)}（经度, 纬度）不在中国境内：请检查坐标系、带号或经纬度顺序。`,
      `Coordinate ${fmt(abroad)} (lon, lat) is outside China: check the CRS, the zone, or the lon/lat order.`,
      { location: abroad },
    );

  const cleaned = usable.map((f) => ({ ...f, geometry: cleanGeometry(f.geometry, warnings) }));
  const away = all.find(([lon, lat]) => !insideBox(lon, lat, HUAXI_BBOX));
  if (away)
    warnings.add(
      warning(
        'OUTSIDE_DISTRICT',
        `部分点位于花溪区范围之外（如 ${fmt(away)}），本工具的管控图层只覆盖花溪区。`,
        `Some vertices lie outside 花溪区 (e.g. ${fmt(away)}); the control layers cover Huaxi only.`,
        at(away),
      ),
    );
  return { features: { type: 'FeatureCollection', features: cleaned }, warnings: warnings.done() };
}
