import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../../server/reports/csv.ts';
import { renderReportDocument } from '../../../common/report/report-html.ts';
import { buildReportModel } from '../../../common/report/report-model.ts';
import { reportXlsx } from '../../../server/reports/xlsx.ts';
import { REPORT_INPUT, WATER_SOURCE_RESULT } from './check-result-fixture.ts';

describe('report model and HTML', () => {
  const model = buildReportModel(REPORT_INPUT);
  const html = renderReportDocument(model);

  it('names levels and verdicts in words and cites law and article', () => {
    expect(html).toContain('一级保护区');
    expect(html).not.toMatch(/>grade1</);
    expect(html).toContain('禁止');
    expect(html).toContain('《中华人民共和国水污染防治法》第六十五条');
    expect(html).toContain('一级保护区内禁止与供水设施和保护水源无关的建设项目');
  });

  it('states the site area in m², 公顷 (4 dp) and 亩 (2 dp), and the centroid in lon/lat and GK', () => {
    expect(html).toContain('7,600.00 m²（0.7600 公顷，11.40 亩）');
    expect(html).toContain('X = 2922944.07，Y = 36367301.81');
    expect(html).toContain('EPSG:4524');
    expect(html).toContain('青岩镇（乡镇界线为示意）');
  });

  it('gives a line site its length and says its area is the footprint at the impact width', () => {
    const fact = (m: ReturnType<typeof buildReportModel>, l: string) => m.facts.find((f) => f.label === l)?.value;
    expect(fact(model, '选址面积')).toBe('7,600.00 m²（0.7600 公顷，11.40 亩）');
    expect(fact(model, '线路长度')).toBeUndefined();
    const line = buildReportModel({ ...REPORT_INPUT, result: { ...WATER_SOURCE_RESULT, siteLengthM: 7783.4, footprint: { lineWidthM: 10 } } });
    expect(fact(line, '线路长度')).toBe('7.783 千米');
    expect(fact(line, '选址面积（按影响宽度缓冲）')).toBe('7,600.00 m²（0.7600 公顷，11.40 亩）');
    expect(fact(line, '选址面积')).toBeUndefined();
    const en = buildReportModel({ ...REPORT_INPUT, lang: 'en', result: { ...WATER_SOURCE_RESULT, siteLengthM: 850, footprint: { lineWidthM: 10 } } });
    expect(fact(en, 'Line length')).toBe('850.0 m');
  });

  it('carries the 示意数据 caveat only when a layer used is illustrative', () => {
    expect(html).toContain('示意数据（非法定成果）');
    const real = buildReportModel({ ...REPORT_INPUT, layers: REPORT_INPUT.layers!.map((l) => ({ ...l, illustrative: false })) });
    expect(renderReportDocument(real)).not.toContain('示意数据（非法定成果）');
  });

  it('escapes every value that came from data', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('lists clear layers, layer versions, the avoidance suggestion and the time in Beijing time', () => {
    expect(model.clearLayers).toEqual(['生态保护红线', '永久基本农田']);
    expect(html).toContain('饮用水水源保护区：v1');
    expect(html).toContain('83.76%');
    expect(html).toContain('2026-05-01 14:03:22（北京时间）');
  });

  it('lists the stretches of a linear site to reroute around by layer, chainage and length', () => {
    const reroute = {
      ...WATER_SOURCE_RESULT.avoidance!,
      suggestion: 'reroute' as const,
      sections: [
        { layerId: 'water_source', part: 1, fromM: 1230.4, toM: 1870 },
        { layerId: 'eco_redline', part: 1, fromM: 25_004.5, toM: 25_400 },
      ],
      crossingLengthM: 1035.1,
    };
    const input = { ...REPORT_INPUT, result: { ...WATER_SOURCE_RESULT, avoidance: reroute } };
    const zh = renderReportDocument(buildReportModel(input));
    expect(zh).toContain('<th>起止桩号</th>');
    expect(zh).toMatch(/<td>饮用水水源保护区<\/td><td>K1\+230～K1\+870<\/td><td class="rr-num">639\.6 米<\/td>/);
    expect(zh).toContain('K25+005～K25+400');
    const en = renderReportDocument(buildReportModel({ ...input, lang: 'en' }));
    expect(en).toMatch(/<td>Ecological protection red line<\/td><td>K25\+005～K25\+400<\/td><td class="rr-num">395\.5 m<\/td>/i);
    // A polygon's suggestion has no such table.
    expect(html).not.toContain('起止桩号');
  });

  it('renders in English when asked', () => {
    const en = renderReportDocument(buildReportModel({ ...REPORT_INPUT, lang: 'en' }));
    expect(en).toContain('Grade-1 zone');
    expect(en).toContain('Prohibited');
    expect(en).toContain('7,600.00 m² (0.7600 ha, 11.40 mu)');
  });
});

describe('table exports', () => {
  const model = buildReportModel(REPORT_INPUT);

  it('CSV: BOM, CRLF, quoted fields, numbers unformatted, clear layers included', () => {
    const csv = reportCsv(model);
    expect(csv.startsWith('\uFEFF图层,级别,结论')).toBe(true);
    const all = csv.slice(1).trimEnd().split('\r\n');
    expect(all.at(-1)).toMatch(/^报告编号,HXJC-\d{8}-/);
    const lines = all.slice(0, -2);
    expect(lines).toHaveLength(1 + WATER_SOURCE_RESULT.results.length + WATER_SOURCE_RESULT.clearLayers.length);
    expect(lines[1]).toContain('饮用水水源保护区,一级保护区,禁止,重叠,1234.57,0.1235,1.85,16.24,0,');
    expect(csv).toContain('"花溪河, ""南段"""');
    expect(lines[3]).toBe('生态保护红线,,无冲突,范围外,0,0,0,0,,,,');
  });

  it('XLSX: the table with numbers as numbers, facts and rules sheets', async () => {
    const buffer = await reportXlsx(model);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('分图层核查结果');
    expect(sheet.getRow(1).getCell(1).value).toBe('图层');
    expect(sheet.getRow(2).getCell(5).value).toBe(1234.57);
    expect(sheet.getRow(2).getCell(6).value).toBe(0.1235);
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('#,##0.00');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['分图层核查结果', '选址概况', '触发规则']);
  });
});
