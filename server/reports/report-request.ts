import { badRequest, unprocessable } from '../http/errors.ts';
import type { ReportExtras, ReportRequest } from '../../common/report/report-input.ts';

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
const reviewNotAccepted = () =>
  unprocessable(
    'REVIEW_NOT_ACCEPTED',
    '报告中的审查意见只能取自项目台账中保存的审查决定，不接受请求中提交的审查意见（review）。请从项目页面打开该次核查的报告（提供核查记录编号 checkId）。',
    'A report prints a review decision only from the project register, never one sent in the request (review). Open the report of the check run from the project page (send its checkId).',
    { field: 'review' },
  );

/** A client's check result is refused, not ignored: whoever sends one expects to see it printed. */
const resultNotAccepted = () =>
  unprocessable(
    'RESULT_NOT_ACCEPTED',
    '报告不接受请求中提交的核查结果（result）：请提交选址几何 geometry 与项目 project，由服务器重新核查后出具报告。',
    'A report never prints a check result sent in the request (result): send the site geometry and project, and the server checks it anew.',
    { field: 'result' },
  );

function parseExtras(body: Record<string, unknown>): ReportExtras {
  if (body.mapImage !== undefined && body.mapImage !== null) {
    if (typeof body.mapImage !== 'string' || body.mapImage.length > MAX_MAP_IMAGE_CHARS || !DATA_URL.test(body.mapImage)) {
      fail('mapImage', '地图截图应为 PNG 或 JPEG 的 data URL（不超过 8 MB）', 'mapImage must be a PNG or JPEG data URL of at most 8 MB');
    }
  }
  if (body.lang !== undefined && body.lang !== 'zh' && body.lang !== 'en') fail('lang', 'lang 应为 zh 或 en', 'lang must be zh or en');
  const township = body.township;
  if (township !== undefined && township !== null && (!isObject(township) || typeof township.zh !== 'string' || typeof township.en !== 'string' || township.zh.length > 100 || township.en.length > 200)) {
    fail('township', 'township 应为 { zh, en }', 'township must be { zh, en }');
  }
  const layers = body.layers;
  if (layers !== undefined && (!Array.isArray(layers) || layers.length > 500 || !layers.every((l) => isObject(l) && typeof l.id === 'string'))) {
    fail('layers', 'layers 应为图层数组', 'layers must be an array of layers');
  }
  return {
    township: township as ReportExtras['township'],
    mapImage: body.mapImage as ReportExtras['mapImage'],
    lang: body.lang as ReportExtras['lang'],
    layers: layers as ReportExtras['layers'],
  };
}

/**
 * Checks the shape of a report request body (a 400 naming the field otherwise). With `checkId`
 * the body's result, project, siteName and review are ignored: the register supplies them. A time stamp
 * in the body (generatedAt) is ignored: the server dates its reports.
 */
export function parseReportInput(body: unknown): ReportRequest {
  if (!isObject(body)) fail('body', '请求体应为 JSON 对象', 'the body must be a JSON object');
  const extras = parseExtras(body);
  if (body.checkId !== undefined && body.checkId !== null) {
    const checkId = body.checkId;
    if (typeof checkId !== 'number' || !Number.isSafeInteger(checkId) || checkId < 1) fail('checkId', 'checkId（核查记录编号）应为正整数', 'checkId (the check run number) must be a positive integer');
    return { checkId, extras };
  }
  if (body.review !== undefined && body.review !== null) throw reviewNotAccepted();
  if (body.result !== undefined && body.result !== null) throw resultNotAccepted();
  if (body.geometry === undefined || body.geometry === null)
    fail('geometry', '缺少选址几何 geometry（或已保存核查记录的编号 checkId）', 'the site geometry (or the checkId of a stored check run) is missing');
  if (body.siteName !== undefined && (typeof body.siteName !== 'string' || body.siteName.length > 200)) fail('siteName', 'siteName 应为不超过 200 字的字符串', 'siteName must be a string of at most 200 characters');
  const { geometry, project, bufferM, repair } = body;
  return { checkId: null, site: { geometry, project, bufferM, repair }, siteName: body.siteName as string | undefined, extras };
}
