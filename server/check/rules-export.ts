import { IN_FORCE_LABELS } from './rules/laws.ts';
import type { ListedRule } from './rules.ts';
import { VERDICT_LABELS } from './verdict.ts';

/**
 * The 规则库 as a table a legal reviewer can work through: per rule the law (with its identity and
 * whether it is in force), the article, the quoted text, the source the citation was checked
 * against, when, and whether it was verified. Rule ids stay here (and in the data exports).
 */
type Lang = 'zh' | 'en';

const COLUMNS: { zh: string; en: string; width: number; value: (r: ListedRule, lang: Lang) => string }[] = [
  { zh: '规则编号', en: 'Rule id', width: 26, value: (r) => r.id },
  { zh: '图层类型', en: 'Layer kind', width: 16, value: (r, l) => r.kindLabel?.[l] ?? r.kind },
  { zh: '适用级别', en: 'Levels', width: 16, value: (r, l) => (r.levelLabels ? r.levelLabels.map((x) => x[l]).join(l === 'zh' ? '、' : ', ') : l === 'zh' ? '全部' : 'all') },
  { zh: '条件', en: 'Condition', width: 40, value: (r, l) => r.conditionText[l] },
  { zh: '结论', en: 'Verdict', width: 12, value: (r, l) => VERDICT_LABELS[r.verdict][l] },
  { zh: '法律法规', en: 'Law', width: 40, value: (r) => r.basis.law },
  { zh: '文号/版本', en: 'Document number / revision', width: 28, value: (r) => r.basis.identity },
  { zh: '效力', en: 'In force', width: 12, value: (r, l) => IN_FORCE_LABELS[r.basis.inForce][l] },
  { zh: '条款', en: 'Article', width: 20, value: (r) => r.basis.article },
  { zh: '引文', en: 'Quoted text', width: 70, value: (r, l) => (l === 'zh' ? r.basis.textZh : r.basis.textEn) },
  { zh: '是否已核实', en: 'Verified', width: 10, value: (r, l) => (r.basis.check.verified ? (l === 'zh' ? '已核实' : 'yes') : l === 'zh' ? '未核实' : 'no') },
  { zh: '核对来源', en: 'Source checked', width: 70, value: (r) => r.basis.check.source },
  { zh: '核对日期', en: 'Checked on', width: 12, value: (r) => r.basis.check.checkedOn },
  { zh: '效力说明', en: 'Currency note', width: 40, value: (r, l) => r.basis.currencyNote?.[l] ?? '' },
  { zh: '办理程序', en: 'Procedure', width: 70, value: (r, l) => r.procedure[l] },
];

export function rulesTable(rules: ListedRule[], lang: Lang): { header: string[]; rows: string[][] } {
  return { header: COLUMNS.map((c) => c[lang]), rows: rules.map((r) => COLUMNS.map((c) => c.value(r, lang))) };
}

/** A cell that a spreadsheet would read as a formula is prefixed with an apostrophe (CSV injection). */
const defuse = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const csvField = (text: string) => {
  const t = defuse(text);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

/** UTF-8 with BOM and CRLF, as Excel and WPS on Chinese Windows expect. */
export function rulesCsv(rules: ListedRule[], lang: Lang): string {
  const { header, rows } = rulesTable(rules, lang);
  return `\uFEFF${[header, ...rows].map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export async function rulesXlsx(rules: ListedRule[], lang: Lang): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = lang === 'zh' ? '生态红线一张图' : 'Redline Map';
  const sheet = workbook.addWorksheet(lang === 'zh' ? '规则库' : 'Rule base', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c[lang], width: c.width, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rulesTable(rules, lang).rows) {
    const added = sheet.addRow(row);
    const verified = COLUMNS.findIndex((c) => c.en === 'Verified') + 1;
    if (!rules[added.number - 2]?.basis.check.verified) added.getCell(verified).font = { bold: true, color: { argb: 'FF8A4B00' } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
