import type { Feature, Geometry, Position } from 'geojson';
import { unprocessable } from '../http/errors.ts';
import { hectaresFromM2 } from '../geo/planar-area.ts';
import { zoneFromPrefixedEasting } from '../geo/crs.ts';
import { polygonPlanarArea, samePosition } from '../geo/geometry.ts';
import { resolveGuotuCrs } from './guotu-txt-crs.ts';
import { parseGuotuText, type GuotuParcelRow, type GuotuPointRow } from './guotu-txt-parse.ts';
import { assemblePolygons, polygonGeometry } from './ring-assembly.ts';
import { reprojectFeatures } from './reproject.ts';
import { finalizeFeatures } from './sanity.ts';
import { decodeText } from '../geo/text-decoding.ts';
import { assertNotEmpty, assertTextNotEmpty } from './upload-checks.ts';
import { warning, type ImportOptions, type ImportResult, type ImportWarning } from './types.ts';

/**
 * 国土 TXT 界址点 file (电子报盘) → EPSG:4326 features, one per parcel, with the plot line's fields
 * as properties. Here, and only here, X is the northing and Y the easting.
 */

/** Relative tolerance for 地块面积 vs the area of the coordinates (declared areas may be ellipsoidal, ~0.04% smaller at Huaxi). */
const AREA_TOLERANCE = 0.005;
const AREA_ROUNDING_HA = 0.0001;

/** [easting, northing] for geometry code; the swap happens here and nowhere else. */
const eastNorth = (p: GuotuPointRow): Position => [p.yEastM, p.xNorthM];

function refuseSwappedAxes(points: GuotuPointRow[]): void {
  const swapped = points.find((p) => zoneFromPrefixedEasting(p.xNorthM) !== undefined || (p.xNorthM < 1_000_000 && p.yEastM >= 1_000_000 && p.yEastM < 10_000_000));
  if (swapped)
    throw unprocessable(
      'AXES_SWAPPED',
      `第 ${swapped.line} 行：X、Y 似乎颠倒了。国土 TXT 中 X 为北坐标（7 位整数，如 2922944.07），Y 为东坐标（如 36367301.81，前两位为带号）。`,
      `Line ${swapped.line}: X and Y look swapped. In a 国土 TXT file X is the northing (7 integer digits, e.g. 2922944.07) and Y the easting (e.g. 36367301.81, the first two digits being the zone).`,
      { line: swapped.line },
    );
}

function ringsOf(parcel: GuotuParcelRow, warnings: ImportWarning[]): Position[][] {
  const byRing = new Map<number, Position[]>();
  for (const p of parcel.points) {
    const ring = byRing.get(p.ring) ?? [];
    ring.push(eastNorth(p));
    byRing.set(p.ring, ring);
  }
  const numbers = [...byRing.keys()].sort((a, b) => a - b);
  if (numbers[0] !== 1)
    warnings.push(
      warning('NO_RING_ONE', `地块“${parcel.parcelName}”没有圈号 1，以圈号 ${numbers[0]} 作为外环。`, `Parcel "${parcel.parcelName}" has no ring 1; ring ${numbers[0]} is taken as the outer ring.`),
    );
  return numbers.map((n) => byRing.get(n)!);
}

function checkPointCount(parcel: GuotuParcelRow, rings: Position[][], warnings: ImportWarning[]): void {
  if (parcel.declaredPointCount === undefined) return;
  const rows = parcel.points.length;
  const closingRepeats = rings.filter((r) => r.length > 1 && samePosition(r[0], r[r.length - 1])).length;
  // Most systems count the closing repeats, some do not (rules.md §13): accept both.
  if (parcel.declaredPointCount !== rows && parcel.declaredPointCount !== rows - closingRepeats)
    warnings.push(
      warning(
        'POINT_COUNT_MISMATCH',
        `地块“${parcel.parcelName}”声明界址点数 ${parcel.declaredPointCount}，实际 ${rows} 行（第 ${parcel.line} 行）。`,
        `Parcel "${parcel.parcelName}" declares ${parcel.declaredPointCount} points but has ${rows} rows (line ${parcel.line}).`,
      ),
    );
}

function checkArea(parcel: GuotuParcelRow, polygons: Position[][][], warnings: ImportWarning[]): void {
  if (parcel.declaredAreaHa === undefined) return;
  const computedHa = hectaresFromM2(polygons.reduce((s, p) => s + polygonPlanarArea(p), 0));
  const diffHa = Math.abs(computedHa - parcel.declaredAreaHa);
  if (diffHa > AREA_ROUNDING_HA && diffHa > AREA_TOLERANCE * computedHa)
    warnings.push(
      warning(
        'AREA_MISMATCH',
        `地块“${parcel.parcelName}”声明面积 ${parcel.declaredAreaHa} 公顷，按坐标计算为 ${computedHa.toFixed(4)} 公顷（相差 ${((diffHa / computedHa) * 100).toFixed(2)}%）：请核对坐标或面积。`,
        `Parcel "${parcel.parcelName}" declares ${parcel.declaredAreaHa} ha but its coordinates enclose ${computedHa.toFixed(4)} ha (${((diffHa / computedHa) * 100).toFixed(2)}% apart): check the coordinates or the area.`,
      ),
    );
}

function parcelGeometry(parcel: GuotuParcelRow, warnings: ImportWarning[]): Geometry {
  const rings = ringsOf(parcel, warnings);
  checkPointCount(parcel, rings, warnings);
  if (parcel.shape === '点') {
    const points = parcel.points.map(eastNorth);
    return points.length === 1 ? { type: 'Point', coordinates: points[0] } : { type: 'MultiPoint', coordinates: points };
  }
  if (parcel.shape === '线') return rings.length === 1 ? { type: 'LineString', coordinates: rings[0] } : { type: 'MultiLineString', coordinates: rings };
  const polygons = assemblePolygons(rings);
  checkArea(parcel, polygons, warnings);
  return polygonGeometry(polygons);
}

const parcelProperties = (p: GuotuParcelRow) => ({
  name: p.parcelName || p.parcelNumber,
  地块编号: p.parcelNumber,
  地块名称: p.parcelName,
  地块用途: p.landUse,
  地类编码: p.landClassCode,
  图幅号: p.sheetNumber,
  记录图形属性: p.shape || '面',
  界址点数: p.declaredPointCount ?? null,
  地块面积: p.declaredAreaHa ?? null,
});

export function importGuotuTxt(bytes: Buffer, options: ImportOptions = {}): ImportResult {
  assertNotEmpty(bytes);
  const { text } = decodeText(bytes, options.encoding);
  assertTextNotEmpty(text);
  const doc = parseGuotuText(text);
  refuseSwappedAxes(doc.parcels.flatMap((p) => p.points));
  const resolved = resolveGuotuCrs(doc, options.crs && !options.crs.gcj02 ? options.crs : undefined);
  const warnings: ImportWarning[] = [...resolved.warnings];
  const features: Feature[] = doc.parcels.map((parcel) => ({
    type: 'Feature',
    properties: parcelProperties(parcel),
    geometry: parcelGeometry(parcel, warnings),
  }));
  const reprojected = reprojectFeatures(features, { epsg: resolved.epsg, gcj02: false });
  const final = finalizeFeatures(reprojected.features, [...warnings, ...reprojected.warnings]);
  return { features: final.features, crs: reprojected.crs, warnings: final.warnings };
}
