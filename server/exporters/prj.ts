import { getCrs } from '../geo/crs.ts';

/**
 * ESRI-flavoured WKT1 for a Shapefile .prj, as ArcGIS and GDAL write it for CGCS2000 (EPSG:4490)
 * and its Gauss-Krüger zones — byte-identical to `projinfo EPSG:n -o WKT1_ESRI` (tested).
 */
const GEOGCS_CGCS2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

const decimal = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));

export function esriPrj(epsg: number): string {
  const crs = getCrs(epsg);
  if (!crs || crs.datum !== 'CGCS2000') throw new Error(`no .prj template for EPSG:${epsg}`);
  if (crs.kind === 'geographic') return GEOGCS_CGCS2000;
  if (crs.projection !== 'gauss-kruger') throw new Error(`no .prj template for EPSG:${epsg}`);
  const degree = crs.zoneWidthDeg === 3 ? '3_Degree_' : '';
  const which = crs.hasZonePrefix ? `Zone_${crs.zone}` : `CM_${crs.centralMeridianDeg}E`;
  return (
    `PROJCS["CGCS2000_${degree}GK_${which}",${GEOGCS_CGCS2000},PROJECTION["Gauss_Kruger"],` +
    `PARAMETER["False_Easting",${decimal(crs.falseEastingM)}],PARAMETER["False_Northing",0.0],` +
    `PARAMETER["Central_Meridian",${decimal(crs.centralMeridianDeg)}],PARAMETER["Scale_Factor",1.0],` +
    `PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
  );
}
