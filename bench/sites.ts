import { Random } from './random.ts';
import { extentMetres, M_PER_DEG_LAT, M_PER_DEG_LON, toLonLat, toMetres } from './dataset/projection.ts';
import type { ScaleSpec } from './dataset/scale.ts';
import { assertStarShaped, randomStar, starRing } from './dataset/star-polygon.ts';

export interface BenchSite {
  id: string;
  geometry: GeoJSON.Polygon | GeoJSON.LineString;
  /** The body of POST /api/check, also what the other runners derive their inputs from. */
  project: { type: string; widthM?: number; dischargesPollutants?: boolean };
  bufferM: number;
  /** Human summary for the report: "polygon 37.2 ha" / "line 12.4 km × 30 m". */
  label: string;
}

const BUFFER_M = 500; // the engine's default screening distance
const POLYGON_TYPES = ['industrial', 'residential', 'energy_solar', 'tourism_resort', 'mining', 'commercial'] as const;

/**
 * The same seeded sites for every runner: 60 % polygons of 1–500 ha (log-uniform, drawn outlines of
 * 6–60 vertices), 40 % lines of 0.5–30 km (a wandering route with a vertex every ~300 m) and 10–50 m
 * wide. Two thirds are placed uniformly over the extent; one third is centred on a random red-line
 * polygon, as real proposals cluster where conflicts are likely (and so that overlaps get timed).
 */
export function generateSites(spec: ScaleSpec, redline: GeoJSON.FeatureCollection<GeoJSON.Polygon>): BenchSite[] {
  const rng = Random.derive(spec.seed, 'sites');
  const box = extentMetres(spec.extent);
  const sites: BenchSite[] = [];
  for (let i = 1; i <= spec.sites; i++) {
    let cx: number, cy: number;
    if (rng.next() < 1 / 3) {
      const ring = rng.pick(redline.features).geometry.coordinates[0];
      const v = ring[rng.int(0, ring.length - 2)]; // a boundary vertex: the site straddles the line
      [cx, cy] = toMetres(v[0], v[1]);
    } else {
      cx = rng.uniform(box.x0, box.x1);
      cy = rng.uniform(box.y0, box.y1);
    }
    const id = `S${String(i).padStart(3, '0')}`;
    if (rng.next() < 0.6) {
      const ha = rng.logUniform(1, 500);
      const shape = randomStar(rng, rng.int(6, 60), ha * 1e4, 0.25);
      const ring = starRing(shape, cx, cy);
      assertStarShaped(ring, [cx / M_PER_DEG_LON, cy / M_PER_DEG_LAT], id);
      const type = rng.pick(POLYGON_TYPES);
      sites.push({
        id,
        geometry: { type: 'Polygon', coordinates: [ring] },
        project: { type, ...(type === 'industrial' || type === 'mining' ? { dischargesPollutants: true } : {}) },
        bufferM: BUFFER_M,
        label: `polygon ${ha.toFixed(1)} ha, ${ring.length - 1} vertices`,
      });
    } else {
      const lengthM = rng.uniform(500, 30_000);
      const widthM = rng.pick([10, 20, 30, 50]);
      const steps = Math.max(1, Math.round(lengthM / 300));
      let heading = rng.uniform(0, 2 * Math.PI);
      let x = cx - (Math.cos(heading) * lengthM) / 2, y = cy - (Math.sin(heading) * lengthM) / 2;
      const coordinates: GeoJSON.Position[] = [toLonLat(x, y)];
      for (let s = 0; s < steps; s++) {
        heading += rng.normal() * 0.15; // gentle bends, as a road or pipeline route
        x += (Math.cos(heading) * lengthM) / steps;
        y += (Math.sin(heading) * lengthM) / steps;
        coordinates.push(toLonLat(x, y));
      }
      sites.push({
        id,
        geometry: { type: 'LineString', coordinates },
        project: { type: 'linear_infrastructure', widthM },
        bufferM: BUFFER_M,
        label: `line ${(lengthM / 1000).toFixed(1)} km × ${widthM} m, ${coordinates.length} vertices`,
      });
    }
  }
  return sites;
}
