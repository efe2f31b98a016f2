import type { Geometry, Position } from 'geojson';
import type { LayerFeature } from './layer.ts';
import { cleanPolygonParts, removeSpikes } from './ring-cleanup.ts';

/**
 * Serialises features byte-reproducibly: coordinates rounded to 6 decimals (≈0.1 m), repeated
 * points removed, rings closed and wound by the right-hand rule (RFC 7946 §3.1.6: exterior
 * counter-clockwise, holes clockwise), keys in a fixed order, one feature per line.
 */

const round6 = (v: number) => Math.round(v * 1e6) / 1e6 + 0; // + 0 turns -0 into 0

function roundPath(path: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of path) {
    const q = [round6(p[0]), round6(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Twice the signed planar area (positive = counter-clockwise in lon/lat). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

function roundRing(ring: Position[], counterClockwise: boolean): Position[] | null {
  let path = roundPath(ring);
  if (path.length > 1) {
    const [first, last] = [path[0], path[path.length - 1]];
    if (first[0] !== last[0] || first[1] !== last[1]) path.push([first[0], first[1]]);
  }
  if (path.length >= 4) path = removeSpikes(path);
  if (path.length < 4 || signedArea(path) === 0) return null;
  return signedArea(path) > 0 === counterClockwise ? path : path.reverse();
}

function roundPolygon(rings: Position[][]): Position[][] | null {
  const exterior = roundRing(rings[0], true);
  if (!exterior) return null;
  const holes = rings.slice(1).map((r) => roundRing(r, false)).filter((r): r is Position[] => !!r);
  return [exterior, ...holes];
}

function roundGeometry(geometry: Geometry): Geometry | null {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundPath([geometry.coordinates])[0] };
    case 'LineString': {
      const coordinates = roundPath(geometry.coordinates);
      return coordinates.length >= 2 ? { type: 'LineString', coordinates } : null;
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const raw = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      const rounded = raw.map(roundPolygon).filter((p): p is Position[][] => !!p);
      // Cleaning drops vertices, so wind again afterwards.
      const parts = cleanPolygonParts(rounded).map(roundPolygon).filter((p): p is Position[][] => !!p);
      if (parts.length === 0) return null;
      return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
    }
    default:
      throw new Error(`unsupported geometry ${geometry.type}`);
  }
}

/** Rounds nested coordinates in attribute geometries (e.g. a corridor's `centerline`). */
function roundProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    const isGeometry = !!value && typeof value === 'object' && 'type' in value && 'coordinates' in value;
    out[key] = isGeometry ? roundGeometry(value as Geometry) : value;
  }
  return out;
}

export function serializeFeatureCollection(features: LayerFeature[]): string {
  const lines = features.map((f) => {
    const geometry = roundGeometry(f.geometry);
    if (!geometry) throw new Error(`feature ${f.id} has no geometry left after rounding`);
    return JSON.stringify({ type: 'Feature', id: f.id, properties: roundProperties(f.properties), geometry });
  });
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
