import type { Position } from 'geojson';
import { unprocessable } from '../http/errors.ts';
import { CHINA_BBOX, CHINA_NORTHING_RANGE_M } from './regions.ts';
import { gaussKrugerEpsg, getCrs, zoneFromPrefixedEasting, zoneWidthOfPrefix, type CrsDefinition, type GeodeticDatum } from './crs.ts';

/**
 * Refuses coordinates that cannot be in the CRS they are said to be in: metres read as degrees,
 * degrees read as metres, latitude/longitude or X/Y swapped, a zone prefix where none belongs (or
 * the wrong one). In China these cases are told apart by magnitude alone: longitudes 73–135 vs
 * latitudes 4–54; northings 1.9–6 million m vs eastings 0.1–0.9 million m (or 13–46 million with prefix).
 */

const looksLikeDegrees = (ps: Position[]) => ps.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90);
const inRange = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;
const looksLikeNorthing = (v: number) => inRange(v, CHINA_NORTHING_RANGE_M);
const looksLikeEasting = (v: number) => inRange(v, [100_000, 999_999]) || zoneWidthOfPrefix(zoneFromPrefixedEasting(v) ?? 0) !== undefined;
const chinaLon = (v: number) => inRange(v, [CHINA_BBOX[0], CHINA_BBOX[2]]);
const chinaLat = (v: number) => inRange(v, [CHINA_BBOX[1], CHINA_BBOX[3]]);
const fmt = ([x, y]: Position) => `(${x}, ${y})`;

export function assertFiniteCoordinates(positions: Position[]): void {
  const bad = positions.find((p) => p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]));
  if (bad)
    throw unprocessable('NON_NUMERIC_COORDINATE', `坐标不是有效数字：(${bad.join(', ')})`, `A coordinate is not a valid number: (${bad.join(', ')})`);
}

/** A zh/en hint naming the CRS that magnitude suggests for metre coordinates given as [x, y]. */
export function suggestProjectedCrs([x, y]: Position, datum: GeodeticDatum = 'CGCS2000'): { zh: string; en: string } {
  const prefixZone = zoneFromPrefixedEasting(x);
  const width = prefixZone === undefined ? undefined : zoneWidthOfPrefix(prefixZone);
  if (prefixZone !== undefined && width && looksLikeNorthing(y)) {
    const epsg = gaussKrugerEpsg(datum, width, prefixZone, true);
    return {
      zh: `看起来是高斯-克吕格 ${width}度带第${prefixZone}带（东坐标含带号）的平面坐标，例如 CGCS2000 → EPSG:${epsg}`,
      en: `they look like Gauss-Krüger ${width}° zone ${prefixZone} coordinates (easting with zone prefix), e.g. CGCS2000 → EPSG:${epsg}`,
    };
  }
  if (looksLikeNorthing(x) && looksLikeEasting(y))
    return {
      zh: '看起来是“X(北), Y(东)”顺序的测量坐标：请交换两列，或按国土 TXT 格式导入',
      en: 'they look like surveying coordinates in X (north), Y (east) order: swap the two columns, or import them as a 国土 TXT file',
    };
  if (inRange(x, [100_000, 999_999]) && looksLikeNorthing(y))
    return {
      zh: '看起来是不含带号的高斯-克吕格坐标：请选择中央经线对应的坐标系（CGCS2000 3度带 EPSG:4534–4554；花溪区多为 EPSG:4545，中央经线108°）',
      en: 'they look like Gauss-Krüger coordinates without zone prefix: choose the CRS of their central meridian (CGCS2000 3° EPSG:4534–4554; Huaxi usually EPSG:4545, CM 108°E)',
    };
  return { zh: '无法从数值判断坐标系，请明确选择坐标系', en: 'the CRS cannot be told from the values; choose it explicitly' };
}

function refuse(code: string, zh: string, en: string, sample: Position): never {
  throw unprocessable(code, zh, en, { sample });
}

function checkGeographic(ps: Position[], crs: CrsDefinition): void {
  const swapped = ps.every(([x, y]) => chinaLat(x) && chinaLon(y)) && !ps.every(([x]) => chinaLon(x));
  if (swapped)
    refuse(
      'AXES_SWAPPED',
      `经纬度顺序颠倒：${fmt(ps[0])} 应为（经度, 纬度），例如 (106.67, 26.41)。请交换两列后重试。`,
      `Latitude and longitude are swapped: ${fmt(ps[0])} should be (longitude, latitude), e.g. (106.67, 26.41). Swap the two columns and retry.`,
      ps[0],
    );
  if (!looksLikeDegrees(ps)) {
    const sample = ps.find((p) => Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)!;
    const hint = suggestProjectedCrs(sample);
    refuse(
      'PROJECTED_AS_GEOGRAPHIC',
      `坐标 ${fmt(sample)} 超出经纬度范围，但所选/声明的坐标系是经纬度（EPSG:${crs.epsg}）：${hint.zh}。`,
      `Coordinate ${fmt(sample)} is out of longitude/latitude range but the chosen/declared CRS is geographic (EPSG:${crs.epsg}): ${hint.en}.`,
      sample,
    );
  }
}

function checkGaussKrugerPrefix(ps: Position[], crs: Extract<CrsDefinition, { kind: 'projected' }>): void {
  if (crs.projection !== 'gauss-kruger' || !crs.zone || !crs.zoneWidthDeg) return;
  for (const p of ps) {
    const prefix = zoneFromPrefixedEasting(p[0]);
    if (crs.hasZonePrefix && prefix === undefined) {
      const alt = gaussKrugerEpsg(crs.datum, crs.zoneWidthDeg, crs.zone, false);
      refuse(
        'ZONE_PREFIX_MISSING',
        `东坐标 ${p[0]} 没有带号，但 EPSG:${crs.epsg} 要求带号（第${crs.zone}带）。不含带号的同一中央经线坐标系是 EPSG:${alt}。`,
        `Easting ${p[0]} has no zone prefix but EPSG:${crs.epsg} expects one (zone ${crs.zone}). The same central meridian without prefix is EPSG:${alt}.`,
        p,
      );
    }
    if (crs.hasZonePrefix && prefix !== crs.zone) {
      const width = zoneWidthOfPrefix(prefix!);
      const alt = width ? gaussKrugerEpsg(crs.datum, width, prefix!, true) : undefined;
      refuse(
        'ZONE_MISMATCH',
        `东坐标 ${p[0]} 的带号是 ${prefix}，与所选 EPSG:${crs.epsg}（第${crs.zone}带）不符${alt ? `；第${prefix}带应选 EPSG:${alt}` : ''}。`,
        `Easting ${p[0]} carries zone prefix ${prefix}, which does not match EPSG:${crs.epsg} (zone ${crs.zone})${alt ? `; zone ${prefix} is EPSG:${alt}` : ''}.`,
        p,
      );
    }
    if (!crs.hasZonePrefix && prefix !== undefined) {
      const width = zoneWidthOfPrefix(prefix);
      const alt = width ? gaussKrugerEpsg(crs.datum, width, prefix, true) : undefined;
      refuse(
        'ZONE_PREFIX_UNEXPECTED',
        `东坐标 ${p[0]} 含带号 ${prefix}，但 EPSG:${crs.epsg} 不带带号${alt ? `；请改选 EPSG:${alt}` : ''}。`,
        `Easting ${p[0]} carries zone prefix ${prefix} but EPSG:${crs.epsg} has none${alt ? `; choose EPSG:${alt} instead` : ''}.`,
        p,
      );
    }
  }
}

function checkProjected(ps: Position[], crs: Extract<CrsDefinition, { kind: 'projected' }>): void {
  if (looksLikeDegrees(ps))
    refuse(
      'GEOGRAPHIC_AS_PROJECTED',
      `坐标 ${fmt(ps[0])} 看起来是经纬度（度），但所选/声明的坐标系是投影坐标（EPSG:${crs.epsg}，单位米）。经纬度请选 EPSG:4490 或 4326。`,
      `Coordinate ${fmt(ps[0])} looks like degrees but the chosen/declared CRS is projected (EPSG:${crs.epsg}, metres). For longitude/latitude choose EPSG:4490 or 4326.`,
      ps[0],
    );
  if (crs.projection === 'web-mercator') return;
  const swapped = ps.every(([x, y]) => looksLikeNorthing(x) && looksLikeEasting(y));
  if (swapped)
    refuse(
      'AXES_SWAPPED',
      `坐标 ${fmt(ps[0])} 的顺序颠倒：第一个值像北坐标 X，第二个像东坐标 Y。本处要求（东, 北）顺序；测量习惯的 X(北), Y(东) 只用于国土 TXT 格式。`,
      `Coordinate ${fmt(ps[0])} has its axes swapped: the first value looks like a northing (X), the second like an easting (Y). (east, north) order is expected here; the surveying X (north), Y (east) order applies only to 国土 TXT files.`,
      ps[0],
    );
  checkGaussKrugerPrefix(ps, crs);
  // No Chinese site lies more than ~800 km (≈ 7°) from its zone's central meridian.
  const farEast = ps.find(([x]) => Math.abs(x - crs.falseEastingM) > 800_000);
  if (farEast)
    refuse(
      'EASTING_OUT_OF_RANGE',
      `东坐标 ${farEast[0]} 离 EPSG:${crs.epsg} 的中央经线超过 800 公里，不可能属于该投影带：请检查坐标系、带号或坐标列。`,
      `Easting ${farEast[0]} is more than 800 km from the central meridian of EPSG:${crs.epsg}; it cannot belong to that zone: check the CRS, the zone or the columns.`,
      farEast,
    );
  const south = ps.find(([, y]) => y < 0 || y >= 10_000_000);
  if (south)
    refuse(
      'NORTHING_OUT_OF_RANGE',
      `北坐标 ${south[1]} 超出范围（应为 0–10 000 000 米）`,
      `Northing ${south[1]} is out of range (expected 0–10,000,000 m)`,
      south,
    );
}

/** Throws a 422 with a zh/en explanation when source positions cannot be in the given CRS. */
export function assertCoordinatesFitCrs(positions: Position[], epsg: number): void {
  const crs = getCrs(epsg);
  if (!crs) throw unprocessable('UNSUPPORTED_CRS', `不支持的坐标系 EPSG:${epsg}`, `Unsupported CRS EPSG:${epsg}`);
  if (positions.length === 0) return;
  assertFiniteCoordinates(positions);
  if (crs.kind === 'geographic') checkGeographic(positions, crs);
  else checkProjected(positions, crs);
}
