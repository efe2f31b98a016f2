import type { Geometry } from 'geojson';

/** What every layer builder returns: features with stable string ids, in a stable order. */
export interface LayerFeature {
  id: string;
  properties: Record<string, unknown>;
  geometry: Geometry;
}

export interface Layer {
  id: string;
  features: LayerFeature[];
}

/** Properties every 示意 (illustrative) feature carries, last so the domain attributes read first. */
export const ILLUSTRATIVE = { illustrative: true } as const;

/** Rounds a number for an attribute (areas, lengths): attributes never carry float noise. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
