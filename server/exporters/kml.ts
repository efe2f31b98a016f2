import type { Position } from 'geojson';
import { orientPolygon } from '../geo/geometry.ts';
import { downloadName } from './file-name.ts';
import type { ExportFile, ExportOptions, SiteFeatureCollection, SiteGeometry } from './types.ts';

/** KML 2.2 for Google Earth / 奥维: WGS84 lon/lat, one Placemark per feature, properties as ExtendedData. */

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '');
const coords = (ps: Position[]) => ps.map(([lon, lat]) => `${lon},${lat}`).join(' ');

function polygonKml(rings: Position[][]): string {
  const [outer, ...holes] = orientPolygon(rings, true);
  const inner = holes.map((h) => `<innerBoundaryIs><LinearRing><coordinates>${coords(h)}</coordinates></LinearRing></innerBoundaryIs>`).join('');
  return `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords(outer)}</coordinates></LinearRing></outerBoundaryIs>${inner}</Polygon>`;
}

function geometryKml(g: SiteGeometry): string {
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${coords([g.coordinates])}</coordinates></Point>`;
    case 'LineString':
      return `<LineString><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
    case 'Polygon':
      return polygonKml(g.coordinates);
    case 'MultiPoint':
      return `<MultiGeometry>${g.coordinates.map((p) => `<Point><coordinates>${coords([p])}</coordinates></Point>`).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map((l) => `<LineString><coordinates>${coords(l)}</coordinates></LineString>`).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygonKml).join('')}</MultiGeometry>`;
  }
}

const placemarkName = (p: Record<string, unknown>, fallback: string) => String(p.name ?? p['地块名称'] ?? p['名称'] ?? fallback);

export function exportKml(site: SiteFeatureCollection, options: ExportOptions = {}): ExportFile {
  const title = options.name ?? 'site';
  const placemarks = site.features.map((f, i) => {
    const props = f.properties ?? {};
    const data = Object.entries(props)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `<Data name="${escapeXml(k)}"><value>${escapeXml(typeof v === 'object' ? JSON.stringify(v) : String(v))}</value></Data>`)
      .join('');
    return `<Placemark><name>${escapeXml(placemarkName(props, `${title} ${i + 1}`))}</name>${data ? `<ExtendedData>${data}</ExtendedData>` : ''}${geometryKml(f.geometry)}</Placemark>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${escapeXml(title)}</name>\n${placemarks.join('\n')}\n</Document></kml>\n`;
  return { body: Buffer.from(xml, 'utf8'), contentType: 'application/vnd.google-earth.kml+xml; charset=utf-8', filename: downloadName(options.name, 'kml') };
}
