import { PROJECT_FLAG_LABELS, PROJECT_FLAGS, PROJECT_TYPE_LABELS, type ProjectType } from '../domain/development.ts';
import type { Verdict } from '../domain/verdict.ts';
import { formatAreaAllUnits, formatLength, formatNumber } from '../units/area-units.ts';
import { formatStretch } from '../units/chainage.ts';
import { toGaussKrugerZone3 } from '../geo/gauss-kruger.ts';
import type { ReportInput } from './report-input.ts';
import { label, type ReportLang } from './report-labels.ts';
import { reportTable, type ReportTable } from './report-table.ts';
import { citation, layerName, pick, verdictName } from './names.ts';
import { buildReviewSection, type ReviewSectionModel } from './review-section.ts';
import { boundaryPointTable, reportNumber, type BoundaryPointTable } from './boundary-points.ts';

/** Everything the report page shows, already in words and in the report's language. */
export interface ReportModel {
  lang: ReportLang;
  title: string;
  verdict: Verdict;
  verdictLabel: string;
  /** The 示意数据 caveat when any layer the check used is illustrative; null otherwise. */
  caveat: string | null;
  facts: { label: string; value: string }[];
  mapImage: string | null;
  table: ReportTable;
  clearLayers: string[];
  rules: { id: string; verdict: Verdict; verdictLabel: string; citation: string; text: string; procedure: string; layers: string }[];
  avoidance: string | null;
  /** A linear site's stretches to reroute around (穿越段), per prohibited layer; empty otherwise. */
  crossings: { layer: string; chainage: string; length: string }[];
  warnings: string[];
  layerVersions: { name: string; version: string; illustrative: boolean }[];
  checkedAt: string;
  generatedAt: string;
  /** 审查意见, when the report is of a reviewed project. */
  review: ReviewSectionModel | null;
  /** Unique per check run; printed on every page and in the data exports. */
  reportNumber: string;
  /** 界址点坐标表 (null for a site without rings). */
  boundaryPoints: BoundaryPointTable | null;
  /** 审查人/日期 block: for a stored check run. */
  signature: boolean;
}

/** "2026-05-01 14:03:22（北京时间）": planners read times in China Standard Time. */
export function formatBeijingTime(iso: string, lang: ReportLang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).formatToParts(date).map((p) => [p.type, p.value]),
  );
  const text = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
  return lang === 'zh' ? `${text}（北京时间）` : `${text} (UTC+8)`;
}

function projectFacts(input: ReportInput, lang: ReportLang): { label: string; value: string }[] {
  const project = input.project;
  if (!project) return [];
  const typeLabel = PROJECT_TYPE_LABELS[project.type as ProjectType];
  const flags = PROJECT_FLAGS.filter((f) => project[f] === true).map((f) => pick(PROJECT_FLAG_LABELS[f], lang));
  if (typeof project.widthM === 'number') flags.push(`${pick(PROJECT_FLAG_LABELS.widthM, lang)} ${project.widthM}`);
  return [
    { label: label(lang, 'projectType'), value: typeLabel ? pick(typeLabel, lang) : project.type },
    { label: label(lang, 'projectFlags'), value: flags.length ? flags.join(lang === 'zh' ? '、' : ', ') : label(lang, 'none') },
  ];
}

function siteFacts(input: ReportInput, lang: ReportLang): { label: string; value: string }[] {
  const { result } = input;
  const [lon, lat] = result.centroid;
  const gk = toGaussKrugerZone3(lon, lat);
  const township = input.township
    ? `${pick(input.township, lang)}${input.township.illustrative ? label(lang, 'townshipIllustrative') : ''}`
    : label(lang, 'townshipUnknown');
  const gkText = lang === 'zh'
    ? `X = ${gk.x.toFixed(2)}，Y = ${gk.y.toFixed(2)}（${gk.zone} 带，中央经线 ${gk.centralMeridian}°E${gk.epsg ? `，EPSG:${gk.epsg}` : ''}）`
    : `X = ${gk.x.toFixed(2)}, Y = ${gk.y.toFixed(2)} (zone ${gk.zone}, CM ${gk.centralMeridian}° E${gk.epsg ? `, EPSG:${gk.epsg}` : ''})`;
  return [
    ...(input.siteName ? [{ label: label(lang, 'siteName'), value: input.siteName }] : []),
    ...projectFacts(input, lang),
    ...(typeof result.siteLengthM === 'number' ? [{ label: label(lang, 'lineLength'), value: formatLength(result.siteLengthM, lang) }] : []),
    // A line's or point's area is its footprint buffered by the impact width: say so beside the figure.
    { label: label(lang, result.footprint ? 'siteAreaFootprint' : 'siteArea'), value: formatAreaAllUnits(result.siteAreaM2, lang) },
    { label: label(lang, 'centroidLonLat'), value: `E ${lon.toFixed(6)}°, N ${lat.toFixed(6)}°` },
    { label: label(lang, 'centroidGk'), value: gkText },
    { label: label(lang, 'township'), value: township },
    { label: label(lang, 'bufferM'), value: `${formatNumber(result.bufferM ?? 500, 0)} ${label(lang, 'metre')}` },
  ];
}

function citedRules(input: ReportInput, lang: ReportLang): ReportModel['rules'] {
  const byId = new Map<string, ReportModel['rules'][number] & { layerNames: string[] }>();
  for (const r of input.result.results) {
    const name = layerName(r.layerId, r.kind, input.layers, lang);
    for (const rule of r.rules) {
      const seen = byId.get(rule.id);
      if (seen) {
        if (!seen.layerNames.includes(name)) seen.layerNames.push(name);
        continue;
      }
      byId.set(rule.id, {
        id: rule.id, verdict: rule.verdict, verdictLabel: verdictName(rule.verdict, lang), citation: citation(rule.basis, lang),
        text: lang === 'zh' ? rule.basis.textZh : rule.basis.textEn, procedure: pick(rule.procedure, lang), layers: '', layerNames: [name],
      });
    }
  }
  return [...byId.values()].map(({ layerNames, ...rule }) => ({ ...rule, layers: layerNames.join(lang === 'zh' ? '、' : ', ') }));
}

function avoidanceText(input: ReportInput, lang: ReportLang): string | null {
  const a = input.result.avoidance;
  if (!a) return null;
  // Results since issue 18 carry their own honest message (须另行选址 when nothing usable remains).
  if (a.message) return lang === 'zh' ? a.message.zh : a.message.en;
  return label(lang, 'avoidanceText', {
    layers: a.layerIds.map((id) => layerName(id, undefined, input.layers, lang)).join(lang === 'zh' ? '、' : ', '),
    remaining: formatAreaAllUnits(a.remainingAreaM2, lang),
    pct: formatNumber(a.remainingPct, 2),
    removed: formatAreaAllUnits(a.removedAreaM2, lang),
  });
}

export function buildReportModel(input: ReportInput): ReportModel {
  const lang = input.lang ?? 'zh';
  const { result } = input;
  const usedLayerIds = [...new Set([...Object.keys(result.layerVersions ?? {}), ...result.results.map((r) => r.layerId), ...result.clearLayers])];
  const illustrativeUsed = usedLayerIds.some((id) => input.layers?.find((l) => l.id === id)?.illustrative);
  return {
    lang,
    title: label(lang, 'title'),
    verdict: result.verdict,
    verdictLabel: verdictName(result.verdict, lang),
    caveat: illustrativeUsed ? label(lang, 'caveat') : null,
    facts: siteFacts(input, lang),
    mapImage: input.mapImage ?? null,
    table: reportTable(input, lang),
    clearLayers: result.clearLayers.map((id) => layerName(id, undefined, input.layers, lang)),
    rules: citedRules(input, lang),
    avoidance: avoidanceText(input, lang),
    crossings: (result.avoidance?.sections ?? []).map((c) => ({
      layer: layerName(c.layerId, undefined, input.layers, lang),
      chainage: formatStretch(c, result.avoidance!.sections!.some((x) => x.part > 1), lang),
      length: formatLength(c.toM - c.fromM, lang),
    })),
    warnings: (result.warnings ?? []).map((w) => pick(w, lang)),
    layerVersions: Object.entries(result.layerVersions ?? {}).map(([id, version]) => ({
      name: layerName(id, undefined, input.layers, lang),
      version: `v${version}`,
      illustrative: input.layers?.find((l) => l.id === id)?.illustrative === true,
    })),
    checkedAt: formatBeijingTime(result.checkedAt, lang),
    generatedAt: formatBeijingTime(input.generatedAt ?? new Date().toISOString(), lang),
    review: input.review ? buildReviewSection(input.review, lang, formatBeijingTime) : null,
    reportNumber: reportNumber(result.checkedAt, input.checkId, result.site),
    boundaryPoints: result.site ? boundaryPointTable(result.site, result.centroid, lang) : null,
    signature: input.checkId != null,
  };
}
