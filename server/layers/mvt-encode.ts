import { fromVectorTileJs, GeoJSONWrapper, type Feature } from '@maplibre/vt-pbf';

const MVT_EXTENT = 4096;

/** A feature already clipped and quantised to tile space by PostGIS (ST_AsMVTGeom → GeoJSON). */
export interface TileSpaceFeature {
  id: number;
  geometry: GeoJSON.Geometry;
  properties: Record<string, string | number | null>;
}

type Ring = [number, number][];

/** GeoJSON in tile coordinates → the geometry arrays of the vector-tile encoder (type 1/2/3). */
function toTileGeometry(g: GeoJSON.Geometry): { type: 1 | 2 | 3; geometry: Ring | Ring[] } | null {
  switch (g.type) {
    case 'Point':
      return { type: 1, geometry: [g.coordinates as [number, number]] };
    case 'MultiPoint':
      return { type: 1, geometry: g.coordinates as Ring };
    case 'LineString':
      return { type: 2, geometry: [g.coordinates as Ring] };
    case 'MultiLineString':
      return { type: 2, geometry: g.coordinates as Ring[] };
    case 'Polygon':
      return { type: 3, geometry: g.coordinates as Ring[] };
    case 'MultiPolygon':
      // MVT has no multipolygon: all rings in sequence, exterior rings told apart by winding
      // (ST_AsMVTGeom already oriented them as the specification requires).
      return { type: 3, geometry: (g.coordinates as Ring[][]).flat() };
    case 'GeometryCollection': {
      // A clip can return a collection: its members of the highest dimension make the feature.
      const members = g.geometries.map(toTileGeometry).filter((t) => t !== null);
      const type = Math.max(0, ...members.map((t) => t.type));
      const same = members.filter((t) => t.type === type);
      if (!same.length) return null;
      if (type === 1) return { type: 1, geometry: same.flatMap((t) => t.geometry as Ring) };
      return { type: type as 2 | 3, geometry: same.flatMap((t) => t.geometry as Ring[]) };
    }
    default:
      return null;
  }
}

/**
 * Encodes one layer of a Mapbox Vector Tile in Node. Used where PostGIS lacks protobuf support for
 * ST_AsMVT (the embedded PGlite build); PostGIS still clips and quantises (ST_AsMVTGeom), so both
 * paths produce the same geometry.
 */
export function encodeMvtLayer(layerName: string, features: TileSpaceFeature[]): Buffer {
  if (features.length === 0) return Buffer.alloc(0);
  const tileFeatures: Feature[] = [];
  for (const f of features) {
    const t = toTileGeometry(f.geometry);
    if (t) tileFeatures.push({ id: f.id, tags: f.properties, ...t } as Feature);
  }
  const layer = new GeoJSONWrapper(tileFeatures, { version: 2, extent: MVT_EXTENT });
  layer.name = layerName; // the encoder writes the wrapper's name, not the map key
  return Buffer.from(fromVectorTileJs({ layers: { [layerName]: layer } }));
}
