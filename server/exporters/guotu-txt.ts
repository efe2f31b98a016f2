import type { Position } from 'geojson';
import { planarAreaM2 } from '../geo/planar-area.ts';
import { fromWgs84 } from '../geo/crs.ts';
import { samePosition, signedRingArea } from '../geo/geometry.ts';
import { encodeText } from '../geo/text-decoding.ts';
import { downloadName } from './file-name.ts';
import { exportZone, type ExportZone } from './zone.ts';
import type { ExportFile, ExportOptions, SiteFeatureCollection, SiteGeometry } from './types.ts';

/**
 * 国土 TXT 界址点 file (rules.md §13), one parcel per feature, CGCS2000 Gauss-Krüger in the zone
 * of the site's longitude (or the user's), Y with the zone prefix, CRLF. Every ring runs clockwise
 * from its north-west vertex (the usual 界址点 numbering, and how the rules.md example writes its
 * hole too) and repeats its first point; 界址点数 counts all rows including those repeats; 地块面积
 * is the planar area on the zone's plane in 公顷, 4 dp. Only here is X the northing and Y the easting.
 */
const COORDINATE_DECIMALS = 3; // 精度=0.001 m

/** Fields must not carry the separators the reader splits on. */
const field = (v: unknown) => (v === null || v === undefined ? '' : String(v)).replace(/[,，@\r\n]/g, ' ').trim();

/** The ring clockwise, open (no closing repeat), starting at the vertex nearest its bounding box's NW corner. */
function clockwiseFromNorthWest(ring: Position[]): Position[] {
  const closed = samePosition(ring[0], ring[ring.length - 1]) ? ring : [...ring, ring[0]];
  const clockwise = signedRingArea(closed) > 0 ? [...closed].reverse() : closed;
  const open = clockwise.slice(0, -1);
  const minX = Math.min(...open.map((p) => p[0]));
  const maxY = Math.max(...open.map((p) => p[1]));
  let start = 0;
  open.forEach((p, i) => {
    const d = Math.hypot(p[0] - minX, p[1] - maxY);
    if (d < Math.hypot(open[start][0] - minX, open[start][1] - maxY)) start = i;
  });
  return [...open.slice(start), ...open.slice(0, start)];
}

/** Rings in [east, north], open; polygon rings clockwise from their NW vertex. */
function ringsOf(g: SiteGeometry): { rings: Position[][]; closed: boolean; shape: '点' | '线' | '面' } {
  switch (g.type) {
    case 'Point':
      return { rings: [[g.coordinates]], closed: false, shape: '点' };
    case 'MultiPoint':
      return { rings: [g.coordinates], closed: false, shape: '点' };
    case 'LineString':
      return { rings: [g.coordinates], closed: false, shape: '线' };
    case 'MultiLineString':
      return { rings: g.coordinates, closed: false, shape: '线' };
    case 'Polygon':
    case 'MultiPolygon': {
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      const rings = polygons.flatMap((p) => p.map(clockwiseFromNorthWest));
      return { rings, closed: true, shape: '面' };
    }
  }
}

function parcelLines(f: SiteFeatureCollection['features'][number], index: number, zone: ExportZone, options: ExportOptions): string[] {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const projected = fromWgs84(f.geometry, zone.epsg);
  const { rings, closed, shape } = ringsOf(projected);
  const rows: string[] = [];
  let pointNo = 0;
  rings.forEach((ring, r) => {
    const first = pointNo + 1;
    const row = (id: number, [east, north]: Position) => `J${id},${r + 1},${north.toFixed(COORDINATE_DECIMALS)},${east.toFixed(COORDINATE_DECIMALS)}`;
    ring.forEach((pos) => rows.push(row(++pointNo, pos)));
    if (closed) rows.push(row(first, ring[0]));
  });
  const areaHa = (planarAreaM2(projected) / 10_000).toFixed(4);
  const number = field(p['地块编号'] ?? p['编号'] ?? p.parcelNumber ?? index + 1);
  const name = field(p['地块名称'] ?? p['名称'] ?? p.name ?? options.name ?? `地块${index + 1}`);
  const use = field(p['地块用途'] ?? p['用途'] ?? p.landUse);
  const plot = [rows.length, areaHa, number, name, shape, field(p['图幅号']), use, field(p['地类编码'] ?? p.landClassCode), '@'].join(',');
  return [plot, ...rows];
}

export function exportGuotuTxt(site: SiteFeatureCollection, options: ExportOptions = {}): ExportFile {
  const zone = exportZone(site, options);
  const encoding = options.encoding ?? 'utf-8';
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const lines = [
    '[属性描述]',
    '格式版本号=1.01',
    '数据产生单位=生态红线一张图（Redline Map）',
    `数据产生日期=${date}`,
    '坐标系=2000国家大地坐标系',
    `几度分带=${zone.widthDeg}`,
    '投影类型=高斯克吕格',
    '计量单位=米',
    `带号=${zone.zone}`,
    `精度=${(10 ** -COORDINATE_DECIMALS).toFixed(COORDINATE_DECIMALS)}`,
    '转换参数=,,,,,,',
    '[地块坐标]',
    ...site.features.flatMap((f, i) => parcelLines(f, i, zone, options)),
  ];
  const charset = encoding === 'gbk' ? 'GBK' : 'utf-8';
  return {
    body: encodeText(lines.join('\r\n') + '\r\n', encoding),
    contentType: `text/plain; charset=${charset}`,
    filename: downloadName(options.name, 'txt'),
  };
}
