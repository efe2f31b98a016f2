import type { CheckResult } from '../../../common/api/check-result.ts';
import type { ReportInput } from '../../../common/report/report-input.ts';

/** A CheckResult shaped like POST /api/check answers for a site across a 一级 water-source zone. */
export const WATER_SOURCE_RESULT: CheckResult = {
  verdict: 'prohibited',
  siteAreaM2: 7600,
  results: [
    {
      layerId: 'water_source',
      kind: 'water_source',
      level: 'grade1',
      verdict: 'prohibited',
      relation: 'overlaps',
      overlapAreaM2: 1234.5678,
      overlapPct: 16.2443,
      minDistanceM: 0,
      features: [
        { id: 'ws-1', name: '<script>alert(1)</script>花溪水库', level: 'grade1', overlapAreaM2: 1234.5678, distanceM: 0 },
        { id: 'ws-2', name: '花溪水库', level: 'grade2', overlapAreaM2: 300, distanceM: 0 },
      ],
      rules: [
        {
          id: 'DWS1-PROHIBITED',
          verdict: 'prohibited',
          procedure: { zh: '一级保护区内禁止与供水设施和保护水源无关的建设项目，应调整选址。', en: 'Relocate.' },
          basis: { law: '《中华人民共和国水污染防治法》', article: '第六十五条', textZh: '禁止在饮用水水源一级保护区内新建……', textEn: 'In a grade-1 zone …' },
        },
      ],
      overlap: { type: 'Polygon', coordinates: [[[106.67, 26.41], [106.671, 26.41], [106.671, 26.411], [106.67, 26.41]]] },
    },
    {
      layerId: 'river',
      kind: 'river',
      level: null,
      verdict: 'notice',
      relation: 'near',
      overlapAreaM2: 0,
      overlapPct: 0,
      minDistanceM: 123.456,
      features: [{ id: 'r-1', name: '花溪河, "南段"', level: null, overlapAreaM2: 0, distanceM: 123.456 }],
      rules: [],
      overlap: null,
    },
  ],
  clearLayers: ['eco_redline', 'basic_farmland'],
  layerVersions: { water_source: 1, river: 2, eco_redline: 1, basic_farmland: 3 },
  warnings: [{ zh: '选址与乡镇边界相交', en: 'The site crosses a township boundary' }],
  checkedAt: '2026-05-01T06:03:22.000Z',
  site: { type: 'Polygon', coordinates: [[[106.67, 26.41], [106.671, 26.41], [106.671, 26.411], [106.67, 26.41]]] },
  centroid: [106.67, 26.41],
  bufferM: 500,
  avoidance: { removedAreaM2: 1234.5678, remainingAreaM2: 6365.4322, remainingPct: 83.7557, geometry: null, layerIds: ['water_source'] },
};

export const REPORT_INPUT: ReportInput = {
  result: WATER_SOURCE_RESULT,
  project: { type: 'industrial', dischargesPollutants: true },
  siteName: '花溪示例地块',
  township: { zh: '青岩镇', en: 'Qingyan', illustrative: true },
  layers: [
    { id: 'water_source', nameZh: '饮用水水源保护区', nameEn: 'Drinking-water source protection zones', illustrative: true },
    { id: 'river', nameZh: '河流', nameEn: 'Rivers', illustrative: false },
    { id: 'eco_redline', nameZh: '生态保护红线', nameEn: 'Ecological protection red line', illustrative: true },
    { id: 'basic_farmland', nameZh: '永久基本农田', nameEn: 'Permanent basic farmland', illustrative: true },
  ],
  lang: 'zh',
  generatedAt: '2026-05-01T06:05:00.000Z',
};
