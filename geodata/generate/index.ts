/**
 * Reference dataset generator for 花溪区 (issue 3). Seeded and deterministic: two runs give
 * byte-identical files.   npx tsx geodata/generate/index.ts [outDir]   (default: geodata/)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGuiyangOutlines, HUAXI } from './source-outlines.ts';
import { buildTownshipAreas } from './townships.ts';
import { buildAdminBoundary } from './admin-boundary.ts';
import { guiyangDistrictsLayer } from './guiyang-districts.ts';
import { buildRivers, riverLayer } from './rivers.ts';
import { buildReservoirs, reservoirLayer } from './reservoirs.ts';
import { buildWaterSources } from './water-sources.ts';
import { buildNatureReserve, natureReserveLayer } from './nature-reserve.ts';
import { buildEcoRedline, ecoRedlineLayer, redlineArea } from './eco-redline.ts';
import { buildUrbanBoundary, urbanBoundaryLayer } from './urban-boundary.ts';
import { buildIndustrialParks, industrialParkLayer } from './industrial-parks.ts';
import { buildEcoCores, ecoCoreLayer } from './eco-core.ts';
import { buildEcoScreens, ecoScreenLayer } from './eco-screen.ts';
import { buildEcoCorridors, ecoCorridorLayer } from './eco-corridor.ts';
import { buildWetlands, wetlandLayer } from './wetland.ts';
import { scenicAreaLayer } from './scenic-area.ts';
import { buildBasicFarmland, basicFarmlandLayer } from './basic-farmland.ts';
import { buildControlUnits } from './control-units.ts';
import { placeLayer } from './places.ts';
import { buildDemoProjects } from './demo-projects.ts';
import { PLACES } from './gazetteer.ts';
import { buildReadme } from './readme.ts';
import { buildCatalog } from './catalog.ts';
import { serializeFeatureCollection } from './write-geojson.ts';
import { union, type Area } from './polygon-ops.ts';
import type { Layer } from './layer.ts';

export function generate(outDir: string): void {
  const source = readGuiyangOutlines();
  const huaxi = source.outlines.find((o) => o.name === HUAXI);
  if (!huaxi) throw new Error(`${HUAXI} not found in ${source.file}`);
  const district = huaxi.geometry;

  // Order matters: each step derives from the ones above it.
  const townships = buildTownshipAreas(district);
  const rivers = buildRivers(district);
  const reservoirs = buildReservoirs(rivers, district);
  const waterSources = buildWaterSources({ rivers, reservoirs, district, townships });
  const reserve = buildNatureReserve(district);
  const redline = buildEcoRedline(district, reserve, waterSources.zones);
  const redlineUnion = redlineArea(redline);
  const urbanClusters = buildUrbanBoundary(district, redlineUnion);
  const urban = union(...urbanClusters.map((c) => c.geometry))!;
  const parks = buildIndustrialParks(urban);
  const wetlands = buildWetlands(rivers, reservoirs, district);
  const scenic = scenicAreaLayer(district);
  const farmland = buildBasicFarmland({
    district,
    rivers,
    townships,
    exclude: [urban, redlineUnion, ...reservoirs.map((r) => r.geometry), ...wetlands.map((w) => w.geometry), reserve.outline, ...scenic.features.filter((f) => f.properties.level === 'core').map((f) => f.geometry as Area)],
  });
  const cores = buildEcoCores(reservoirs, district);
  const screens = buildEcoScreens(district);
  const corridors = buildEcoCorridors(district);
  const controlUnits = buildControlUnits({
    district,
    townships,
    priority: [redlineUnion, ...waterSources.zones.map((z) => z.geometry), reserve.outline, ...wetlands.map((w) => w.geometry)],
    industrialParks: parks.map((p) => p.geometry),
    urbanBoundary: urban,
  });

  const layers: Layer[] = [
    buildAdminBoundary(district, source, townships),
    guiyangDistrictsLayer(source),
    riverLayer(rivers),
    reservoirLayer(reservoirs),
    waterSources.layer,
    natureReserveLayer(reserve),
    ecoRedlineLayer(redline),
    urbanBoundaryLayer(urbanClusters),
    industrialParkLayer(parks),
    ecoCoreLayer(cores),
    ecoScreenLayer(screens),
    ecoCorridorLayer(corridors),
    wetlandLayer(wetlands),
    scenic,
    basicFarmlandLayer(farmland),
    controlUnits,
    placeLayer(townships),
  ];

  const zonesOf = (level: string) => new Map(waterSources.zones.filter((z) => z.level === level).map((z) => [z.sourceName, z.geometry]));
  const huaxiReservoir = reservoirs.find((r) => r.spec.name === '花溪水库')!;
  const demoProjects = buildDemoProjects({
    redline: redlineUnion,
    waterGrade1: union(...waterSources.zones.filter((z) => z.level === 'grade1').map((z) => z.geometry))!,
    waterGrade1BySource: zonesOf('grade1'),
    waterGrade2BySource: zonesOf('grade2'),
    waterAll: union(...waterSources.zones.map((z) => z.geometry))!,
    reserveExperimental: reserve.experimental,
    reserveAll: reserve.outline,
    wetland: union(...wetlands.map((w) => w.geometry))!,
    scenicCore: union(...scenic.features.filter((f) => f.properties.level === 'core').map((f) => f.geometry as Area))!,
    scenicAll: union(...scenic.features.map((f) => f.geometry as Area))!,
    farmland: union(...farmland.map((f) => f.geometry))!,
    urban,
    corridors: union(...corridors.map((c) => c.geometry))!,
    corridorByName: new Map(corridors.map((c) => [c.name, c.geometry])),
    ecoCoresAndScreens: union(...cores.map((c) => c.geometry), ...screens.map((c) => c.geometry))!,
    parkByName: new Map(parks.map((p) => [p.name, p.geometry])),
    riverByName: new Map(rivers.map((r) => [r.spec.name, r.line])),
    intakeHuaxi: huaxiReservoir.axis.coordinates[huaxiReservoir.axis.coordinates.length - 1] as [number, number],
    intakeOf: (source) => (waterSources.layer.features.find((f) => f.properties.sourceName === source)!.properties.intake as { coordinates: [number, number] }).coordinates,
    placeAt: (name) => PLACES.find((p) => p.name === name)!.at,
  });

  fs.mkdirSync(path.join(outDir, 'layers'), { recursive: true });
  for (const layer of layers) {
    fs.writeFileSync(path.join(outDir, 'layers', `${layer.id}.geojson`), serializeFeatureCollection(layer.features));
  }
  const catalog = buildCatalog(source);
  fs.writeFileSync(path.join(outDir, 'catalog.json'), `${JSON.stringify(catalog, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'demo-projects.geojson'), serializeFeatureCollection(demoProjects));
  fs.writeFileSync(path.join(outDir, 'README.md'), buildReadme({ source, catalog, layers, demoProjects, district }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const started = Date.now();
  generate(outDir);
  console.log(`geodata written to ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
