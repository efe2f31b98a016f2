import { Router, type Request, type Response } from 'express';
import type { Database } from '../db/database.ts';
import { setDownload } from '../http/download.ts';
import { apiRoute } from '../http/api-route.ts';
import { serviceUnavailable, unprocessable } from '../http/errors.ts';
import { reportRequestBody } from '../../common/api/reports.ts';
import { LIMITS } from '../limits.ts';
import { runBoundedCheck } from '../check/bounded-check.ts';
import { parseProject } from '../check/development-input.ts';
import { listLayers } from '../layers/catalog.ts';
import { loadStoredCheckReport, unknownCheck } from './stored-check-report.ts';
import { reportCsv } from './csv.ts';
import { renderPdf } from './pdf.ts';
import { renderReportDocument } from '../../common/report/report-html.ts';
import type { ReportInput } from '../../common/report/report-input.ts';
import { parseReportInput } from './report-request.ts';
import { buildReportModel } from '../../common/report/report-model.ts';
import { reportXlsx } from './xlsx.ts';

const reportNeedsDatabase = () =>
  serviceUnavailable('REPORT_UNAVAILABLE', '报告需要数据库核查选址，当前不可用。', 'A report needs the database to check the site; it is not available.', 30);

/** Table rows an A4 page holds, roughly: bounds the pages before Chromium is started. */
const ROWS_PER_PAGE = 30;

function assertPrintable(html: string): void {
  const rows = html.split('<tr').length - 1;
  if (rows > LIMITS.reportMaxPages * ROWS_PER_PAGE)
    throw unprocessable(
      'REPORT_TOO_LARGE',
      `报告过长（约 ${Math.ceil(rows / ROWS_PER_PAGE)} 页，上限 ${LIMITS.reportMaxPages} 页）：请缩小选址或下载 CSV / XLSX。`,
      `The report is too long (about ${Math.ceil(rows / ROWS_PER_PAGE)} pages; limit ${LIMITS.reportMaxPages}): reduce the site or download CSV / XLSX.`,
    );
}

/**
 * "花溪污水处理厂-选址核查报告-20260501-1433.pdf": the project name and the time in Beijing time (the
 * report prints Beijing time too), sent in RFC 6266/5987 form so 中文 names survive.
 */
function attachment(res: Response, stem: string, extension: string, generatedAt: string, siteName?: string) {
  const beijing = new Date(new Date(generatedAt).getTime() + 8 * 3600_000).toISOString();
  const stamp = beijing.replace(/[-:]/g, '').slice(0, 13).replace('T', '-');
  const project = (siteName ?? '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim().slice(0, 60);
  const name = `${project ? `${project}-` : ''}${stem}-${stamp}.${extension}`;
  setDownload(res, undefined, name, `report-${stamp}.${extension}`);
}

/**
 * POST /api/report/pdf | /api/report/csv | /api/report/xlsx, each taking either a site as
 * POST /api/check takes it (geometry, project, bufferM), which the server checks anew, plus name,
 * township, map snapshot and language, or the `checkId` of a project's stored check run plus
 * township, snapshot and language. The time stamp is the server's. Only the latter
 * prints a 审查意见, loaded from the register for a caller who may read the project
 * (report-input.ts refuses a review sent in the body). With a database, layer names and the 示意
 * flag come from the layer catalog, not the request.
 */
export function reportRouter(db?: Database): Router {
  const router = Router();

  async function parse(req: Request): Promise<ReportInput> {
    const request = parseReportInput(req.body);
    // Without a database there is no register and no check: nothing can be printed.
    if (!db) throw request.checkId === null ? reportNeedsDatabase() : unknownCheck(request.checkId);
    let input: ReportInput;
    if (request.checkId === null) {
      // The site is checked anew: a report prints only what the server itself computed.
      const result = await runBoundedCheck(db.pool, request.site);
      const project = { ...parseProject(request.site.project) } as ReportInput['project'];
      input = { ...request.extras, result, project, siteName: request.siteName };
    } else {
      const stored = await loadStoredCheckReport(db.pool, req.auth?.user ?? null, request.checkId);
      input = { ...request.extras, result: stored.result, project: stored.project, siteName: stored.siteName, review: stored.review ?? undefined, checkId: request.checkId };
    }
    const catalog = await listLayers(db.pool);
    const layers = catalog.map(({ id, nameZh, nameEn, illustrative }) => ({ id, nameZh, nameEn, illustrative }));
    return { ...input, layers, generatedAt: new Date().toISOString() };
  }
  const stem = (input: ReportInput) => (input.lang === 'en' ? 'site-check-report' : '选址核查报告');

  apiRoute(router, { method: 'post', path: '/api/report/pdf', tag: 'reports', access: 'public', summary: { zh: '选址核查报告 PDF', en: 'Site check report as PDF' }, body: reportRequestBody, responses: { 200: { mediaType: 'application/pdf' } } }, async (req, res) => {
    const input = await parse(req);
    const model = buildReportModel(input);
    const html = renderReportDocument(model);
    assertPrintable(html);
    const pdf = await renderPdf(html, `${model.lang === 'zh' ? '报告编号' : 'Report'} ${model.reportNumber}`);
    res.type('application/pdf');
    attachment(res, stem(input), 'pdf', input.generatedAt!, input.siteName);
    res.send(pdf);
  });

  apiRoute(router, { method: 'post', path: '/api/report/csv', tag: 'reports', access: 'public', summary: { zh: '选址核查报告 CSV', en: 'Site check report as CSV' }, body: reportRequestBody, responses: { 200: { mediaType: 'text/csv' } } }, async (req, res) => {
    const input = await parse(req);
    res.type('text/csv; charset=utf-8');
    attachment(res, stem(input), 'csv', input.generatedAt!, input.siteName);
    res.send(reportCsv(buildReportModel(input)));
  });

  apiRoute(router, { method: 'post', path: '/api/report/xlsx', tag: 'reports', access: 'public', summary: { zh: '选址核查报告 Excel', en: 'Site check report as Excel' }, body: reportRequestBody, responses: { 200: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } } }, async (req, res) => {
    const input = await parse(req);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    attachment(res, stem(input), 'xlsx', input.generatedAt!, input.siteName);
    res.send(await reportXlsx(buildReportModel(input)));
  });

  return router;
}
