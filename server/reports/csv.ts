import type { ReportModel } from '../../common/report/report-model.ts';
import type { TableCell } from '../../common/report/report-table.ts';

/** RFC 4180 quoting: fields with commas, quotes or line breaks are quoted, quotes doubled. */
function csvField(cell: TableCell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The per-layer table as CSV: UTF-8 with a byte-order mark and CRLF line ends, which is what Excel
 * and WPS on Chinese Windows need to open 中文 text correctly. Numbers stay unformatted. A reviewed
 * project's 审查意见 follows the table after an empty line, as label,value rows under its title —
 * the table's own rows stay a clean table, and the decision is not lost when the file is passed on.
 */
export function reportCsv({ table, review }: Pick<ReportModel, 'table' | 'review'>): string {
  const lines = [table.columns.map((c) => csvField(c.label)), ...table.rows.map((r) => r.cells.map(csvField))];
  if (review) lines.push([], [csvField(review.title)], ...review.rows.map((r) => [csvField(r.label), csvField(r.value)]));
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
