import ExcelJS from 'exceljs';
import type { Geometry } from 'geojson';
import type { LayerDiff, LedgerLayer } from '../../common/api/ledger.ts';
import { writeGeoPackage } from '../exporters/gpkg-writer.ts';

const HA = 10_000;
const ha = (m2: number) => Math.round((m2 / HA) * 10_000) / 10_000;
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

function sheetWith(workbook: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  sheet.getRow(1).height = 32;
  return sheet;
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '生态红线一张图 Redline Map';
  workbook.created = new Date();
  return workbook;
}

/** A diff as a workbook: 汇总 (totals and per level), 要素变化 (added / removed / changed features). */
export async function diffXlsx(diff: LayerDiff, layerName: string): Promise<Buffer> {
  const workbook = newWorkbook();
  const summary = sheetWith(workbook, '汇总 Summary', [
    { header: '级别\nLevel', width: 24 },
    { header: '调入（公顷）\nGained (ha)', width: 16 },
    { header: '调出（公顷）\nLost (ha)', width: 16 },
    { header: '净变化（公顷）\nNet (ha)', width: 16 },
  ]);
  summary.addRow([`${layerName} v${diff.from} → v${diff.to}（合计 Total）`, ha(diff.gainedM2), ha(diff.lostM2), ha(diff.netM2)]);
  for (const [level, v] of Object.entries(diff.byLevel)) summary.addRow([level, ha(v.gainedM2), ha(v.lostM2), ha(v.gainedM2 - v.lostM2)]);
  const features = sheetWith(workbook, '要素变化 Features', [
    { header: '标识码\nId', width: 20 },
    { header: '变化\nChange', width: 22 },
    { header: '原级别\nLevel before', width: 16 },
    { header: '新级别\nLevel after', width: 16 },
    { header: '调入（公顷）\nGained (ha)', width: 14 },
    { header: '调出（公顷）\nLost (ha)', width: 14 },
  ]);
  for (const id of diff.added) features.addRow([id, '新增 added', null, null, null, null]);
  for (const id of diff.removed) features.addRow([id, '删除 removed', null, null, null, null]);
  for (const c of diff.changed)
    features.addRow([c.id, c.levelFrom !== c.levelTo ? '性质变化 re-levelled' : '边界调整 reshaped', c.levelFrom, c.levelTo, ha(c.gainedM2), ha(c.lostM2)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A diff as a GeoPackage: one table `layer_diff`, a row each for the gained, lost and re-levelled areas. */
export async function diffGpkg(diff: LayerDiff, layerName: string): Promise<Buffer> {
  const parts: { change: string; zh: string; geometry: Geometry | null }[] = [
    { change: 'gained', zh: '调入', geometry: diff.gained as Geometry | null },
    { change: 'lost', zh: '调出', geometry: diff.lost as Geometry | null },
    { change: 'relevelled', zh: '性质变化', geometry: diff.relevelled as Geometry | null },
  ];
  const areas: Record<string, number | null> = { gained: diff.gainedM2, lost: diff.lostM2, relevelled: null };
  return writeGeoPackage({
    table: 'layer_diff',
    title: `${layerName} v${diff.from} → v${diff.to}`,
    description: `图层版本对比 layer version diff ${diff.layerId} v${diff.from} → v${diff.to}`,
    srs: { id: 4326, name: 'WGS 84 geodetic', wkt: WGS84_WKT },
    columns: [
      { name: 'change', type: 'TEXT' },
      { name: 'change_zh', type: 'TEXT' },
      { name: 'area_m2', type: 'REAL' },
    ],
    metadata: { layer: diff.layerId, from: String(diff.from), to: String(diff.to), tolerance_m: String(diff.toleranceM) },
    rows: parts.filter((p) => p.geometry).map((p) => ({ geometry: p.geometry, values: [p.change, p.zh, areas[p.change]] })),
  });
}

/** The ledger as a workbook, one sheet per layer (sheet names ≤ 31 characters, unique). */
export async function ledgerXlsx(ledger: LedgerLayer[]): Promise<Buffer> {
  const workbook = newWorkbook();
  const used = new Set<string>();
  for (const layer of ledger) {
    let name = `${layer.nameZh}`.replace(/[\\/*?:[\]]/g, ' ').slice(0, 28);
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 26)}-${i}`;
    used.add(name);
    const sheet = sheetWith(workbook, name, [
      { header: '版本\nVersion', width: 9 },
      { header: '发布时间\nPublished', width: 22 },
      { header: '面积（公顷）\nArea (ha)', width: 16 },
      { header: '净变化（公顷）\nNet change (ha)', width: 16 },
      { header: '面积减少\nDecrease', width: 10 },
      { header: '性质变化（要素数）\nLevel changes', width: 14 },
      { header: '批准文号\nApproval document', width: 26 },
      { header: '说明\nNote', width: 40 },
    ]);
    for (const v of layer.versions)
      sheet.addRow([v.version, v.createdAt, ha(v.areaM2), ha(v.netChangeM2), v.decreased ? '减少 decrease' : '', v.levelChanges, v.approvalDocument ?? '', v.note ?? '']);
  }
  if (ledger.length === 0) workbook.addWorksheet('台账 Ledger');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
