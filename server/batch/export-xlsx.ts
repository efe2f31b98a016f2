import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { PROJECT_TYPE_LABELS, type ProjectType } from '../../common/domain/development.ts';
import { VERDICT_LABELS } from '../../common/domain/verdict.ts';
import type { StoredRow } from './store.ts';

const M2_PER_HECTARE = 10_000;

export interface LayerName {
  layerId: string;
  nameZh: string;
  nameEn: string;
}

const SITE_COLUMNS = [
  { header: '序号\nNo.', width: 7 },
  { header: '项目名称\nName', width: 30 },
  { header: '项目类型\nType', width: 22 },
  { header: '核查结论\nVerdict', width: 16 },
  { header: '选址面积（公顷）\nSite area (ha)', width: 14 },
  { header: '规则\nRules', width: 28 },
  { header: '错误\nError', width: 30 },
];
const LAYER_COLUMNS = [
  { header: '结论\nVerdict', width: 14 },
  { header: '压占（公顷）\nOverlap (ha)', width: 12 },
  { header: '占比（%）\nShare (%)', width: 10 },
  { header: '最近距离（米）\nNearest (m)', width: 12 },
];

const typeLabel = (type: unknown) => (typeof type === 'string' && type in PROJECT_TYPE_LABELS ? PROJECT_TYPE_LABELS[type as ProjectType].zh : String(type ?? ''));

/**
 * A batch's results as one workbook: one row per site, then a column group per layer (merged
 * layer name above 结论 / 压占 / 占比 / 最近距离). Layers a site does not reach stay empty.
 */
export async function writeBatchXlsx(rows: StoredRow[], layers: LayerName[], out: Writable): Promise<void> {
  // Imported when first used: ExcelJS is the slowest module to load, and a start does not need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = '生态红线一张图 Redline Map';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('批量核查结果', { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
  const top = sheet.getRow(1);
  const sub = sheet.getRow(2);
  SITE_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
    top.getCell(i + 1).value = c.header;
    sheet.mergeCells(1, i + 1, 2, i + 1);
  });
  layers.forEach((layer, j) => {
    const first = SITE_COLUMNS.length + 1 + j * LAYER_COLUMNS.length;
    top.getCell(first).value = `${layer.nameZh}\n${layer.nameEn}`;
    sheet.mergeCells(1, first, 1, first + LAYER_COLUMNS.length - 1);
    LAYER_COLUMNS.forEach((c, k) => {
      sheet.getColumn(first + k).width = c.width;
      sub.getCell(first + k).value = c.header;
    });
  });
  for (const row of [top, sub]) {
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
  top.height = 32;
  sub.height = 32;

  for (const row of rows) {
    const r = row.result;
    const values: (string | number | null)[] = [
      row.idx + 1,
      row.name ?? '',
      typeLabel(row.project?.type),
      r ? `${VERDICT_LABELS[r.verdict].zh} ${VERDICT_LABELS[r.verdict].en}` : row.status === 'pending' ? '未核查 pending' : '错误 error',
      r ? Number((r.siteAreaM2 / M2_PER_HECTARE).toFixed(4)) : null,
      r ? [...new Set(r.results.flatMap((l) => l.rules.map((rule) => rule.id)))].join(', ') : '',
      row.error ? `${row.error.code}：${row.error.message.zh}` : '',
    ];
    for (const layer of layers) {
      const l = r?.results.find((x) => x.layerId === layer.layerId);
      values.push(
        l ? VERDICT_LABELS[l.verdict].zh : null,
        l ? Number((l.overlapAreaM2 / M2_PER_HECTARE).toFixed(4)) : null,
        l && Number.isFinite(l.overlapPct) ? Number(l.overlapPct.toFixed(2)) : null, // rows stored before the NaN fix hold null
        l && l.minDistanceM !== null ? Number(l.minDistanceM.toFixed(1)) : null,
      );
    }
    sheet.addRow(values);
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: SITE_COLUMNS.length + layers.length * LAYER_COLUMNS.length } };
  await workbook.xlsx.write(out);
}
