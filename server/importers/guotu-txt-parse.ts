import { unprocessable } from '../http/errors.ts';

/**
 * Text → sections of a 国土 TXT 界址点 file (rules.md §13). Only syntax here: which line is what,
 * numbers are numbers. Inside this module X = northing and Y = easting, as the format writes them.
 *
 *   [属性描述]            key=value lines (坐标系, 几度分带, 带号, …)
 *   [地块坐标]            per parcel a plot line ending in @, then point rows 点号,圈号,X,Y
 */
export interface GuotuPointRow {
  pointId: string;
  ring: number;
  xNorthM: number;
  yEastM: number;
  line: number;
}

export interface GuotuParcelRow {
  line: number;
  declaredPointCount?: number;
  declaredAreaHa?: number;
  parcelNumber: string;
  parcelName: string;
  /** 记录图形属性: 点 / 线 / 面 */
  shape: string;
  sheetNumber: string;
  landUse: string;
  landClassCode: string;
  points: GuotuPointRow[];
}

export interface GuotuDocument {
  header: Map<string, string>;
  hasHeaderSection: boolean;
  parcels: GuotuParcelRow[];
}

const ATTRIBUTES = '属性描述';
const COORDINATES = '地块坐标';
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function lineError(code: string, line: number, text: string, zh: string, en: string): never {
  const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  throw unprocessable(code, `第 ${line} 行：${zh}（“${shown}”）`, `Line ${line}: ${en} ("${shown}")`, { line });
}

/** Full-width commas, @, = and brackets, as typed on Chinese keyboards, become ASCII. */
const normalizeLine = (s: string) =>
  s.replace(/，/g, ',').replace(/＠/g, '@').replace(/＝/g, '=').replace(/[【［]/g, '[').replace(/[】］]/g, ']').trim();

function parseNumber(field: string, line: number, text: string, what: string, whatEn: string): number {
  if (!NUMBER.test(field))
    lineError('NON_NUMERIC_COORDINATE', line, text, `${what}“${field}”不是数字`, `${whatEn} "${field}" is not a number`);
  return Number(field);
}

function parsePlotLine(fields: string[], line: number, text: string): GuotuParcelRow {
  if (fields.length < 5)
    lineError('MALFORMED_PLOT_LINE', line, text, '地块行字段不足（应为 界址点数,地块面积,地块编号,地块名称,图形属性,图幅号,地块用途,地类编码,@）', 'plot line has too few fields (expected count,area(ha),number,name,shape,sheet,use,class code,@)');
  const [count, area, parcelNumber = '', parcelName = '', shape = '', sheetNumber = '', landUse = '', landClassCode = ''] = fields;
  if (count !== '' && !/^\d+$/.test(count))
    lineError('MALFORMED_PLOT_LINE', line, text, `界址点数“${count}”不是整数`, `point count "${count}" is not an integer`);
  if (area !== '' && !NUMBER.test(area))
    lineError('MALFORMED_PLOT_LINE', line, text, `地块面积“${area}”不是数字`, `parcel area "${area}" is not a number`);
  return {
    line,
    declaredPointCount: count === '' ? undefined : Number(count),
    declaredAreaHa: area === '' ? undefined : Number(area),
    parcelNumber,
    parcelName,
    shape,
    sheetNumber,
    landUse,
    landClassCode,
    points: [],
  };
}

function parsePointRow(fields: string[], line: number, text: string): GuotuPointRow {
  if (fields.length !== 4)
    lineError('MALFORMED_POINT_ROW', line, text, '界址点行应为 4 个字段：点号,圈号,X,Y', 'a point row must have 4 fields: point id, ring, X, Y');
  const [pointId, ringText, x, y] = fields;
  if (!/^\d+$/.test(ringText) || Number(ringText) < 1)
    lineError('MALFORMED_POINT_ROW', line, text, `圈号“${ringText}”应为正整数`, `ring number "${ringText}" must be a positive integer`);
  return {
    pointId,
    ring: Number(ringText),
    xNorthM: parseNumber(x, line, text, 'X 坐标', 'X coordinate'),
    yEastM: parseNumber(y, line, text, 'Y 坐标', 'Y coordinate'),
    line,
  };
}

export function parseGuotuText(text: string): GuotuDocument {
  const header = new Map<string, string>();
  const parcels: GuotuParcelRow[] = [];
  let section: 'none' | 'attributes' | 'coordinates' = 'none';
  let hasHeaderSection = false;
  let sawCoordinates = false;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const s = normalizeLine(raw);
    if (s === '') return;
    const sectionName = /^\[(.*)\]$/.exec(s)?.[1]?.trim();
    if (sectionName !== undefined) {
      if (sectionName === ATTRIBUTES) {
        section = 'attributes';
        hasHeaderSection = true;
      } else if (sectionName === COORDINATES) {
        section = 'coordinates';
        sawCoordinates = true;
      } else
        lineError('WRONG_SECTION', line, raw, `未知的节“[${sectionName}]”，应为 [属性描述] 或 [地块坐标]`, `unknown section "[${sectionName}]"; expected [属性描述] or [地块坐标]`);
      return;
    }
    if (section === 'none')
      lineError('WRONG_SECTION', line, raw, '内容出现在 [属性描述]/[地块坐标] 节之前', 'content before the [属性描述]/[地块坐标] sections');
    if (section === 'attributes') {
      const eq = s.indexOf('=');
      if (eq <= 0) lineError('MALFORMED_HEADER', line, raw, '属性描述行应为“名称=值”', 'a header line must read "key=value"');
      header.set(s.slice(0, eq).trim(), s.slice(eq + 1).trim());
      return;
    }
    const fields = s.split(',').map((f) => f.trim());
    if (fields[fields.length - 1] === '@') {
      parcels.push(parsePlotLine(fields.slice(0, -1), line, raw));
      return;
    }
    // Some tools end point rows with a stray comma.
    while (fields.length > 4 && fields[fields.length - 1] === '') fields.pop();
    const parcel = parcels[parcels.length - 1];
    if (!parcel)
      lineError('MALFORMED_POINT_ROW', line, raw, '界址点行之前缺少地块行（以 @ 结尾）', 'point row before any plot line (the line ending in @)');
    parcel.points.push(parsePointRow(fields, line, raw));
  });
  if (!sawCoordinates)
    throw unprocessable('WRONG_SECTION', '缺少 [地块坐标] 节：这不是国土 TXT 界址点文件，或文件不完整。', 'No [地块坐标] section: not a 国土 TXT boundary-point file, or the file is incomplete.');
  if (parcels.length === 0)
    throw unprocessable('NO_PARCELS', '[地块坐标] 节中没有地块（以 @ 结尾的地块行）。', 'The [地块坐标] section has no parcel (no plot line ending in @).');
  const empty = parcels.find((p) => p.points.length === 0);
  if (empty)
    throw unprocessable('EMPTY_PARCEL', `第 ${empty.line} 行的地块没有界址点（文件可能被截断）。`, `The parcel on line ${empty.line} has no boundary points (the file may be truncated).`, { line: empty.line });
  return { header, hasHeaderSection, parcels };
}
