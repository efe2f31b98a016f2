import type ExcelJS from 'exceljs';
import type { Bilingual } from '../http/errors.ts';
import type { ListedRule } from './rules.ts';
import { VERDICT_LABELS } from '../../common/domain/verdict.ts';
import { IN_FORCE_LABELS } from '../../common/domain/laws.ts';

/**
 * The 规则库 as a flat table for legal reviewers (CSV, XLSX): one row per rule, Chinese and English
 * side by side, the legal basis in its own columns. Basis fields beyond law/article/text (e.g. a
 * source or a verification flag) get columns of their own, so the download never hides a field.
 */
export interface RulesTable {
  columns: { key: string; header: string }[];
  rows: Record<string, string>[];
}

const RELATION_LABELS: Record<string, Bilingual> = {
  overlaps: { zh: '重叠', en: 'overlaps' },
  near: { zh: '邻近', en: 'near' },
  any: { zh: '任意', en: 'any' },
};

const BASE_COLUMNS: { key: string; header: string }[] = [
  { key: 'id', header: '规则编号 Rule id' },
  { key: 'kindZh', header: '图层类型 Layer kind (zh)' },
  { key: 'kindEn', header: 'Layer kind (en)' },
  { key: 'levels', header: '级别 Levels' },
  { key: 'relation', header: '空间关系 Relation' },
  { key: 'additive', header: '附加规则 Additive' },
  { key: 'conditionZh', header: '条件 Condition (zh)' },
  { key: 'conditionEn', header: 'Condition (en)' },
  { key: 'verdict', header: '结论 Verdict' },
  { key: 'procedureZh', header: '办理程序 Procedure (zh)' },
  { key: 'procedureEn', header: 'Procedure (en)' },
  { key: 'law', header: '法律法规 Law' },
  { key: 'article', header: '条款 Article' },
  { key: 'textZh', header: '条文 Text (zh)' },
  { key: 'textEn', header: 'Text (en)' },
  { key: 'identity', header: '文号/版本 Document number / revision' },
  { key: 'inForce', header: '效力 In force' },
  { key: 'verified', header: '是否已核实 Verified' },
  { key: 'source', header: '核对来源 Source checked' },
  { key: 'checkedOn', header: '核对日期 Checked on' },
  { key: 'currencyNote', header: '效力说明 Currency note' },
];

/** Basis fields with columns of their own above (or internal, like the instrument key). */
const SHOWN_BASIS = ['law', 'article', 'textZh', 'textEn', 'identity', 'inForce', 'check', 'currencyNote', 'instrument', 'inForceFrom', 'inForceUntil'];

const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function rulesTable(rules: ListedRule[]): RulesTable {
  const extraBasis = [...new Set(rules.flatMap((r) => Object.keys(r.basis)))].filter((k) => !SHOWN_BASIS.includes(k));
  const columns = [...BASE_COLUMNS, ...extraBasis.map((k) => ({ key: `basis.${k}`, header: `依据 Basis: ${k}` }))];
  const rows = rules.map((r) => {
    const basis = r.basis as unknown as Record<string, unknown>;
    const row: Record<string, string> = {
      id: r.id,
      kindZh: r.kindLabel?.zh ?? r.kind,
      kindEn: r.kindLabel?.en ?? r.kind,
      levels: r.levelLabels ? r.levelLabels.map((l) => `${l.zh} ${l.en}`).join('; ') : '全部 all',
      relation: `${RELATION_LABELS[r.relation]?.zh ?? r.relation} ${RELATION_LABELS[r.relation]?.en ?? ''}`.trim(),
      additive: r.additive ? '是 yes' : '否 no',
      conditionZh: r.conditionText.zh,
      conditionEn: r.conditionText.en,
      verdict: `${VERDICT_LABELS[r.verdict].zh} ${VERDICT_LABELS[r.verdict].en}`,
      procedureZh: r.procedure.zh,
      procedureEn: r.procedure.en,
      law: text(basis.law),
      article: text(basis.article),
      textZh: text(basis.textZh),
      textEn: text(basis.textEn),
      identity: r.basis.identity,
      inForce: `${IN_FORCE_LABELS[r.basis.inForce].zh} ${IN_FORCE_LABELS[r.basis.inForce].en}`,
      verified: r.basis.check.verified ? '已核实 yes' : '未核实 no',
      source: r.basis.check.source,
      checkedOn: r.basis.check.checkedOn,
      currencyNote: r.basis.currencyNote ? `${r.basis.currencyNote.zh} ${r.basis.currencyNote.en}` : '',
    };
    for (const k of extraBasis) row[`basis.${k}`] = text(basis[k]);
    return row;
  });
  return { columns, rows };
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** UTF-8 with a BOM, so Excel opens the Chinese text correctly. */
export function rulesCsv(table: RulesTable): Buffer {
  const lines = [table.columns.map((c) => quote(c.header)).join(','), ...table.rows.map((r) => table.columns.map((c) => quote(r[c.key] ?? '')).join(','))];
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

export async function rulesXlsx(table: RulesTable): Promise<Buffer> {
  // Imported when first used: ExcelJS is the slowest module to load, and a start does not need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = '生态红线一张图 Redline Map';
  const sheet = workbook.addWorksheet('规则库', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.header, key: c.key, width: /Zh|En|\(zh\)|\(en\)/.test(c.key + c.header) ? 40 : 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.eachRow((row) => row.eachCell((cell) => (cell.alignment = { wrapText: true, vertical: 'top' })));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
