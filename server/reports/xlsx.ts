import type { ReportModel } from '../../common/report/report-model.ts';
import { VERDICT_COLOURS } from '../../common/report/report-styles.ts';

/**
 * The report as an Excel workbook: the per-layer table (numbers as numbers, with the reporting
 * decimals as number formats), the site facts, the 审查意见 of a reviewed project and the cited
 * rules. exceljs is loaded on first use.
 */
export async function reportXlsx(model: ReportModel): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const zh = model.lang === 'zh';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = zh ? '生态红线一张图' : 'Redline Map';
  workbook.created = new Date();

  const table = workbook.addWorksheet(zh ? '分图层核查结果' : 'Results per layer', { views: [{ state: 'frozen', ySplit: 1 }] });
  table.columns = model.table.columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: c.key === 'procedure' ? 60 : c.key === 'basis' || c.key === 'features' ? 36 : c.decimals !== undefined ? 14 : 22,
    style: c.decimals !== undefined ? { numFmt: c.decimals === 0 ? '0' : `#,##0.${'0'.repeat(c.decimals)}` } : { alignment: { wrapText: true, vertical: 'top' } },
  }));
  table.getRow(1).font = { bold: true };
  const verdictColumn = model.table.columns.findIndex((c) => c.key === 'verdict') + 1;
  for (const row of model.table.rows) {
    const added = table.addRow(row.cells);
    added.getCell(verdictColumn).font = { bold: true, color: { argb: `FF${VERDICT_COLOURS[row.verdict].slice(1).toUpperCase()}` } };
  }

  const facts = workbook.addWorksheet(zh ? '选址概况' : 'Site facts');
  facts.columns = [{ width: 30 }, { width: 90 }];
  facts.addRow([model.title]).font = { bold: true, size: 14 };
  if (model.caveat) facts.addRow([model.caveat]).font = { bold: true, color: { argb: 'FF8A4B00' } };
  facts.addRow([zh ? '报告编号' : 'Report number', model.reportNumber]);
  facts.addRow([zh ? '总体结论' : 'Overall verdict', model.verdictLabel]);
  for (const f of model.facts) facts.addRow([f.label, f.value]);
  if (model.avoidance) facts.addRow([zh ? '避让建议' : 'Avoidance suggestion', model.avoidance]);
  for (const c of model.crossings) facts.addRow(zh ? [`穿越段：${c.layer}`, `${c.chainage}（${c.length}）`] : [`Crossing: ${c.layer}`, `${c.chainage} (${c.length})`]);
  facts.addRow([zh ? '核查时间' : 'Checked at', model.checkedAt]);
  for (const v of model.layerVersions) facts.addRow([v.name, v.version]);

  // 审查意见 of a reviewed project, on its own sheet as the PDF prints it in its own section.
  if (model.review) {
    const review = workbook.addWorksheet(model.review.title);
    review.columns = [{ width: 24 }, { width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } }];
    review.addRow([model.review.title]).font = { bold: true, size: 14 };
    for (const r of model.review.rows) {
      const row = review.addRow([r.label, r.value]);
      if (r.tone) row.getCell(2).font = { bold: true, color: { argb: `FF${VERDICT_COLOURS[r.tone].slice(1).toUpperCase()}` } };
    }
  }

  const rules = workbook.addWorksheet(zh ? '触发规则' : 'Rules fired');
  rules.columns = [
    { header: zh ? '规则' : 'Rule', width: 22 },
    { header: zh ? '结论' : 'Verdict', width: 12 },
    { header: zh ? '依据' : 'Legal basis', width: 40 },
    { header: zh ? '涉及图层' : 'Layers', width: 24 },
    { header: zh ? '条文' : 'Text', width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { header: zh ? '办理程序 / 要求' : 'Procedure', width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  rules.getRow(1).font = { bold: true };
  for (const r of model.rules) rules.addRow([r.id, r.verdictLabel, r.citation, r.layers, r.text, r.procedure]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
