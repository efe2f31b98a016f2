import * as turf from '@turf/turf';
import type { CatalogEntry } from './catalog.ts';
import type { Layer, LayerFeature } from './layer.ts';
import type { OutlineSource } from './source-outlines.ts';
import { areaM2, type Area } from './polygon-ops.ts';
import { lengthM } from './line-ops.ts';
import { CHECKED, FILES, HJ338, INTRO, METHOD, REGENERATE, REPLACE } from './readme-text.ts';
import { ADMINISTERED_AREA_KM2 } from './admin-boundary.ts';

/** Writes geodata/README.md: fixed prose plus tables computed from the generated layers. */

/** What a replacement file must carry, per layer (the file contract). */
const CONTRACT: Record<string, { required: string; optional: string; method: string }> = {
  admin_boundary: { required: '`name`, `level` (`district` \\| `township`)', optional: '`nameEn`, `adminCode`, `townshipType`', method: '真实 district outline; townships: noise-bent Voronoi tiling of the 13 seats' },
  guiyang_districts: { required: '`name`', optional: '`adminCode`', method: '真实 outlines of the other nine districts/counties (context)' },
  eco_redline: { required: '`name`, `level` (`core` where over a 自然保护地核心保护区, else null)', optional: '`redlineType` (水源涵养 / 生物多样性维护 / 水土保持 / 石漠化防治), `code`', method: 'ridges of the three screens and of 高坡/马铃/黔陶/久安, the hills round both lakes, the whole reserve and every 一级 water-source zone' },
  water_source: { required: '`name`, `level` (`grade1` \\| `grade2` \\| `quasi`), `sourceName`, `sourceType` (reservoir \\| river \\| groundwater), `town`', optional: '`intake` (GeoJSON Point), `basis`', method: 'HJ 338-2018 defaults from the intake and the water body (table below)' },
  nature_reserve: { required: '`name`, `level` (`core` \\| `buffer` \\| `experimental`; or `core` \\| `general` after the 2026 条例)', optional: '`reserveName`, `reserveLevel`, `zoningScheme`', method: 'three nested rings of 青岩油杉自然保护区 on a NE–SW ridge' },
  wetland: { required: '`name`', optional: '`wetlandType`, `includes`', method: 'band along 花溪河 (十里河滩, 花溪公园); 阿哈湖 with its shore belt' },
  scenic_area: { required: '`name`, `level` (`core` for the 核心景区, else null)', optional: '`scenicName`, `scenicGrade`', method: '青岩古镇 and 天河潭, each a 核心景区 and the rest' },
  basic_farmland: { required: '`name`', optional: '`code`, `town`, `areaMu`', method: 'valley floors and basins of the rural townships, fragmented, outside red line and development boundary' },
  urban_boundary: { required: '`name` (inside the polygon = inside the boundary)', optional: '`cluster`', method: 'central urban area with 大学城, 孟关, 石板, 燕楼, 青岩 clusters, cut back from the red line' },
  control_unit: { required: '`name`, `level` (`priority` \\| `key` \\| `general`), `code`, `spatialConstraint`, `pollutionControl`, `riskControl`, `resourceEfficiency`', optional: '`town`, `unitClass`', method: 'class (优先 = red line ∪ water sources ∪ reserve ∪ wetland parks; 重点 = parks, then development boundary; 一般 = rest) ∩ township' },
  eco_core: { required: '`name`', optional: '`patternRole`', method: 'the forested hills round 阿哈湖 and 花溪水库' },
  eco_screen: { required: '`name`', optional: '`patternRole`', method: 'wide irregular bands along the 黔灵山脉, 大成山脉 and 凤凰山 ridges' },
  eco_corridor: { required: '`name`, `widthM`', optional: '`centerline` (GeoJSON LineString), `lengthKm`', method: 'centre line between the two named ends, buffered to its design width' },
  river: { required: '`name` (LineString)', optional: '`basin`, `lengthKm`, `keyRiver`, `shorelineManaged`', method: 'meandering centre lines along plausible valleys' },
  reservoir: { required: '`name`', optional: '`capacityClass`, `note`', method: 'drowned valleys on their rivers, dam cut square' },
  industrial_park: { required: '`name`', optional: '`town`, `note`, `isolationBeltM`', method: 'the four parks of seed 000, inside the development boundary' },
  place: { required: '`name` (Point)', optional: '`nameEn`, `placeType`, `town`', method: 'township seats and named places of the gazetteer' },
};

const km2 = (m2: number) => (m2 / 1e6).toFixed(2);

function measure(features: LayerFeature[]): string {
  const polys = features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
  const levels = [...new Set(polys.map((f) => f.properties.level as string | null | undefined))];
  if (levels.length > 1) {
    return levels.map((l) => `${l ?? '(none)'} ${km2(polys.filter((f) => f.properties.level === l).reduce((s, f) => s + turf.area(turf.feature(f.geometry)), 0))}`).join(', ') + ' km²';
  }
  if (polys.length > 0) return `${km2(polys.reduce((s, f) => s + turf.area(turf.feature(f.geometry)), 0))} km²`;
  const lines = features.filter((f) => f.geometry.type === 'LineString');
  if (lines.length > 0) return `${(lines.reduce((s, f) => s + lengthM(f.geometry as GeoJSON.LineString), 0) / 1000).toFixed(1)} km`;
  return '—';
}

function levelCounts(features: LayerFeature[]): string {
  const counts = new Map<string, number>();
  for (const f of features) {
    const level = f.properties.level as string | null | undefined;
    if (level !== undefined) counts.set(level ?? '(none)', (counts.get(level ?? '(none)') ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ') || '—';
}

export function buildReadme(input: { source: OutlineSource; catalog: CatalogEntry[]; layers: Layer[]; demoProjects: LayerFeature[]; district: Area }): string {
  const { source, catalog, layers, demoProjects, district } = input;
  const byId = new Map(layers.map((l) => [l.id, l]));
  const districtKm2 = areaM2(district) / 1e6;
  const redlineKm2 = byId.get('eco_redline')!.features.reduce((s, f) => s + turf.area(turf.feature(f.geometry)), 0) / 1e6;

  const status = catalog.map((e) => {
    const features = byId.get(e.id)!.features;
    const state = e.id === 'guiyang_districts' ? '真实' : e.id === 'admin_boundary' ? '真实 (district) / 示意 (townships)' : '示意';
    return `| \`${e.id}\` | ${e.kind} | ${e.nameZh} | ${state} | ${e.geometryType} | ${features.length} | ${levelCounts(features)} | ${measure(features)} | ${e.checked ? 'yes' : 'no'} |`;
  });
  const contract = catalog.map((e) => {
    const c = CONTRACT[e.id];
    return `| \`${e.id}\` | ${c.required} | ${c.optional} | ${c.method} |`;
  });
  const pattern = ['eco_core', 'eco_screen', 'eco_corridor'].map((id) => `- ${id}: ${byId.get(id)!.features.map((f) => f.properties.name).join('、')}`);
  const sources = [...new Set(byId.get('water_source')!.features.map((f) => `${f.properties.sourceName} (${f.properties.sourceType}, ${f.properties.town})`))];
  const demos = demoProjects.map((d) => {
    const p = d.properties as { name: string; project: { type: string }; expectedVerdict: string; expectedBecause: string };
    return `| \`${d.id}\` | ${p.name} | ${d.geometry.type} | \`${p.project.type}\` | ${p.expectedVerdict} | ${p.expectedBecause} |`;
  });

  return [
    INTRO,
    `## Status of every layer

District outline: **${districtKm2.toFixed(1)} km²** on the sphere (pre-贵安新区 outline; ${ADMINISTERED_AREA_KM2} km² administered
today), from \`${source.packageName}@${source.version}\`. Red line: **${redlineKm2.toFixed(1)} km² = ${((100 * redlineKm2) / districtKm2).toFixed(1)} %**
of the outline (Guizhou: 26.06 % of the province).

| layer id | kind | 名称 | status | geometry | features | levels | area / length | checked |
|---|---|---|---|---|---|---|---|---|
${status.join('\n')}

Names of the ecological pattern (seed 000, box "花溪区总体生态格局", verbatim):
${pattern.join('\n')}

Drinking-water sources (seed 000: "依法推进花溪水库、高坡乡苦蒿冲、阴洞河、燕楼乡燕鲁小燕河、青岩镇海爬井、龙潭、龙井沟、马铃乡麻窝坑、红岩水库、黔陶乡九眼井10个水源保护区的规范化建设"):
${sources.join('; ')}.`,
    FILES,
    REGENERATE,
    METHOD,
    HJ338,
    CHECKED,
    `## Properties per layer (the file contract)

| layer id | required | optional | how the illustrative layer is drawn |
|---|---|---|---|
${contract.join('\n')}

Every illustrative feature also carries \`illustrative: true\`; the real outlines carry \`illustrative: false\`.`,
    REPLACE,
    `## Demo project sites (\`demo-projects.geojson\`)

Placed by search so that each verdict of rules.md §12 occurs. \`expectedVerdict\` is the outcome the
site was placed for; it treats 重点/一般 control units as information (their 准入清单 is listed), since
the units tile the district and a strict "ECU → NOTICE" reading would leave no site clear.

| id | name | geometry | type | expected | because |
|---|---|---|---|---|---|
${demos.join('\n')}`,
  ].join('\n\n').concat('\n');
}
