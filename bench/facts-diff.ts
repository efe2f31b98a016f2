import type { SiteFacts } from '../server/check/overlap-query.ts';

const AREA_TOLERANCE = 1e-6; // relative, plus 0.01 m² absolute
const DISTANCE_TOLERANCE_M = 0.01;

const areaDiffers = (a: number, b: number) => Math.abs(a - b) > 0.01 + AREA_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
const distanceDiffers = (a: number | null, b: number | null) => (a === null || b === null ? a !== b : Math.abs(a - b) > DISTANCE_TOLERANCE_M);

/**
 * The first difference between two answers of the engine's query for the same site, or null: the
 * layers present, each layer's overlap area and minimum distance, each feature's overlap and distance.
 * Overlap geometries are compared by area only (vertex order may differ between equivalent SQL).
 */
export function factsDifference(expected: SiteFacts, actual: SiteFacts): string | null {
  if (areaDiffers(expected.siteAreaM2, actual.siteAreaM2)) return `site area ${expected.siteAreaM2} ≠ ${actual.siteAreaM2}`;
  const ids = (f: SiteFacts) => f.layers.map((l) => l.layerId).join(',');
  if (ids(expected) !== ids(actual)) return `layers [${ids(expected)}] ≠ [${ids(actual)}]`;
  for (const e of expected.layers) {
    const a = actual.layers.find((l) => l.layerId === e.layerId)!;
    if (areaDiffers(e.overlapAreaM2, a.overlapAreaM2)) return `${e.layerId} overlap ${e.overlapAreaM2} ≠ ${a.overlapAreaM2}`;
    if (distanceDiffers(e.minDistanceM, a.minDistanceM)) return `${e.layerId} distance ${e.minDistanceM} ≠ ${a.minDistanceM}`;
    const keys = (l: typeof e) => l.features.map((f) => f.id).sort().join(',');
    if (keys(e) !== keys(a)) return `${e.layerId} features differ`;
    for (const ef of e.features) {
      const af = a.features.find((f) => f.id === ef.id)!;
      if (areaDiffers(ef.overlapAreaM2, af.overlapAreaM2)) return `${e.layerId}/${ef.id} overlap ${ef.overlapAreaM2} ≠ ${af.overlapAreaM2}`;
      if (distanceDiffers(ef.distanceM, af.distanceM)) return `${e.layerId}/${ef.id} distance ${ef.distanceM} ≠ ${af.distanceM}`;
      if (ef.intersects !== af.intersects) return `${e.layerId}/${ef.id} intersects ${ef.intersects} ≠ ${af.intersects}`;
    }
  }
  return null;
}
