import { Random } from '../random.ts';
import { DiscPacker } from './disc-packer.ts';
import { extentMetres, M_PER_DEG_LAT, M_PER_DEG_LON } from './projection.ts';
import type { ScaleSpec } from './scale.ts';
import { assertStarShaped, randomStar, starRing } from './star-polygon.ts';

const MIN_AREA_M2 = 1e4; // 1 ha: smaller fragments are merged away in official red-line data
const MAX_AREA_M2 = 8e8; // 800 km²
const AREA_SIGMA = 1.8; // log-normal spread: many small patches, a few huge mountain blocks
const VERTEX_EXPONENT = 0.6; // big polygons have longer, more digitised boundaries
const MIN_VERTICES = 16;
const MAX_VERTICES = 60_000;
const GAP_M = 30;
const CORE_SHARE = 0.08;

/** Smallest x in [lo, hi] with f(x) ≥ target, f increasing. */
function solveIncreasing(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * 生态保护红线: `redlinePolygons` disjoint noisy star polygons whose areas are log-normal (1 ha –
 * 800 km²) and cover `redlineCoverage` of the extent, with at least `redlineVertices` vertices in
 * all, spread uniformly over the extent. About 8 % carry level `core` (protected-area core zones).
 */
export function generateRedline(spec: ScaleSpec): GeoJSON.FeatureCollection<GeoJSON.Polygon> {
  const rng = Random.derive(spec.seed, 'redline');
  const box = extentMetres(spec.extent);
  const n = spec.redlinePolygons;

  const z = Array.from({ length: n }, () => rng.normal());
  const clampArea = (a: number) => Math.min(MAX_AREA_M2, Math.max(MIN_AREA_M2, a));
  const totalArea = (mu: number) => z.reduce((s, zi) => s + clampArea(Math.exp(mu + AREA_SIGMA * zi)), 0);
  const mu = solveIncreasing(totalArea, spec.redlineCoverage * box.areaM2, 0, 30);
  const areas = z.map((zi) => clampArea(Math.exp(mu + AREA_SIGMA * zi)));

  const vertexCount = (c: number, a: number) => Math.min(MAX_VERTICES, Math.max(MIN_VERTICES, Math.round(c * a ** VERTEX_EXPONENT)));
  const totalVertices = (c: number) => areas.reduce((s, a) => s + vertexCount(c, a), 0);
  const c = solveIncreasing(totalVertices, spec.redlineVertices, 0, 10);

  // Largest first: big discs are placed while there is room, small ones fill the gaps.
  const order = areas.map((_, i) => i).sort((i, j) => areas[j] - areas[i]);
  const packer = new DiscPacker(2_000, GAP_M);
  const features: GeoJSON.Feature<GeoJSON.Polygon>[] = [];
  for (const i of order) {
    const shape = randomStar(rng, vertexCount(c, areas[i]), areas[i]);
    const r = shape.maxRadius;
    let placed = false;
    for (let attempt = 0; attempt < 20_000 && !placed; attempt++) {
      const cx = rng.uniform(box.x0 + r, box.x1 - r);
      const cy = rng.uniform(box.y0 + r, box.y1 - r);
      if (!packer.fits(cx, cy, r)) continue;
      packer.add(cx, cy, r);
      placed = true;
      const key = `RL-${String(features.length + 1).padStart(6, '0')}`;
      const ring = starRing(shape, cx, cy);
      assertStarShaped(ring, [cx / M_PER_DEG_LON, cy / M_PER_DEG_LAT], key);
      features.push({
        type: 'Feature',
        id: key,
        properties: { name: `生态保护红线斑块 ${key}`, ...(rng.next() < CORE_SHARE ? { level: 'core' } : {}) },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
    if (!placed) throw new Error(`red line: no room for a polygon of ${(areas[i] / 1e6).toFixed(2)} km² after 20,000 attempts`);
  }
  return { type: 'FeatureCollection', features };
}
