import { registerBundle } from '../i18n/bundle.ts';

/** Strings of the report view (namespace "report"); the report itself carries its own words. */
export const REPORT_NS = 'report';

const zhCN = {
  title: '核查报告',
  preparing: '正在生成报告（地图截图、所在乡镇）…',
  print: '打印 / 另存为 PDF',
  pdf: '下载 PDF',
  csv: '导出表格 CSV',
  xlsx: '导出表格 Excel',
  close: '关闭',
  busy: '正在生成文件…',
  failed: '生成失败：{{message}}',
  noCheck: '尚无核查结果：请先绘制或导入选址。',
  figureLegend: '图例',
  figureOverview: '位置示意图',
  figureSite: '选址范围',
};

const en: typeof zhCN = {
  title: 'Check report',
  preparing: 'Preparing the report (map snapshot, township)…',
  print: 'Print / Save as PDF',
  pdf: 'Download PDF',
  csv: 'Table as CSV',
  xlsx: 'Table as Excel',
  close: 'Close',
  busy: 'Making the file…',
  failed: 'Failed: {{message}}',
  noCheck: 'No check yet: draw or import a site first.',
  figureLegend: 'Legend',
  figureOverview: 'Location in the district',
  figureSite: 'Site',
};

registerBundle(REPORT_NS, { 'zh-CN': zhCN, en });
