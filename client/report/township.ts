import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, Polygon, MultiPolygon } from 'geojson';

/**
 * The township (乡镇/街道) the site's centre lies in, from the admin_boundary layer. Township
 * outlines in the reference data are illustrative, so the report says so. null when unknown.
 */
export async function lookupTownship([lon, lat]: [number, number]): Promise<{ zh: string; en: string; illustrative: boolean } | null> {
  const d = 0.0005;
  try {
    const res = await fetch(`/api/layers/admin_boundary/features?bbox=${lon - d},${lat - d},${lon + d},${lat + d}`);
    if (!res.ok) return null;
    const collection = (await res.json()) as FeatureCollection;
    const hit = collection.features.find(
      (f) => f.properties?.level === 'township' && f.geometry && /Polygon/.test(f.geometry.type) && booleanPointInPolygon([lon, lat], f.geometry as Polygon | MultiPolygon),
    );
    if (!hit) return null;
    const name = String(hit.properties?.name ?? '');
    return { zh: name, en: String(hit.properties?.nameEn ?? name), illustrative: true };
  } catch {
    return null;
  }
}
