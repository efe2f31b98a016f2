import { badRequest } from '../../http/errors.ts';
import type { CheckResult } from '../check-result.ts';
import { isVerdict } from '../verdict.ts';
import type { ReportLang } from './report-labels.ts';
import { reviewProblem, type ReportReview } from './review-section.ts';

/** A layer of the catalog as the report names it. */
export interface ReportLayerInfo {
  id: string;
  nameZh: string;
  nameEn: string;
  illustrative: boolean;
}

/**
 * What a report is made of: the check result as POST /api/check returned it, plus what the check
 * does not know — the project as entered, a name, the township, a map snapshot.
 */
export interface ReportInput {
  result: CheckResult;
  project?: { type: string; widthM?: number } & Record<string, unknown>;
  siteName?: string;
  township?: { zh: string; en: string; illustrative?: boolean } | null;
  /** Layer names and the 示意 flag; the server's catalog overrides these when it has them. */
  layers?: ReportLayerInfo[];
  /** data:image/png or data:image/jpeg, base64. */
  mapImage?: string | null;
  lang?: ReportLang;
  /** When the report was made (ISO 8601); default now. */
  generatedAt?: string;
  /** 审查意见 of a reviewed project (review workflow); absent for a plain site check. */
  review?: ReportReview;
}

/** Largest accepted map snapshot (characters of the data URL). */
const MAX_MAP_IMAGE_CHARS = 8_000_000;
const DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(field: string, zh: string, en: string): never {
  throw badRequest('BAD_REPORT_INPUT', `报告数据无效：${zh}`, `Invalid report data: ${en}`, { field });
}

/** Checks the shape of a report request body (a 400 naming the field otherwise). */
export function parseReportInput(body: unknown): ReportInput {
  if (!isObject(body)) fail('body', '请求体应为 JSON 对象', 'the body must be a JSON object');
  const { result } = body;
  if (!isObject(result)) fail('result', '缺少核查结果 result（POST /api/check 的返回值）', 'result (the response of POST /api/check) is missing');
  if (!isVerdict(result.verdict)) fail('result.verdict', 'verdict 无效', 'verdict is not a verdict');
  if (typeof result.siteAreaM2 !== 'number' || !Number.isFinite(result.siteAreaM2)) fail('result.siteAreaM2', 'siteAreaM2 应为数值', 'siteAreaM2 must be a number');
  if (!Array.isArray(result.results) || !result.results.every(isObject)) fail('result.results', 'results 应为数组', 'results must be an array');
  if (!Array.isArray(result.clearLayers) || !result.clearLayers.every((id) => typeof id === 'string')) fail('result.clearLayers', 'clearLayers 应为字符串数组', 'clearLayers must be an array of strings');
  const centroid = result.centroid;
  if (!Array.isArray(centroid) || centroid.length !== 2 || !centroid.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    fail('result.centroid', 'centroid 应为 [经度, 纬度]', 'centroid must be [lon, lat]');
  }
  for (const r of result.results as Record<string, unknown>[]) {
    if (typeof r.layerId !== 'string' || !isVerdict(r.verdict) || !Array.isArray(r.rules)) {
      fail('result.results[]', '每个图层结果应含 layerId、verdict 和 rules', 'every layer result needs layerId, verdict and rules');
    }
  }
  if (body.mapImage !== undefined && body.mapImage !== null) {
    if (typeof body.mapImage !== 'string' || body.mapImage.length > MAX_MAP_IMAGE_CHARS || !DATA_URL.test(body.mapImage)) {
      fail('mapImage', '地图截图应为 PNG 或 JPEG 的 data URL（不超过 8 MB）', 'mapImage must be a PNG or JPEG data URL of at most 8 MB');
    }
  }
  if (body.lang !== undefined && body.lang !== 'zh' && body.lang !== 'en') fail('lang', 'lang 应为 zh 或 en', 'lang must be zh or en');
  if (body.project !== undefined && (!isObject(body.project) || typeof body.project.type !== 'string')) {
    fail('project', 'project 应为含 type 的对象', 'project must be an object with a type');
  }
  if (body.siteName !== undefined && typeof body.siteName !== 'string') fail('siteName', 'siteName 应为字符串', 'siteName must be a string');
  const township = body.township;
  if (township !== undefined && township !== null && (!isObject(township) || typeof township.zh !== 'string' || typeof township.en !== 'string')) {
    fail('township', 'township 应为 { zh, en }', 'township must be { zh, en }');
  }
  const layers = body.layers;
  if (layers !== undefined && (!Array.isArray(layers) || !layers.every((l) => isObject(l) && typeof l.id === 'string'))) {
    fail('layers', 'layers 应为图层数组', 'layers must be an array of layers');
  }
  if (body.generatedAt !== undefined && (typeof body.generatedAt !== 'string' || Number.isNaN(Date.parse(body.generatedAt)))) {
    fail('generatedAt', 'generatedAt 应为 ISO 时间', 'generatedAt must be an ISO timestamp');
  }
  const review = body.review === undefined || body.review === null ? null : reviewProblem(body.review);
  if (review) fail('review', `审查意见无效（${review}）`, `invalid review (${review})`);
  return body as unknown as ReportInput;
}
