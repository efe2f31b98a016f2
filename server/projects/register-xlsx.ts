import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { PROJECT_TYPE_LABELS } from '../../common/domain/development.ts';
import { VERDICT_LABELS } from '../../common/domain/verdict.ts';
import type { ProjectView } from './store.ts';
import { DECISION_LABELS, STATUS_LABELS } from '../../common/domain/review.ts';

const M2_PER_HECTARE = 10_000;
const M2_PER_MU = 10_000 / 15;

/** Register columns: Chinese header (what the bureau files) with the English name beneath. */
const COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '编号\nID', key: 'id', width: 8 },
  { header: '项目名称\nName', key: 'name', width: 32 },
  { header: '项目类型\nType', key: 'type', width: 26 },
  { header: '申请单位\nApplicant unit', key: 'applicant', width: 24 },
  { header: '申请人账号\nOwner', key: 'owner', width: 14 },
  { header: '乡镇（街道）\nTownship', key: 'township', width: 14 },
  { header: '面积（公顷）\nArea (ha)', key: 'areaHa', width: 12 },
  { header: '面积（亩）\nArea (mu)', key: 'areaMu', width: 12 },
  { header: '状态\nStatus', key: 'status', width: 12 },
  { header: '核查结论\nVerdict', key: 'verdict', width: 14 },
  { header: '审查决定\nDecision', key: 'decision', width: 12 },
  { header: '审查意见\nReview comment', key: 'comment', width: 40 },
  { header: '审查人\nReviewer', key: 'reviewer', width: 12 },
  { header: '版本\nVersion', key: 'version', width: 8 },
  { header: '创建时间\nCreated', key: 'createdAt', width: 20 },
  { header: '提交时间\nSubmitted', key: 'submittedAt', width: 20 },
  { header: '决定时间\nDecided', key: 'decidedAt', width: 20 },
];

const bilingual = (l: { zh: string; en: string }) => `${l.zh} ${l.en}`;

/** Writes the register (项目台账) as an XLSX workbook to `out`. */
export async function writeRegisterXlsx(projects: ProjectView[], out: Writable): Promise<void> {
  // Imported when first used: ExcelJS is the slowest module to load, and a start does not need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = '生态红线一张图 Redline Map';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('项目台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  for (const p of projects) {
    const d = p.lastDecision;
    sheet.addRow({
      id: p.id,
      name: p.name,
      type: PROJECT_TYPE_LABELS[p.project.type]?.zh ?? p.project.type,
      applicant: p.applicant ?? '',
      owner: p.owner.username,
      township: p.township ?? '',
      areaHa: Number((p.areaM2 / M2_PER_HECTARE).toFixed(4)),
      areaMu: Number((p.areaM2 / M2_PER_MU).toFixed(2)),
      status: bilingual(STATUS_LABELS[p.status]),
      verdict: p.verdict ? bilingual(VERDICT_LABELS[p.verdict]) : '未核查 not checked',
      decision: d ? DECISION_LABELS[d.decision].zh : '',
      comment: d?.comment ?? '',
      reviewer: d?.reviewer ?? '',
      version: p.version,
      createdAt: p.createdAt,
      submittedAt: p.submittedAt ?? '',
      decidedAt: p.decidedAt ?? '',
    });
  }
  for (const key of ['createdAt', 'submittedAt', 'decidedAt']) sheet.getColumn(key).numFmt = 'yyyy-mm-dd hh:mm';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  await workbook.xlsx.write(out);
}
