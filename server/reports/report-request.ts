import { badRequest, unprocessable } from '../http/errors.ts';
import type { CheckResult } from '../../common/api/check-result.ts';
import { isVerdict } from '../../common/domain/verdict.ts';
import type { ReportExtras, ReportInput, ReportRequest } from '../../common/report/report-input.ts';

/** Largest accepted map snapshot (characters of the data URL). */
const MAX_MAP_IMAGE_CHARS = 8_000_000;
const DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(field: string, zh: string, en: string): never {
  throw badRequest('BAD_REPORT_INPUT', `报告数据无效：${zh}`, `Invalid report data: ${en}`, { field });
}

/**
 * A review in the body of a site-check report is refused, not dropped: whoever sends a 审查意见
 * expects to see it printed, and a report silently without it would pass for an unreviewed site.
 * A genuine one is printed by asking for the stored check run (checkId) instead.
 */
export const reviewNotAccepted = () =>
  unprocessable(
    'REVIEW_NOT_ACCEPTED',
    '报告中的审查意见只能取自项目台账中保存的审查决定，不接受请求中提交的审查意见（review）。请从项目页面打开该次核查的报告（提供核查记录编号 checkId）。',
    'A report prints a review decision only from the project register, never one sent in the request (review). Open the report of the check run from the project page (send its checkId).',
    { field: 'review' },
  );

function parseResult(result: unknown): CheckResult {
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
  return result as unknown as CheckResult;
}

function parseExtras(body: Record<string, unknown>): ReportExtras {
  if (body.mapImage !== undefined && body.mapImage !== null) {
    if (typeof body.mapImage !== 'string' || body.mapImage.length > MAX_MAP_IMAGE_CHARS || !DATA_URL.test(body.mapImage)) {
      fail('mapImage', '地图截图应为 PNG 或 JPEG 的 data URL（不超过 8 MB）', 'mapImage must be a PNG or JPEG data URL of at most 8 MB');
    }
  }
  if (body.lang !== undefined && body.lang !== 'zh' && body.lang !== 'en') fail('lang', 'lang 应为 zh 或 en', 'lang must be zh or en');
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
  return {
    township: township as ReportExtras['township'],
    mapImage: body.mapImage as ReportExtras['mapImage'],
    lang: body.lang as ReportExtras['lang'],
    generatedAt: body.generatedAt as ReportExtras['generatedAt'],
    layers: layers as ReportExtras['layers'],
  };
}

/**
 * Checks the shape of a report request body (a 400 naming the field otherwise). With `checkId`
 * the body's result, project, siteName and review are ignored: the register supplies them.
 */
export function parseReportInput(body: unknown): ReportRequest {
  if (!isObject(body)) fail('body', '请求体应为 JSON 对象', 'the body must be a JSON object');
  const extras = parseExtras(body);
  if (body.checkId !== undefined && body.checkId !== null) {
    const checkId = body.checkId;
    if (typeof checkId !== 'number' || !Number.isSafeInteger(checkId) || checkId < 1) fail('checkId', 'checkId（核查记录编号）应为正整数', 'checkId (the check run number) must be a positive integer');
    return { checkId, extras };
  }
  const result = parseResult(body.result);
  if (body.project !== undefined && (!isObject(body.project) || typeof body.project.type !== 'string')) {
    fail('project', 'project 应为含 type 的对象', 'project must be an object with a type');
  }
  if (body.siteName !== undefined && typeof body.siteName !== 'string') fail('siteName', 'siteName 应为字符串', 'siteName must be a string');
  if (body.review !== undefined && body.review !== null) throw reviewNotAccepted();
  return { checkId: null, input: { ...extras, result, project: body.project as ReportInput['project'], siteName: body.siteName as string | undefined } };
}
