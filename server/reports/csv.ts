import { stringify } from 'csv-stringify/sync';
import type { ReportModel } from '../../common/report/report-model.ts';
import type { TableCell } from '../../common/report/report-table.ts';

/**
 * The per-layer table as CSV: UTF-8 with a byte-order mark and CRLF line ends, which is what Excel
 * and WPS on Chinese Windows need to open 中文 text correctly. Numbers stay unformatted. A reviewed
 * project's 审查意见 follows the table after an empty line, as label,value rows under its title —
 * the table's own rows stay a clean table, and the decision is not lost when the file is passed on.
 */
export function reportCsv({ table, review, reportNumber, lang }: Pick<ReportModel, 'table' | 'review' | 'reportNumber' | 'lang'>): string {
  const rows: TableCell[][] = [table.columns.map((c) => c.label), ...table.rows.map((r) => r.cells)];
  if (review) rows.push([], [review.title], ...review.rows.map((r) => [r.label, r.value]));
  // Last, after an empty line: the report number ties the file to its PDF.
  rows.push([], [lang === 'en' ? 'Report number' : '报告编号', reportNumber]);
  // RFC 4180 quoting, and text that a spreadsheet would run as a formula (=HYPERLINK(…) in a project
  // name or a 审查意见) gets a leading ' so it stays text; negative numbers stay numbers.
  return `\uFEFF${stringify(rows, { record_delimiter: 'windows', escape_formulas: true })}`;
}
