import { badRequest } from '../http/errors.ts';
import { gaussKrugerEpsg, ZONE_RANGE, zoneFromLongitude } from '../geo/crs.ts';
import { boundingBox, positionsOf } from '../geo/geometry.ts';
import type { ExportOptions, SiteFeatureCollection } from './types.ts';

/** The Gauss-Krüger zone to write in: the user's, else the one containing the site's centre longitude. */
export interface ExportZone {
  zone: number;
  widthDeg: 3 | 6;
  zonePrefix: boolean;
  /** CGCS2000 GK CRS for this zone and prefix habit. */
  epsg: number;
}

export function exportZone(site: SiteFeatureCollection, options: ExportOptions): ExportZone {
  const widthDeg = options.zoneWidthDeg ?? 3;
  const zonePrefix = options.zonePrefix ?? true;
  const range = ZONE_RANGE[widthDeg];
  let zone = options.zone;
  if (zone === undefined) {
    const [west, , east] = boundingBox(site.features.flatMap((f) => positionsOf(f.geometry)));
    zone = zoneFromLongitude((west + east) / 2, widthDeg);
  }
  if (!Number.isInteger(zone) || zone < range.first || zone > range.last)
    throw badRequest(
      'BAD_ZONE',
      `带号 ${zone} 无效：${widthDeg}度带应为 ${range.first}–${range.last}（花溪区为 3度带 35 或 36）。`,
      `Zone ${zone} is invalid: ${widthDeg}° zones run ${range.first}–${range.last} (Huaxi: 3° zone 35 or 36).`,
    );
  return { zone, widthDeg, zonePrefix, epsg: gaussKrugerEpsg('CGCS2000', widthDeg, zone, zonePrefix)! };
}
