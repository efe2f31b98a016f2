import { Random } from '../random.ts';
import { DiscPacker } from './disc-packer.ts';
import { extentMetres, M_PER_DEG_LAT, M_PER_DEG_LON } from './projection.ts';
import type { ScaleSpec } from './scale.ts';
import { assertStarShaped, randomStar, starRing } from './star-polygon.ts';

/**
 * 饮用水水源保护区, graded as in the official zoning: a 一级 zone around the intake, the 二级 zone
 * as a ring around it (its hole is exactly the 一级 boundary), and for half of the sources a 准保护区
 * ring around that. The outer rings are the inner ring scaled about the centre (k > 1), which a
 * star-shaped ring strictly encloses, so every ring pair is valid by construction and zones never
 * overlap. Sources are disjoint from each other; they may lie inside the red line, as real ones do.
 */
export function generateWaterSources(spec: ScaleSpec): GeoJSON.FeatureCollection<GeoJSON.Polygon> {
  const rng = Random.derive(spec.seed, 'water-sources');
  const box = extentMetres(spec.extent);
  const packer = new DiscPacker(5_000, 200);
  const features: GeoJSON.Feature<GeoJSON.Polygon>[] = [];
  for (let s = 1; s <= spec.waterSources; s++) {
    const grade1Ha = rng.logUniform(3, 200);
    const shape = randomStar(rng, 60 + 20 * Math.sqrt(grade1Ha), grade1Ha * 1e4, 0.22);
    const k2 = rng.uniform(2.2, 3.5);
    const k3 = rng.next() < 0.5 ? k2 * rng.uniform(1.4, 2.0) : null;
    const r = shape.maxRadius * (k3 ?? k2);
    let cx = 0, cy = 0, placed = false;
    for (let attempt = 0; attempt < 5_000 && !placed; attempt++) {
      cx = rng.uniform(box.x0 + r, box.x1 - r);
      cy = rng.uniform(box.y0 + r, box.y1 - r);
      placed = packer.fits(cx, cy, r);
    }
    if (!placed) throw new Error(`water source ${s}: no room`);
    packer.add(cx, cy, r);

    const code = String(s).padStart(4, '0');
    const centre: [number, number] = [cx / M_PER_DEG_LON, cy / M_PER_DEG_LAT];
    const ring = (k: number, hole = false) => {
      const coords = starRing(shape, cx, cy, k, hole);
      assertStarShaped(coords, centre, `WS-${code}`);
      return coords;
    };
    const zone = (suffix: string, level: string, nameZh: string, rings: GeoJSON.Position[][]): GeoJSON.Feature<GeoJSON.Polygon> => ({
      type: 'Feature',
      id: `WS-${code}-${suffix}`,
      properties: { name: `水源地 ${code} ${nameZh}`, level },
      geometry: { type: 'Polygon', coordinates: rings },
    });
    features.push(zone('1', 'grade1', '一级保护区', [ring(1)]));
    features.push(zone('2', 'grade2', '二级保护区', [ring(k2), ring(1, true)]));
    if (k3) features.push(zone('3', 'quasi', '准保护区', [ring(k3), ring(k2, true)]));
  }
  return { type: 'FeatureCollection', features };
}
