import { gaussKrugerZone3, toGaussKrugerZone3 } from '../geo/gauss-kruger.ts';
import type { ReportLang } from './report-labels.ts';

/**
 * 界址点坐标表: the vertices of the site's rings in CGCS2000 3° Gauss-Krüger of the zone the site
 * lies in (one zone for the whole site, chosen by its centroid), X = northing and Y = easting with
 * the zone prefix, as 用地预审/选址 documents list them. Rings close on their first point, which is
 * not repeated; ring numbers follow the 国土 TXT convention (1 = outer boundary, then holes / parts).
 */
export interface BoundaryPointTable {
  zone: number;
  epsg: number | null;
  crsLabel: string;
  rows: { no: string; ring: number; x: number; y: number }[];
  /** Vertices beyond MAX_BOUNDARY_POINTS were not listed. */
  truncated: boolean;
}

const MAX_BOUNDARY_POINTS = 400;

function rings(geometry: GeoJSON.Geometry): GeoJSON.Position[][] {
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    case 'GeometryCollection':
      return geometry.geometries.flatMap(rings);
    default:
      return [];
  }
}

export function boundaryPointTable(site: GeoJSON.Geometry, centroid: [number, number], lang: ReportLang): BoundaryPointTable | null {
  const all = rings(site);
  if (all.length === 0) return null;
  const zone = gaussKrugerZone3(centroid[0]);
  const rows: BoundaryPointTable['rows'] = [];
  let n = 0;
  let truncated = false;
  all.forEach((ring, i) => {
    const open = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
    for (const [lon, lat] of open) {
      if (rows.length >= MAX_BOUNDARY_POINTS) {
        truncated = true;
        return;
      }
      const p = toGaussKrugerZone3(lon, lat, zone);
      rows.push({ no: `J${++n}`, ring: i + 1, x: p.x, y: p.y });
    }
  });
  const epsg = zone >= 25 && zone <= 45 ? 4513 + zone - 25 : null;
  const crsLabel =
    lang === 'zh'
      ? `2000国家大地坐标系（CGCS2000）高斯-克吕格投影 3°带 第${zone}带，中央经线 ${zone * 3}°E${epsg ? `（EPSG:${epsg}）` : ''}，Y 含带号，单位：米`
      : `CGCS2000 Gauss-Krüger 3° zone ${zone}, central meridian ${zone * 3}°E${epsg ? ` (EPSG:${epsg})` : ''}, Y with zone prefix, metres`;
  return { zone, epsg, crsLabel, rows, truncated };
}

/**
 * The report number: unique per check run (its id in the register) or, for a site check that was
 * not stored, per check time and site. Printed on every page and in the data exports.
 */
export function reportNumber(checkedAtIso: string, checkId: number | null | undefined, site: GeoJSON.Geometry): string {
  const d = new Date(checkedAtIso);
  const beijing = new Date(d.getTime() + 8 * 3600_000).toISOString();
  const day = beijing.slice(0, 10).replace(/-/g, '');
  if (checkId != null) return `HXJC-${day}-${String(checkId).padStart(6, '0')}`;
  // FNV-1a of the check time and site: the same check gives the same number, another gives another.
  let h = 0x811c9dc5;
  for (const c of `${checkedAtIso}|${JSON.stringify(site)}`) {
    h ^= c.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `HXJC-${day}-T${beijing.slice(11, 19).replace(/:/g, '')}-${h.toString(16).toUpperCase().padStart(8, '0')}`;
}
