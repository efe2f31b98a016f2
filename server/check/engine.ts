import type { Queryable } from '../db/types.ts';
import { attempt } from '../db/savepoint.ts';
import { QUERY_CANCELED } from '../db/database.ts';
import { STATEMENT_CUT_OFF } from '../db/sqlstates.ts';
import { badRequest, unprocessable, type Bilingual } from '../http/errors.ts';
import { avoidProhibited, type ProhibitedPart } from './avoidance.ts';
import { adviseReroute, isCentreLine } from './reroute.ts';
import type { CheckResult, Footprint, LayerResult } from '../../common/api/check-result.ts';
import { severedCorridors } from './corridor.ts';
import { coverageWarning, siteCoverageOf } from './coverage.ts';
import type { Relation } from '../../common/api/check-result.ts';
import { evaluateLayer, type LayerEvaluation } from './evaluate.ts';
import { PROHIBITING_KINDS } from './rules.ts';
import type { ProjectAttributes } from '../../common/domain/development.ts';
import { parseProject } from './development-input.ts';
import { querySiteFacts, SLIVER_M2, type FeatureFact, type LayerFact } from './overlap-query.ts';
import { parseSiteGeometry } from './site-input.ts';
import { bySeverityDesc, mostSevere } from '../../common/domain/verdict.ts';

/** Screening distance for "near" (m): default and the largest accepted. */
const DEFAULT_BUFFER_M = 500;
const MAX_BUFFER_M = 5000;
/** Impact width (m) of a line or point site when the project gives none (issue 6). */
export const DEFAULT_LINE_WIDTH_M = 10;
export const DEFAULT_POINT_WIDTH_M = 20;

export interface CheckRequest {
  geometry: unknown;
  project: unknown;
  bufferM?: unknown;
  /** Repair an invalid (e.g. self-intersecting) polygon with ST_MakeValid instead of refusing it. */
  repair?: unknown;
}

function parseBuffer(raw: unknown): number {
  if (raw === undefined || raw === null) return DEFAULT_BUFFER_M;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0 || raw > MAX_BUFFER_M) {
    throw badRequest('BAD_BUFFER', `bufferM 应为 0–${MAX_BUFFER_M} 米之间的数值`, `bufferM must be a number of metres between 0 and ${MAX_BUFFER_M}`);
  }
  return raw;
}

const relationOf = (layer: LayerFact, f: FeatureFact): Relation => {
  if (!f.intersects) return 'near';
  // A line layer (river) is crossed, not covered: any intersection counts as overlapping it.
  const isLineLayer = /Line/.test(layer.geometryType);
  return isLineLayer || f.overlapAreaM2 > SLIVER_M2 ? 'overlaps' : 'touches';
};

/** The impact widths a point or line site was buffered with (absent for a polygon site). */
function footprintOf(geometry: GeoJSON.Geometry, widthM: number | undefined): Footprint | undefined {
  const types = geometry.type === 'GeometryCollection' ? geometry.geometries.map((g) => g.type) : [geometry.type];
  const footprint: Footprint = {
    ...(types.some((t) => /Line/.test(t)) ? { lineWidthM: widthM ?? DEFAULT_LINE_WIDTH_M } : {}),
    ...(types.some((t) => /Point/.test(t)) ? { pointWidthM: widthM ?? DEFAULT_POINT_WIDTH_M } : {}),
  };
  return Object.keys(footprint).length ? footprint : undefined;
}

/** How a point or line site was turned into an area: a strip along a line, a disc around a point. */
function footprintWarning({ lineWidthM: line, pointWidthM: point }: Footprint): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  if (line !== undefined) {
    zh.push(`线状选址按影响宽度 ${line} 米（两侧各 ${line / 2} 米）缓冲`);
    en.push(`line sites as a strip ${line} m wide (${line / 2} m each side)`);
  }
  if (point !== undefined) {
    zh.push(`点状选址按直径 ${point} 米（半径 ${point / 2} 米）的圆`);
    en.push(`point sites as a disc ${point} m across (radius ${point / 2} m)`);
  }
  return { zh: `${zh.join('，')}后核查`, en: `Checked ${en.join(', and ')}` };
}

/** A feature as the API reports it (its other properties stay in the layer's data). */
const featureResult = ({ id, name, nameEn, level, overlapAreaM2, distanceM }: FeatureFact): LayerResult['features'][number] => ({
  id,
  name,
  nameEn: nameEn ?? null,
  level,
  overlapAreaM2,
  distanceM,
});

/**
 * SQLSTATEs after which a check goes on without its avoidance suggestion: a geometry error
 * (XX000: a GEOS TopologyException), a statement cut off (58000, the embedded database), out of
 * memory or a program limit (53, 54), or the statement time limit (57014).
 */
const avoidanceMayFail = (code: string) => /^(XX|58|53|54)/.test(code) || code === QUERY_CANCELED;

const AVOIDANCE_FAILED: Bilingual = {
  zh: '未能生成避让建议：选址过大或与禁止区域的边界过于复杂，空间叠加未能完成。核查结论不受影响；请缩小或分段选址后重新核查以获得避让建议',
  en: 'No avoidance suggestion: the site is too large, or its boundary with the prohibited zones too complex, for the overlay to finish. The verdict is not affected; check a smaller site, or the site in sections, to get a suggestion',
};

/**
 * A statement of the verdict that PostGIS could not complete for this site: a GEOS or PostGIS
 * error (XX000, e.g. an edge 180° long) or, on the embedded database, a statement cut off (58000).
 * The layers are the same for every check, so the site is the cause: a 422 that says what to do,
 * not a 500.
 */
async function computable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'XX000' || code === STATEMENT_CUT_OFF)
      throw unprocessable(
        'SITE_NOT_COMPUTABLE',
        '空间计算未能完成：选址几何过大、过于复杂或跨度过大（如跨越 180° 经度的边）。请简化边界、缩小范围或分段后重新核查',
        'The spatial computation could not be completed: the site is too large, too complex or spans too far (such as an edge 180° of longitude long). Simplify its boundary, make it smaller or check it in sections',
      );
    throw e;
  }
}

const RELATION_ORDER: Relation[] = ['overlaps', 'touches', 'near'];

/** Kinds whose overlaps the avoidance suggestion may clip out (a 城镇开发边界 is a zone to be inside). */
export const AVOIDABLE_KINDS = PROHIBITING_KINDS.filter((kind) => kind !== 'urban_boundary');

/** Evaluates each relation group of a layer's features and keeps the most severe outcome. */
function evaluateFeatures(
  layer: LayerFact,
  project: ProjectAttributes,
  context: { severed?: boolean; siteAreaM2: number; layerLevels: string[] },
): LayerEvaluation & { relation: Relation } {
  const outcomes = RELATION_ORDER.flatMap((relation) => {
    const group = layer.features.filter((f) => relationOf(layer, f) === relation);
    if (group.length === 0) return [];
    return [{ relation, ...evaluateLayer({ kind: layer.kind, levels: group.map((f) => f.level), relation, project, context }) }];
  });
  outcomes.sort((a, b) => bySeverityDesc(a.verdict, b.verdict));
  const seen = new Set<string>();
  const rules = outcomes.flatMap((o) => o.rules).filter((r) => !seen.has(r.id) && (seen.add(r.id), true));
  return { ...outcomes[0], rules };
}

/**
 * The features whose own level prohibits the project, per layer judged prohibited: a site across
 * a 一级 and a 二级 zone avoids the 一级 only when the 二级 allows the project.
 */
function prohibitedParts(layers: LayerFact[], results: LayerResult[], project: ProjectAttributes, siteAreaM2: number): ProhibitedPart[] {
  const prohibitedLayers = new Set(results.filter((r) => r.verdict === 'prohibited' && AVOIDABLE_KINDS.includes(r.kind)).map((r) => r.layerId));
  return layers
    .filter((l) => prohibitedLayers.has(l.layerId))
    .flatMap((layer): ProhibitedPart[] => {
      const prohibitedFeatures = layer.features
        .filter((f) => relationOf(layer, f) === 'overlaps')
        .filter((f) => evaluateLayer({ kind: layer.kind, levels: [f.level], relation: 'overlaps', project, context: { siteAreaM2, layerLevels: layer.levels } }).verdict === 'prohibited');
      const piecesWkb = prohibitedFeatures.flatMap((f) => (f.overlapPiecesWkb ? [f.overlapPiecesWkb] : []));
      // The layer's whole overlap, which the overlap query has dissolved already, when the layer is
      // prohibited only as a whole (no single level does it) or every feature that meets the site
      // prohibits (a line across a subdivided zone meets a dozen: dissolving their pieces again
      // took up to 2–3 ms of the reroute statement). Otherwise the prohibiting features' pieces,
      // which the statement dissolves.
      const wholeLayer = piecesWkb.length === 0 || prohibitedFeatures.length === layer.features.filter((f) => f.intersects).length;
      if (wholeLayer && layer.overlapWkb) return [{ layerId: layer.layerId, overlapWkb: layer.overlapWkb }];
      if (piecesWkb.length > 0) return [{ layerId: layer.layerId, piecesWkb }];
      return layer.overlap ? [{ layerId: layer.layerId, overlap: layer.overlap }] : [];
    });
}

/**
 * A check request parsed and bounded (vertices, width, buffer) — no SQL: a caller that takes a
 * database connection for the check (runBoundedCheck) parses first, so a refused site never waits
 * for the connection nor sends a statement.
 */
export function parseCheckRequest(request: CheckRequest) {
  if (!request || typeof request !== 'object') throw badRequest('BAD_REQUEST', '请求体应为 JSON 对象', 'The request body must be a JSON object');
  return { geometry: parseSiteGeometry(request.geometry), project: parseProject(request.project), bufferM: parseBuffer(request.bufferM), repair: request.repair === true };
}

/**
 * The conflict check: one SQL round trip for the geometry and the layers' levels (plus one for
 * corridor severance and one for the avoidance suggestion, only when those apply), then the rules as data decide per layer.
 * PostGIS is the single source of truth: the client never re-derives any of this.
 */
export async function runCheck(db: Queryable, request: CheckRequest, parsed = parseCheckRequest(request)): Promise<CheckResult> {
  const { geometry, project, bufferM, repair } = parsed;
  const warnings: Bilingual[] = [];

  const facts = await computable(querySiteFacts(db, geometry, {
    pointWidthM: project.widthM ?? DEFAULT_POINT_WIDTH_M,
    lineWidthM: project.widthM ?? DEFAULT_LINE_WIDTH_M,
    bufferM,
    exactOverlapKinds: AVOIDABLE_KINDS,
  }));
  if (!facts.inputValid) {
    const at = facts.invalidLocation ? `（${facts.invalidLocation.map((n) => n.toFixed(6)).join(', ')}）` : '';
    const atEn = facts.invalidLocation ? ` at ${facts.invalidLocation.map((n) => n.toFixed(6)).join(', ')}` : '';
    if (!repair) {
      throw unprocessable(
        /self-intersection|Ring Self-intersection/i.test(facts.invalidReason ?? '') ? 'SELF_INTERSECTION' : 'INVALID_GEOMETRY',
        `选址几何无效：${facts.invalidReason}${at}。请修改边界，或以 repair=true 自动修复后核查`,
        `The site geometry is invalid: ${facts.invalidReason}${atEn}. Fix the boundary, or send repair=true to repair it automatically`,
        { reason: facts.invalidReason, location: facts.invalidLocation },
      );
    }
    warnings.push({
      zh: `选址几何无效（${facts.invalidReason}${at}），已按 ST_MakeValid 自动修复后核查，请核对修复后的边界`,
      en: `The site geometry was invalid (${facts.invalidReason}${atEn}); it was repaired with ST_MakeValid before checking — review the repaired boundary`,
    });
  }
  if (!(facts.siteAreaM2 > 0)) {
    throw unprocessable('EMPTY_SITE', '选址面积为零，无法核查', 'The site has no area and cannot be checked');
  }
  const footprint = footprintOf(geometry, project.widthM);
  if (footprint) warnings.push(footprintWarning(footprint));

  const coverage = siteCoverageOf(facts.coverage, facts.siteAreaM2, SLIVER_M2);
  if (coverage && coverage.status !== 'inside') warnings.push(coverageWarning(coverage));
  // Partly outside the coverage: the rules judge the covered part only (absent zones beyond the edge say nothing).
  const covered = coverage?.status === 'partial' ? facts.coverage?.covered : null;
  const judged = covered ? await computable(querySiteFacts(db, covered, { pointWidthM: 0, lineWidthM: 0, bufferM, exactOverlapKinds: AVOIDABLE_KINDS })) : facts;

  const corridorFacts = judged.layers.filter((l) => l.kind === 'eco_corridor');
  const severed = new Set<string>();
  for (const layer of corridorFacts) {
    const crossing = layer.features.filter((f) => f.overlapAreaM2 > SLIVER_M2).map((f) => f.id);
    for (const key of await computable(severedCorridors(db, judged.site, layer.layerId, layer.version, crossing))) severed.add(`${layer.layerId}/${key}`);
  }

  const results: LayerResult[] = [];
  for (const layer of judged.layers) {
    if (layer.kind === 'urban_boundary') continue; // inside/outside below, whatever the distance
    const layerSevered = layer.features.filter((f) => severed.has(`${layer.layerId}/${f.id}`)).map((f) => f.id);
    const evaluation = evaluateFeatures(layer, project, {
      severed: layerSevered.length > 0,
      siteAreaM2: judged.siteAreaM2,
      layerLevels: layer.levels,
    });
    results.push({
      layerId: layer.layerId,
      kind: layer.kind,
      level: evaluation.level,
      verdict: evaluation.verdict,
      relation: evaluation.relation,
      overlapAreaM2: layer.overlapAreaM2,
      overlapPct: percentOfSite(layer.overlapAreaM2, judged.siteAreaM2),
      minDistanceM: layer.minDistanceM,
      features: layer.features.map(featureResult),
      rules: evaluation.rules,
      overlap: layer.overlap,
      ...(layer.kind === 'eco_corridor' ? { severedFeatureIds: layerSevered } : {}),
    });
  }
  // A positive zone (inside the boundary) means nothing where the data does not reach.
  for (const v of judged.versions.filter((x) => x.kind === 'urban_boundary' && coverage?.status !== 'outside')) {
    results.push(urbanBoundaryResult(v.layerId, judged.layers.find((l) => l.layerId === v.layerId), judged.siteAreaM2, project));
  }
  results.sort((a, b) => bySeverityDesc(a.verdict, b.verdict) || b.overlapAreaM2 - a.overlapAreaM2 || a.layerId.localeCompare(b.layerId));

  // Judged on the covered part: the site of the suggestion is what the rules judged.
  // Advice, not the verdict: an overlay GEOS cannot finish (a site of thousands of km² across many
  // zones; PGlite loses the error and cuts the statement off) or one past the time limit leaves
  // the check without a suggestion, and says so, instead of failing the whole check.
  const prohibited = prohibitedParts(judged.layers, results, project, judged.siteAreaM2);
  // A centre line is advised as a route (reroute.ts): cut into pieces it would be no line at all.
  const advise = isCentreLine(geometry)
    ? () => adviseReroute(db, geometry, (project.widthM ?? DEFAULT_LINE_WIDTH_M) / 2, prohibited, judged.siteAreaM2, facts.siteLengthM ?? 0)
    : () => avoidProhibited(db, judged.site, judged.siteAreaM2, prohibited, judged.siteWkb);
  const tried = await attempt(db, 'avoidance', avoidanceMayFail, advise);
  if (!tried.ok) warnings.push(AVOIDANCE_FAILED);
  const avoidance = tried.ok ? tried.value : null;

  const inResults = new Set(results.map((r) => r.layerId));
  return {
    // Wholly outside the data's coverage: no zone there proves nothing, so no verdict of the rules.
    verdict: coverage?.status === 'outside' ? 'outside_coverage' : mostSevere(...results.map((r) => r.verdict)),
    ...(coverage ? { coverage } : {}),
    siteAreaM2: facts.siteAreaM2,
    ...(facts.siteLengthM !== null ? { siteLengthM: facts.siteLengthM } : {}),
    ...(footprint ? { footprint } : {}),
    results,
    clearLayers: facts.versions.map((v) => v.layerId).filter((id) => !inResults.has(id)),
    layerVersions: Object.fromEntries(facts.versions.map((v) => [v.layerId, v.version])),
    warnings,
    checkedAt: new Date().toISOString(),
    site: facts.site,
    centroid: facts.centroid,
    bufferM,
    avoidance,
  };
}

/**
 * 城镇开发边界 is a positive zone: what matters is the part of the site OUTSIDE it. Always reported,
 * since "far from every boundary" means entirely outside.
 */
function urbanBoundaryResult(layerId: string, layer: LayerFact | undefined, siteAreaM2: number, project: ProjectAttributes): LayerResult {
  const insideM2 = layer?.overlapAreaM2 ?? 0;
  const outsideAreaM2 = Math.max(0, siteAreaM2 - insideM2);
  const levels = [...(insideM2 > SLIVER_M2 ? ['inside'] : []), ...(outsideAreaM2 > SLIVER_M2 ? ['outside'] : [])];
  const evaluation = evaluateLayer({ kind: 'urban_boundary', levels: levels.length ? levels : ['inside'], relation: 'overlaps', project, context: { siteAreaM2 } });
  return {
    layerId,
    kind: 'urban_boundary',
    level: evaluation.level,
    verdict: evaluation.verdict,
    relation: insideM2 > SLIVER_M2 ? 'overlaps' : 'outside',
    overlapAreaM2: insideM2,
    overlapPct: percentOfSite(insideM2, siteAreaM2),
    minDistanceM: layer?.minDistanceM ?? null,
    features: (layer?.features ?? []).map(featureResult),
    rules: evaluation.rules,
    overlap: layer?.overlap ?? null,
    outsideAreaM2,
  };
}

/**
 * Share of the site's area, in %. A site without area (a point, or a line checked without a width)
 * has no share to give: 0, not NaN (which JSON would turn into null and break every consumer).
 */
function percentOfSite(partM2: number, siteAreaM2: number): number {
  return siteAreaM2 > 0 ? (100 * partM2) / siteAreaM2 : 0;
}
