import type { Feature } from 'geojson';
import { orientPolygon } from '../geo/geometry.ts';
import { downloadName } from './file-name.ts';
import type { ExportFile, ExportOptions, SiteFeatureCollection, SiteGeometry } from './types.ts';

/** RFC 7946 GeoJSON: EPSG:4326 lon/lat, outer rings counter-clockwise, no `crs` member. */
function rfc7946Geometry(g: SiteGeometry): SiteGeometry {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: orientPolygon(g.coordinates, true) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => orientPolygon(p, true)) };
  return g;
}

export function exportGeoJson(site: SiteFeatureCollection, options: ExportOptions = {}): ExportFile {
  const features: Feature[] = site.features.map((f) => ({ ...f, properties: f.properties ?? {}, geometry: rfc7946Geometry(f.geometry) }));
  const body = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }), 'utf8');
  return { body, contentType: 'application/geo+json; charset=utf-8', filename: downloadName(options.name, 'geojson') };
}
