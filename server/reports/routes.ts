import { Router, type Request, type Response } from 'express';
import type { Database } from '../db/database.ts';
import { listLayers } from '../layers/catalog.ts';
import { loadStoredCheckReport, unknownCheck } from './stored-check-report.ts';
import { reportCsv } from './csv.ts';
import { renderPdf } from './pdf.ts';
import { renderReportDocument } from '../../common/report/report-html.ts';
import type { ReportInput } from '../../common/report/report-input.ts';
import { parseReportInput } from './report-request.ts';
import { buildReportModel } from '../../common/report/report-model.ts';
import { reportXlsx } from './xlsx.ts';

/** "选址核查报告-20260501-1403.pdf", sent in RFC 6266/5987 form so 中文 names survive. */
function attachment(res: Response, stem: string, extension: string, generatedAt: string) {
  const stamp = new Date(generatedAt).toISOString().replace(/[-:]/g, '').slice(0, 13).replace('T', '-');
  const name = `${stem}-${stamp}.${extension}`;
  res.setHeader('Content-Disposition', `attachment; filename="report-${stamp}.${extension}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

/**
 * POST /api/report/pdf | /api/report/csv | /api/report/xlsx, each taking either a ReportInput (the
 * CheckResult of POST /api/check plus project, name, township, map snapshot, language) or the
 * `checkId` of a project's stored check run plus township, snapshot and language. Only the latter
 * prints a 审查意见, loaded from the register for a caller who may read the project
 * (report-input.ts refuses a review sent in the body). With a database, layer names and the 示意
 * flag come from the layer catalog, not the request.
 */
export function reportRouter(db?: Database): Router {
  const router = Router();

  async function parse(req: Request): Promise<ReportInput> {
    const request = parseReportInput(req.body);
    let input: ReportInput;
    if (request.checkId === null) input = request.input;
    else {
      // Without a database there is no register, so no stored check run to name.
      if (!db) throw unknownCheck(request.checkId);
      const stored = await loadStoredCheckReport(db.pool, req.auth?.user ?? null, request.checkId);
      input = { ...request.extras, result: stored.result, project: stored.project, siteName: stored.siteName, review: stored.review ?? undefined };
    }
    const generatedAt = input.generatedAt ?? new Date().toISOString();
    if (!db) return { ...input, generatedAt };
    const catalog = await listLayers(db.pool);
    const layers = catalog.map(({ id, nameZh, nameEn, illustrative }) => ({ id, nameZh, nameEn, illustrative }));
    return { ...input, layers, generatedAt };
  }
  const stem = (input: ReportInput) => (input.lang === 'en' ? 'site-check-report' : '选址核查报告');

  router.post('/api/report/pdf', async (req, res) => {
    const input = await parse(req);
    const pdf = await renderPdf(renderReportDocument(buildReportModel(input)));
    res.type('application/pdf');
    attachment(res, stem(input), 'pdf', input.generatedAt!);
    res.send(pdf);
  });

  router.post('/api/report/csv', async (req, res) => {
    const input = await parse(req);
    res.type('text/csv; charset=utf-8');
    attachment(res, stem(input), 'csv', input.generatedAt!);
    res.send(reportCsv(buildReportModel(input)));
  });

  router.post('/api/report/xlsx', async (req, res) => {
    const input = await parse(req);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    attachment(res, stem(input), 'xlsx', input.generatedAt!);
    res.send(await reportXlsx(buildReportModel(input)));
  });

  return router;
}
