/**
 * `npm run geodata:load` — loads the shipped reference layers, adding a new version wherever a file
 * changed since the current version (unchanged layers are left alone).
 *
 * `npm run geodata:load -- --layer eco_redline --file official.geojson [--note "2026 批复版"]` loads
 * an official dataset (GeoJSON FeatureCollection in EPSG:4326, properties name/level) as a new
 * version of one layer; the layer keeps its catalog entry but is marked as not illustrative.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { loadLayerVersion } from '../layers/loader.ts';
import { loadReferenceLayers, readCatalog } from '../layers/reference-data.ts';

const { values } = parseArgs({
  options: { layer: { type: 'string' }, file: { type: 'string' }, note: { type: 'string' }, official: { type: 'boolean', default: true } },
});
const db = await openDatabase(loadConfig());
try {
  if (values.layer || values.file) {
    if (!values.layer || !values.file) throw new Error('--layer and --file go together');
    const entry = readCatalog().find((e) => e.id === values.layer);
    if (!entry) throw new Error(`unknown layer ${values.layer}; known: ${readCatalog().map((e) => e.id).join(', ')}`);
    const collection = JSON.parse(fs.readFileSync(values.file, 'utf8'));
    const official = { ...entry, illustrative: !values.official, source: { zh: `正式数据：${values.file}`, en: `official data: ${values.file}` } };
    const r = await loadLayerVersion(db.pool, official, collection, values.note ?? `loaded from ${values.file}`);
    console.log(`${r.layerId}: ${r.loaded ? `version ${r.version} loaded` : `unchanged (version ${r.version})`}, ${r.featureCount} features`);
  } else {
    for (const r of await loadReferenceLayers(db.pool, { onlyMissing: false })) {
      console.log(`${r.layerId}: ${r.loaded ? `version ${r.version} loaded` : `unchanged (version ${r.version})`}, ${r.featureCount} features`);
    }
  }
} finally {
  await db.close();
}
