import type { ReportTable, TableCell } from './report-table.ts';

/** RFC 4180 quoting: fields with commas, quotes or line breaks are quoted, quotes doubled. */
function csvField(cell: TableCell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The per-layer table as CSV: UTF-8 with a byte-order mark and CRLF line ends, which is what Excel
 * and WPS on Chinese Windows need to open 中文 text correctly. Numbers stay unformatted.
 */
export function reportCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => csvField(c.label)), ...table.rows.map((r) => r.cells.map(csvField))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
