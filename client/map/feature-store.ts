import type { Feature, FeatureCollection } from 'geojson';

/**
 * The features of the layers loaded as GeoJSON, by layer id and feature key: popups show their
 * full attributes and zoom-to uses their geometry without another request. Tiled layers are not
 * here; their attributes are fetched on click (identify.ts).
 */
const byLayer = new Map<string, Map<string, Feature>>();

export function storeLayerFeatures(layerId: string, collection: FeatureCollection): void {
  byLayer.set(layerId, new Map(collection.features.map((f) => [String(f.properties?.key ?? f.id), f])));
}

export function storedFeature(layerId: string, key: string): Feature | undefined {
  return byLayer.get(layerId)?.get(key);
}
