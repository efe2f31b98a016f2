import { unprocessable } from '../http/errors.ts';
import { parseCoordinateValue } from './coordinate-text.ts';

/**
 * Which CSV column holds what. With a header, names decide (English or Chinese: 经度/纬度,
 * 东坐标/北坐标, X/Y, 圈号, 点号, 地块编号 …). Without one, the last two numeric columns are the
 * coordinates, a small-integer column just before them is the ring number, and the first text
 * column is the point id. "X"/"Y" alone are ambiguous (GIS: X = east; surveying: X = north) and
 * are resolved later by magnitude.
 */
type CoordinatePair = 'lonlat' | 'eastnorth' | 'ambiguous';

export interface ColumnLayout {
  hasHeader: boolean;
  headers: string[];
  /** Column indexes of the two coordinate values, in the pair's nominal order (lon/east/X first). */
  first: number;
  second: number;
  pair: CoordinatePair;
  ring?: number;
  part?: number;
  feature?: number;
  point?: number;
  name?: number;
}

type Role = 'lon' | 'lat' | 'east' | 'north' | 'x' | 'y' | 'ring' | 'part' | 'feature' | 'point' | 'name';
const ROLE_PATTERNS: [Role, RegExp][] = [
  ['lon', /经度|^lon|^lng|longitude/],
  ['lat', /纬度|^lat/],
  ['ring', /圈号|^ring|^环/],
  ['part', /^part|部件|^子面/],
  ['name', /名称|^name/],
  ['feature', /^feature|^parcel|^地块(编号|号)?$|要素/],
  ['point', /点号|^point|^pt|^序号|^id$|界址点/],
  ['east', /东|east|^e$/],
  ['north', /北|north|^n$/],
  ['x', /^x/],
  ['y', /^y/],
];

function roleOfHeader(header: string): Role | undefined {
  const h = header.trim().toLowerCase().replace(/\s+/g, '');
  return ROLE_PATTERNS.find(([, re]) => re.test(h))?.[0];
}

const isNumeric = (cell: string | undefined) => cell !== undefined && parseCoordinateValue(cell) !== undefined;
const numericCount = (row: string[] | undefined) => (row ?? []).filter(isNumeric).length;

function fromHeader(headers: string[]): ColumnLayout {
  const roles = new Map<Role, number>();
  headers.forEach((h, i) => {
    const role = roleOfHeader(h);
    if (role && !roles.has(role)) roles.set(role, i);
  });
  const base = {
    hasHeader: true,
    headers,
    ring: roles.get('ring'),
    part: roles.get('part'),
    feature: roles.get('feature'),
    point: roles.get('point'),
    name: roles.get('name'),
  };
  if (roles.has('lon') && roles.has('lat')) return { ...base, first: roles.get('lon')!, second: roles.get('lat')!, pair: 'lonlat' };
  if (roles.has('east') && roles.has('north')) return { ...base, first: roles.get('east')!, second: roles.get('north')!, pair: 'eastnorth' };
  if (roles.has('x') && roles.has('y')) return { ...base, first: roles.get('x')!, second: roles.get('y')!, pair: 'ambiguous' };
  throw unprocessable(
    'MISSING_COORDINATE_COLUMNS',
    `表头中找不到坐标列（${headers.join(', ')}）：需要 经度/纬度、东坐标/北坐标 或 X/Y 两列。`,
    `No coordinate columns in the header (${headers.join(', ')}): expected lon/lat, easting/northing or X/Y.`,
  );
}

function withoutHeader(rows: string[][]): ColumnLayout {
  const sample = rows.slice(0, 50);
  const width = Math.max(...sample.map((r) => r.length));
  const numericColumns = Array.from({ length: width }, (_, c) => c).filter((c) => sample.every((r) => isNumeric(r[c])));
  if (numericColumns.length < 2)
    throw unprocessable(
      'MISSING_COORDINATE_COLUMNS',
      '找不到两列数字坐标：每行应有两个坐标值（可带点号、圈号），或在第一行写表头。',
      'Cannot find two numeric coordinate columns: each row needs two coordinate values (optionally a point id and ring), or a header row.',
    );
  const [first, second] = numericColumns.slice(-2);
  const before = numericColumns.length >= 3 ? numericColumns[numericColumns.length - 3] : undefined;
  const ring = before !== undefined && sample.every((r) => /^\d{1,3}$/.test(r[before].trim())) ? before : undefined;
  const point = Array.from({ length: width }, (_, c) => c).find((c) => !numericColumns.includes(c));
  return { hasHeader: false, headers: [], first, second, pair: 'ambiguous', ring, point };
}

/** A first row counts as a header when it names known columns or has fewer numbers than the row after it. */
export function detectColumns(rows: string[][]): ColumnLayout {
  const [head, next] = rows;
  const named = head.filter((h) => roleOfHeader(h) !== undefined && !isNumeric(h)).length;
  const isHeader = named >= 2 || numericCount(head) < Math.min(2, numericCount(next) || 2);
  return isHeader ? fromHeader(head) : withoutHeader(rows);
}
