import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { unprocessable } from '../http/errors.ts';
import { decodeText } from '../geo/text-decoding.ts';

/** A spreadsheet of sites: a header row and one row per site, cells as text or numbers. */
export interface SiteTable {
  columns: string[];
  rows: Record<string, unknown>[];
}

const tooMany = (rows: number, maxRows: number) =>
  unprocessable('TOO_MANY_ROWS', `项目库共 ${rows} 行，超过上限 ${maxRows} 行（BATCH_MAX_ROWS）。请拆分后分批上传。`, `The pool has ${rows} rows, more than the limit of ${maxRows} (BATCH_MAX_ROWS). Split it and upload the parts.`);

function toTable(cells: unknown[][], maxRows: number): SiteTable {
  const [head, ...body] = cells.filter((r) => r.some((c) => c !== '' && c !== null && c !== undefined));
  if (!head || body.length === 0) throw unprocessable('NO_ROWS', '表格中没有数据行（第一行应为表头）。', 'The table has no data rows (the first row must be the header).');
  if (body.length > maxRows) throw tooMany(body.length, maxRows);
  const columns = head.map((c, i) => (c === null || c === undefined || String(c).trim() === '' ? `列${i + 1}` : String(c).trim()));
  return { columns, rows: body.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? '']))) };
}

/** CSV (UTF-8 or GBK, comma, tab or semicolon) → table; reads at most maxRows + 1 records. */
export function readCsvTable(bytes: Buffer, maxRows: number): SiteTable {
  const { text } = decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', '\t', ';'].sort((x, y) => firstLine.split(y).length - firstLine.split(x).length)[0];
  let records: string[][];
  try {
    // to: stops reading past the limit, so an oversized file costs no more than the limit.
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, to: maxRows + 2 });
  } catch (e) {
    throw unprocessable('BAD_CSV', `CSV 无法解析（${(e as Error).message}）。`, `The CSV cannot be parsed (${(e as Error).message}).`);
  }
  return toTable(records, maxRows);
}

function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result ?? '';
    if ('text' in value) return value.text;
    return '';
  }
  return value;
}

/** XLSX → table from its first worksheet. */
export async function readXlsxTable(bytes: Buffer, maxRows: number): Promise<SiteTable> {
  // Imported when first used: ExcelJS is the slowest module to load, and a start does not need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw unprocessable('BAD_XLSX', `XLSX 文件无法读取（${(e as Error).message}）。`, `The XLSX file cannot be read (${(e as Error).message}).`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unprocessable('NO_ROWS', 'XLSX 文件中没有工作表。', 'The XLSX file has no worksheet.');
  if (sheet.actualRowCount > maxRows + 1) throw tooMany(sheet.actualRowCount - 1, maxRows);
  const cells: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    cells.push(values.slice(1).map(cellValue));
  });
  return toTable(cells, maxRows);
}
