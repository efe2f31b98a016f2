import { createHash } from 'node:crypto';
import type { CatalogEntry } from '../server/layers/catalog-entry.ts';
import { generateControlUnits } from './dataset/control-units.ts';
import { generateRedline } from './dataset/redline.ts';
import type { ScaleSpec } from './dataset/scale.ts';
import { generateWaterSources } from './dataset/water-sources.ts';

export interface BenchLayer {
  entry: CatalogEntry;
  collection: GeoJSON.FeatureCollection<GeoJSON.Polygon>;
  polygons: number;
  vertices: number;
  /** sha256 of the layer's id and features, recorded in the loaded version's note. */
  checksum: string;
}

export interface BenchDataset {
  layers: BenchLayer[];
  polygons: number;
  vertices: number;
  /** sha256 over the layers' checksums: identical on every run of the same generator. */
  checksum: string;
}

/** Layer ids start with bench_ so that a shared DATABASE_URL never mixes them up with real layers. */
export const BENCH_LAYER_PREFIX = 'bench_';

function entry(id: string, kind: string, nameZh: string, nameEn: string, levels: string[], order: number): CatalogEntry {
  return {
    id: `${BENCH_LAYER_PREFIX}${id}`, kind, nameZh: `基准测试-${nameZh}`, nameEn: `bench ${nameEn}`, group: 'bench',
    geometryType: 'Polygon', levels, checked: true, illustrative: true, legendOrder: 9000 + order,
    source: { zh: '合成基准数据（bench/dataset.ts）', en: 'synthetic benchmark data (bench/dataset.ts)' }, style: {},
  };
}

/** Distinct vertices (closing positions not counted). */
function vertexCount(geometry: GeoJSON.Polygon): number {
  return geometry.coordinates.reduce((n, ring) => n + ring.length - 1, 0);
}

export function generateDataset(spec: ScaleSpec, log: (msg: string) => void): BenchDataset {
  const make = (e: CatalogEntry, generate: () => GeoJSON.FeatureCollection<GeoJSON.Polygon>): BenchLayer => {
    const started = Date.now();
    const collection = generate();
    const vertices = collection.features.reduce((n, f) => n + vertexCount(f.geometry), 0);
    const hash = createHash('sha256').update(JSON.stringify(e));
    for (const f of collection.features) hash.update(JSON.stringify(f));
    log(`  ${e.id}: ${collection.features.length.toLocaleString('en')} polygons, ${vertices.toLocaleString('en')} vertices (${Date.now() - started} ms)`);
    return { entry: e, collection, polygons: collection.features.length, vertices, checksum: hash.digest('hex') };
  };
  const layers = [
    make(entry('eco_redline', 'eco_redline', '生态保护红线', 'ecological red line', ['core'], 1), () => generateRedline(spec)),
    make(entry('water_source', 'water_source', '饮用水水源保护区', 'water-source zones', ['grade1', 'grade2', 'quasi'], 2), () => generateWaterSources(spec)),
    make(entry('control_unit', 'control_unit', '环境管控单元', 'control units', ['priority', 'key', 'general'], 3), () => generateControlUnits(spec)),
  ];
  const hash = createHash('sha256');
  for (const layer of layers) hash.update(layer.checksum);
  return {
    layers,
    polygons: layers.reduce((n, l) => n + l.polygons, 0),
    vertices: layers.reduce((n, l) => n + l.vertices, 0),
    checksum: hash.digest('hex'),
  };
}
