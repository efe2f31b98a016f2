import { parse } from 'csv-parse/sync';
import type { Feature, Geometry, Position } from 'geojson';
import { unprocessable } from '../http/errors.ts';
import { suggestProjectedCrs } from '../geo/crs-checks.ts';
import { parseCoordinateValue } from './coordinate-text.ts';
import { detectColumns, type ColumnLayout } from './csv-columns.ts';
import { CHINA_BBOX, CHINA_NORTHING_RANGE_M } from '../geo/regions.ts';
import { getCrs } from '../geo/crs.ts';
import { assemblePolygons, polygonGeometry } from './ring-assembly.ts';
import { reprojectFeatures } from './reproject.ts';
import { finalizeFeatures } from './sanity.ts';
import { decodeText } from '../geo/text-decoding.ts';
import { assertNotEmpty, assertTextNotEmpty } from './upload-checks.ts';
import { warning, type CrsChoice, type CsvGeometryKind, type ImportOptions, type ImportResult, type ImportWarning } from './types.ts';

/**
 * Coordinate lists from spreadsheets → one polygon, line or set of points per `feature` column
 * value (or one for the whole file). Rings follow 国土 TXT semantics (ring 1 outer, further rings
 * holes when inside, else parts); a `part` column splits multi-part shapes.
 */
interface Row {
  line: number;
  a: number;
  b: number;
  ring: string;
  part: string;
  feature: string;
  point: string;
  name: string;
}

/** Per line: full-width commas or bare whitespace between values become commas. */
function normalizeDelimiters(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      if (/[,\t;]/.test(line)) return line;
      if (line.includes('，')) return line.replace(/，/g, ',');
      return line.trim().replace(/\s+/g, ',');
    })
    .join('\n');
}

function readTable(text: string): string[][] {
  const normalized = normalizeDelimiters(text);
  const firstLine = normalized.split('\n').find((l) => l.trim() !== '') ?? '';
  const delimiter = [',', '\t', ';'].sort((x, y) => firstLine.split(y).length - firstLine.split(x).length)[0];
  try {
    return (parse(normalized, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][]).filter((r) =>
      r.some((c) => c !== ''),
    );
  } catch (e) {
    throw unprocessable('BAD_CSV', `CSV 无法解析（${(e as Error).message}）。`, `The CSV cannot be parsed (${(e as Error).message}).`);
  }
}

function readRows(table: string[][], layout: ColumnLayout): Row[] {
  const body = layout.hasHeader ? table.slice(1) : table;
  const offset = layout.hasHeader ? 2 : 1;
  return body.map((cells, i) => {
    const value = (c: number) => {
      const v = parseCoordinateValue(cells[c] ?? '');
      if (v === undefined)
        throw unprocessable('NON_NUMERIC_COORDINATE', `第 ${i + offset} 行：坐标“${cells[c] ?? ''}”不是数字。`, `Row ${i + offset}: coordinate "${cells[c] ?? ''}" is not a number.`, { line: i + offset });
      return v;
    };
    const cell = (c: number | undefined) => (c === undefined ? '' : (cells[c] ?? '').trim());
    return { line: i + offset, a: value(layout.first), b: value(layout.second), ring: cell(layout.ring), part: cell(layout.part), feature: cell(layout.feature), point: cell(layout.point), name: cell(layout.name) };
  });
}

const inRange = (v: number, lo: number, hi: number) => v >= lo && v <= hi;

/** Positions in [x = east/lon, y = north/lat] order; ambiguous X/Y columns are settled by magnitude. */
function orientPairs(rows: Row[], layout: ColumnLayout, warnings: ImportWarning[]): Position[] {
  const straight = rows.map((r): Position => [r.a, r.b]);
  if (layout.pair !== 'ambiguous') return straight;
  const isNorthThenEast = rows.every((r) => inRange(r.a, ...CHINA_NORTHING_RANGE_M) && (inRange(r.b, 100_000, 999_999) || r.b >= 10_000_000));
  const isLatThenLon = rows.every((r) => inRange(r.a, CHINA_BBOX[1], CHINA_BBOX[3]) && inRange(r.b, CHINA_BBOX[0], CHINA_BBOX[2])) && !rows.every((r) => inRange(r.a, CHINA_BBOX[0], CHINA_BBOX[2]));
  if (isNorthThenEast)
    warnings.push(warning('XY_SURVEY_ORDER', '按数值判断两列为测量习惯的 X(北)、Y(东)。', 'From their magnitudes the two columns were read as surveying X (north), Y (east).'));
  else if (isLatThenLon) warnings.push(warning('LATLON_ORDER', '按数值判断两列为 纬度、经度 顺序。', 'From their magnitudes the two columns were read as latitude, longitude.'));
  else return straight;
  return rows.map((r): Position => [r.b, r.a]);
}

function chooseCrs(positions: Position[], options: ImportOptions, warnings: ImportWarning[]): CrsChoice {
  if (options.crs) return options.crs;
  // Degrees either way round (a swapped lat/lon pair is refused later with its own message).
  if (positions.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 180)) {
    warnings.push(warning('ASSUMED_WGS84', '未选择坐标系，按 WGS84/CGCS2000 经纬度处理；如坐标来自高德/腾讯地图，请选择 GCJ-02。', 'No CRS chosen: lon/lat taken as WGS84/CGCS2000. If the coordinates come from 高德/腾讯 maps, choose GCJ-02.'));
    return { epsg: 4326, gcj02: false };
  }
  const hint = suggestProjectedCrs(positions[0]);
  throw unprocessable('CRS_REQUIRED', `坐标是平面坐标，请选择坐标系后重新导入（${hint.zh}）。`, `The coordinates are projected: choose the CRS and import again (${hint.en}).`);
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const group = out.get(k);
    if (group) group.push(it);
    else out.set(k, [it]);
  }
  return out;
}

type Vertex = { row: Row; p: Position };

function buildGeometry(vertices: Vertex[], kind: CsvGeometryKind): Geometry {
  const ringsOf = (vs: Vertex[]) => [...groupBy(vs, (v) => v.row.ring || '1').entries()].sort(([x], [y]) => Number(x) - Number(y)).map(([, g]) => g.map((v) => v.p));
  if (kind === 'line') {
    const parts = [...groupBy(vertices, (v) => v.row.part || v.row.ring).values()].map((g) => g.map((v) => v.p));
    return parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts };
  }
  const hasPart = vertices.some((v) => v.row.part !== '');
  // With a part column, each part's ring 1 is its outer ring; without, rings follow 国土 TXT semantics.
  const polygons = hasPart ? [...groupBy(vertices, (v) => v.row.part).values()].map(ringsOf) : assemblePolygons(ringsOf(vertices));
  return polygonGeometry(polygons);
}

export function importCsv(bytes: Buffer, options: ImportOptions = {}): ImportResult {
  assertNotEmpty(bytes);
  const { text } = decodeText(bytes, options.encoding);
  assertTextNotEmpty(text);
  const table = readTable(text);
  if (table.length === 0) throw unprocessable('NO_FEATURES', 'CSV 中没有数据行。', 'The CSV has no data rows.');
  const layout = detectColumns(table);
  const rows = readRows(table, layout);
  if (rows.length === 0) throw unprocessable('NO_FEATURES', 'CSV 只有表头，没有坐标行。', 'The CSV has a header but no coordinate rows.');
  const warnings: ImportWarning[] = [];
  const positions = orientPairs(rows, layout, warnings);
  const choice = chooseCrs(positions, options, warnings);
  if (getCrs(choice.epsg)?.kind === 'geographic' && layout.pair === 'eastnorth')
    warnings.push(warning('COLUMNS_VS_CRS', '表头写的是东/北坐标，但所选坐标系是经纬度。', 'The header names easting/northing but the chosen CRS is geographic.'));

  const vertices = rows.map((row, i) => ({ row, p: positions[i] }));
  const features: Feature[] = [];
  for (const [key, group] of groupBy(vertices, (v) => v.row.feature)) {
    const kind = options.geometry ?? (group.length === 1 ? 'points' : group.length === 2 ? 'line' : 'polygon');
    if (kind === 'points') {
      for (const v of group) features.push({ type: 'Feature', properties: { point: v.row.point || null, name: v.row.name || v.row.point || null, feature: key || null }, geometry: { type: 'Point', coordinates: v.p } });
      continue;
    }
    features.push({ type: 'Feature', properties: { name: group[0].row.name || key || null, feature: key || null }, geometry: buildGeometry(group, kind) });
  }
  if (!options.geometry)
    warnings.push(warning('GEOMETRY_ASSUMED', '未指定几何类型：3 个及以上的点按面、2 个按线、1 个按点处理。', 'No geometry type given: 3+ points were read as a polygon, 2 as a line, 1 as a point.'));
  const reprojected = reprojectFeatures(features, choice);
  const final = finalizeFeatures(reprojected.features, [...warnings, ...reprojected.warnings]);
  return { features: final.features, crs: reprojected.crs, warnings: final.warnings };
}
