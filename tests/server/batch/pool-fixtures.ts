/**
 * A generated project pool in 花溪区: polygons, lines with impact widths and points, with project
 * types and flags that reach every verdict. Seeded (mulberry32): the same pool every run.
 */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['industrial', 'residential', 'linear_infrastructure', 'tourism_facility', 'mining', 'ecological_restoration', 'agriculture', 'energy_solar'];

export interface PoolSite {
  name: string;
  geometry: GeoJSON.Geometry;
  project: Record<string, unknown>;
}

export function generatePool(count: number, seed = 16): PoolSite[] {
  const rand = mulberry32(seed);
  // 花溪区's core, inside the district outline, where the reference layers are.
  const lon = () => 106.52 + rand() * 0.3;
  const lat = () => 26.25 + rand() * 0.25;
  const sites: PoolSite[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    const type = TYPES[i % TYPES.length];
    const flags = { dischargesPollutants: i % 4 === 0, unavoidable: i % 5 === 0, nationalMajorProject: i % 7 === 0 };
    const x = lon();
    const y = lat();
    if (kind === 0) {
      const w = 0.001 + rand() * 0.006;
      const h = 0.001 + rand() * 0.006;
      sites.push({
        name: `面状项目 ${i + 1}`,
        geometry: { type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x + w * 0.3, y + h * 1.2], [x, y]]] },
        project: { type, ...flags },
      });
    } else if (kind === 1) {
      const n = 2 + Math.floor(rand() * 3);
      const coordinates = Array.from({ length: n }, (_, k) => [x + k * (0.004 + rand() * 0.01), y + (rand() - 0.5) * 0.01]);
      sites.push({ name: `线状项目 ${i + 1}`, geometry: { type: 'LineString', coordinates }, project: { type: 'linear_infrastructure', ...flags, widthM: 10 + Math.round(rand() * 50) } });
    } else {
      sites.push({ name: `点状项目 ${i + 1}`, geometry: { type: 'Point', coordinates: [x, y] }, project: { type, ...flags, widthM: 20 + Math.round(rand() * 80) } });
    }
  }
  return sites;
}

export function poolGeoJson(sites: PoolSite[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: sites.map((s) => ({ type: 'Feature', properties: { name: s.name, ...s.project }, geometry: s.geometry })),
    }),
  );
}
