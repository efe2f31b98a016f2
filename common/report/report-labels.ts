/** The report's own words in both languages (the report is rendered without the client's i18next). */
export type ReportLang = 'zh' | 'en';

const LABELS = {
  title: { zh: '生态红线选址核查报告', en: 'Ecological control line site check report' },
  caveat: {
    zh: '示意数据（非法定成果）：本报告使用的部分图层为示意数据，仅供方案比选参考，不能作为审批依据。',
    en: 'Illustrative data (not statutory): some layers used in this report are illustrative; use it to compare options only, never as the basis of an approval.',
  },
  screeningNote: {
    zh: '本报告为辅助筛查结果，不构成法律意见；地方条例可能更严格，最终以主管部门意见为准。',
    en: 'A screening aid, not legal advice; local regulations may be stricter and the competent authority decides.',
  },
  overallVerdict: { zh: '总体结论', en: 'Overall verdict' },
  mapSnapshot: { zh: '选址与冲突示意图', en: 'Site and overlaps' },
  noMap: { zh: '（未附地图截图）', en: '(no map snapshot attached)' },
  siteFacts: { zh: '选址概况', en: 'Site facts' },
  siteName: { zh: '项目名称', en: 'Project name' },
  projectType: { zh: '项目类型', en: 'Project type' },
  projectFlags: { zh: '项目属性', en: 'Project attributes' },
  none: { zh: '无', en: 'None' },
  siteArea: { zh: '选址面积', en: 'Site area' },
  siteAreaFootprint: { zh: '选址面积（按影响宽度缓冲）', en: 'Site area (footprint at the impact width)' },
  lineLength: { zh: '线路长度', en: 'Line length' },
  centroidLonLat: { zh: '中心点经纬度（CGCS2000）', en: 'Centre point lon/lat (CGCS2000)' },
  centroidGk: { zh: '中心点高斯-克吕格坐标（3°带）', en: 'Centre point Gauss-Krüger (3° zone)' },
  township: { zh: '所在乡镇（街道）', en: 'Township' },
  townshipUnknown: { zh: '未知', en: 'Unknown' },
  townshipIllustrative: { zh: '（乡镇界线为示意）', en: ' (township boundaries are illustrative)' },
  bufferM: { zh: '邻近筛查距离', en: 'Proximity screening distance' },
  layerTable: { zh: '分图层核查结果', en: 'Results per layer' },
  clearLayers: { zh: '已核查无冲突', en: 'Checked, no conflict' },
  citedRules: { zh: '触发的规则、依据与办理程序', en: 'Rules fired, legal basis and procedures' },
  avoidance: { zh: '避让建议', en: 'Avoidance suggestion' },
  avoidanceText: {
    zh: '扣除禁止区域（{layers}）后，剩余选址面积 {remaining}，占原选址的 {pct}%；扣除 {removed}。',
    en: 'With the prohibited zones ({layers}) clipped out, {remaining} of the site remain ({pct}% of the original); {removed} are removed.',
  },
  warnings: { zh: '提示信息', en: 'Warnings' },
  layerVersions: { zh: '图层数据版本', en: 'Layer data versions' },
  illustrative: { zh: '示意', en: 'illustrative' },
  checkedAt: { zh: '核查时间', en: 'Checked at' },
  generatedAt: { zh: '报告生成时间', en: 'Report generated at' },
  colLayer: { zh: '图层', en: 'Layer' },
  colLevel: { zh: '级别', en: 'Level' },
  colVerdict: { zh: '结论', en: 'Verdict' },
  colRelation: { zh: '空间关系', en: 'Relation' },
  colArea: { zh: '重叠面积', en: 'Overlap area' },
  colAreaM2: { zh: '重叠面积（m²）', en: 'Overlap (m²)' },
  colAreaHa: { zh: '重叠面积（公顷）', en: 'Overlap (ha)' },
  colAreaMu: { zh: '重叠面积（亩）', en: 'Overlap (mu)' },
  colPct: { zh: '占选址比例（%）', en: 'Share of site (%)' },
  colDistance: { zh: '最近距离（m）', en: 'Distance (m)' },
  colFeatures: { zh: '涉及要素', en: 'Features' },
  colBasis: { zh: '依据', en: 'Legal basis' },
  colProcedure: { zh: '办理程序 / 要求', en: 'Procedure / requirement' },
  colRule: { zh: '规则', en: 'Rule' },
  relationOverlaps: { zh: '重叠', en: 'Overlaps' },
  relationTouches: { zh: '相接（无重叠）', en: 'Touches (no overlap)' },
  relationNear: { zh: '邻近', en: 'Nearby' },
  relationOutside: { zh: '范围外', en: 'Outside' },
  hectare: { zh: '公顷', en: 'ha' },
  mu: { zh: '亩', en: 'mu' },
  metre: { zh: '米', en: 'm' },
} as const;

export type ReportLabelKey = keyof typeof LABELS;

/** The label in the report's language, with {name} placeholders filled. */
export function label(lang: ReportLang, key: ReportLabelKey, values: Record<string, string> = {}): string {
  return LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}
