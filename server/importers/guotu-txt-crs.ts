import { unprocessable } from '../http/errors.ts';
import { gaussKrugerEpsg, getCrs, ZONE_RANGE, zoneFromPrefixedEasting, zoneWidthOfPrefix, type GeodeticDatum } from '../geo/crs.ts';
import type { GuotuDocument } from './guotu-txt-parse.ts';
import { warning, type CrsChoice, type ImportWarning } from './types.ts';

/**
 * Which Gauss-Krüger CRS a 国土 TXT file is in: datum from 坐标系, zone width from 几度分带, zone
 * from 带号 and/or the Y prefix (they must agree), prefix habit from Y's magnitude. A user's
 * explicit crs wins over the header but must still agree with the Y prefix.
 */
export interface GuotuCrs {
  epsg: number;
  warnings: ImportWarning[];
}

function datumOf(system: string | undefined, warnings: ImportWarning[]): GeodeticDatum {
  const s = (system ?? '').trim();
  if (s === '') {
    warnings.push(warning('ASSUMED_CGCS2000', '文件未写明坐标系，按 2000 国家大地坐标系处理。', 'The file names no coordinate system; CGCS2000 assumed.'));
    return 'CGCS2000';
  }
  if (/2000|CGCS/i.test(s)) return 'CGCS2000';
  if (/80|西安|xian/i.test(s)) return 'Xian1980';
  if (/54|北京|beijing/i.test(s)) return 'Beijing1954';
  if (/WGS/i.test(s)) {
    warnings.push(warning('WGS84_AS_CGCS2000', `坐标系“${s}”按 2000 国家大地坐标系的高斯投影处理（两者相差厘米级）。`, `Coordinate system "${s}" treated as CGCS2000 Gauss-Krüger (they differ by centimetres).`));
    return 'CGCS2000';
  }
  throw unprocessable('UNKNOWN_COORDINATE_SYSTEM', `无法识别的坐标系“${s}”：支持 2000国家大地坐标系、西安80、北京54。`, `Unrecognised coordinate system "${s}": CGCS2000, Xian 1980 and Beijing 1954 are supported.`);
}

function zoneWidthOf(text: string | undefined): 3 | 6 | undefined {
  const s = (text ?? '').replace(/\s/g, '');
  if (s === '') return undefined;
  if (/^(3|三)(度|°)?(带|分带)?$/.test(s)) return 3;
  if (/^(6|六)(度|°)?(带|分带)?$/.test(s)) return 6;
  throw unprocessable('BAD_ZONE_WIDTH', `几度分带“${text}”应为 3 或 6。`, `几度分带 (zone width) "${text}" must be 3 or 6.`);
}

function checkUnitAndProjection(header: Map<string, string>): void {
  const unit = header.get('计量单位');
  if (unit && !/^(米|m|metre|meter|公尺)$/i.test(unit.trim()))
    throw unprocessable('UNSUPPORTED_UNIT', `计量单位“${unit}”不受支持：国土 TXT 坐标应以米为单位。`, `Unit "${unit}" is not supported: 国土 TXT coordinates must be in metres.`);
  const projection = header.get('投影类型');
  if (projection && /UTM|墨卡托|mercator|兰伯特|lambert|albers/i.test(projection))
    throw unprocessable('UNSUPPORTED_PROJECTION', `投影类型“${projection}”不受支持：应为高斯-克吕格投影。`, `Projection "${projection}" is not supported: Gauss-Krüger expected.`);
}

/** 带号 as written; some tools put the central meridian (e.g. 108) there instead of the zone number. */
function headerZone(text: string | undefined, width: 3 | 6 | undefined, warnings: ImportWarning[]): { zone: number; width?: 3 | 6 } | undefined {
  const s = (text ?? '').trim();
  if (s === '') return undefined;
  if (!/^\d+$/.test(s)) throw unprocessable('BAD_ZONE', `带号“${s}”不是整数。`, `Zone number (带号) "${s}" is not an integer.`);
  const n = Number(s);
  if (n <= 60) return { zone: n, width };
  const w = width ?? 3;
  const zone = w === 3 ? n / 3 : (n + 3) / 6;
  if (!Number.isInteger(zone)) throw unprocessable('BAD_ZONE', `带号“${s}”既不是带号也不是 ${w}度带的中央经线。`, `带号 "${s}" is neither a zone number nor a ${w}° central meridian.`);
  warnings.push(warning('ZONE_AS_MERIDIAN', `带号写的是中央经线 ${n}°，按第 ${zone} 带（${w}度带）处理。`, `带号 holds the central meridian ${n}°; read as ${w}° zone ${zone}.`));
  return { zone, width: w };
}

export function resolveGuotuCrs(doc: GuotuDocument, choice: CrsChoice | undefined): GuotuCrs {
  const warnings: ImportWarning[] = [];
  const points = doc.parcels.flatMap((p) => p.points);
  const prefixes = new Set(points.map((p) => zoneFromPrefixedEasting(p.yEastM)));
  if (prefixes.size > 1)
    throw unprocessable('MIXED_ZONE_PREFIX', `Y 坐标混用了不同带号/有无带号（${[...prefixes].map((z) => z ?? '无').join('、')}）。`, `Y coordinates mix different zone prefixes or none (${[...prefixes].map((z) => z ?? 'none').join(', ')}).`);
  const prefix = [...prefixes][0];
  const hasPrefix = prefix !== undefined;

  if (choice) {
    const crs = getCrs(choice.epsg);
    if (!crs || crs.kind !== 'projected' || crs.projection !== 'gauss-kruger' || !crs.zone || !crs.zoneWidthDeg)
      throw unprocessable('UNSUPPORTED_CRS', `国土 TXT 文件只能使用高斯-克吕格坐标系，EPSG:${choice.epsg} 不适用。`, `A 国土 TXT file needs a Gauss-Krüger CRS; EPSG:${choice.epsg} does not apply.`);
    if (hasPrefix && prefix !== crs.zone)
      throw unprocessable('ZONE_MISMATCH', `Y 坐标带号为 ${prefix}，与所选 EPSG:${crs.epsg}（第${crs.zone}带）不符。`, `The Y prefix is zone ${prefix}, not zone ${crs.zone} of the chosen EPSG:${crs.epsg}.`);
    return { epsg: gaussKrugerEpsg(crs.datum, crs.zoneWidthDeg, crs.zone, hasPrefix)!, warnings };
  }

  checkUnitAndProjection(doc.header);
  if (!doc.hasHeaderSection)
    warnings.push(warning('NO_HEADER', '缺少 [属性描述] 节，坐标系按 2000 国家大地坐标系、带号按 Y 坐标前缀处理。', 'No [属性描述] section; CGCS2000 assumed and the zone taken from the Y prefix.'));
  const datum = datumOf(doc.header.get('坐标系'), warnings);
  let width = zoneWidthOf(doc.header.get('几度分带'));
  const declared = headerZone(doc.header.get('带号'), width, warnings);
  width = width ?? declared?.width;

  if (declared && hasPrefix && declared.zone !== prefix)
    throw unprocessable(
      'ZONE_MISMATCH',
      `属性描述中的带号 ${declared.zone} 与 Y 坐标前缀 ${prefix} 不一致，无法确定投影带：请更正文件，或明确选择坐标系。`,
      `The header's zone (带号) ${declared.zone} disagrees with the Y prefix ${prefix}: the zone is ambiguous. Fix the file or choose the CRS explicitly.`,
    );
  const zone = declared?.zone ?? prefix;
  if (zone === undefined)
    throw unprocessable(
      'ZONE_UNKNOWN',
      'Y 坐标不含带号，属性描述中也没有带号，无法确定投影带：请补充“带号=”或明确选择坐标系（如 EPSG:4545）。',
      'The Y coordinates carry no zone prefix and the header has no 带号: the zone is unknown. Add "带号=" or choose the CRS explicitly (e.g. EPSG:4545).',
    );
  const zoneWidth = width ?? zoneWidthOfPrefix(zone);
  const range = zoneWidth ? ZONE_RANGE[zoneWidth] : undefined;
  if (!zoneWidth || !range || zone < range.first || zone > range.last)
    throw unprocessable(
      'ZONE_OUT_OF_RANGE',
      `带号 ${zone} 不在中国范围内（3度带 25–45，6度带 13–23）${width ? `，几度分带=${width}` : ''}。`,
      `Zone ${zone} is not a zone over China (3° zones 25–45, 6° zones 13–23)${width ? `, zone width ${width}°` : ''}.`,
    );
  if (!width && !declared)
    warnings.push(warning('ZONE_WIDTH_FROM_PREFIX', `未写几度分带，按带号 ${zone} 判断为 ${zoneWidth}度带。`, `No 几度分带; zone ${zone} implies ${zoneWidth}° zones.`));
  return { epsg: gaussKrugerEpsg(datum, zoneWidth, zone, hasPrefix)!, warnings };
}
