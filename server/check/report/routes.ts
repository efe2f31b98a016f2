import { Router, type Response } from 'express';
import type { Database } from '../../db/database.ts';
import { listLayers } from '../../layers/catalog.ts';
import { reportCsv } from './csv.ts';
import { renderPdf } from './pdf.ts';
import { renderReportDocument } from './report-html.ts';
import { parseReportInput, type ReportInput } from './report-input.ts';
import { buildReportModel } from './report-model.ts';
import { reportXlsx } from './xlsx.ts';

/** "选址核查报告-20260501-1403.pdf", sent in RFC 6266/5987 form so 中文 names survive. */
function attachment(res: Response, stem: string, extension: string, generatedAt: string) {
  const stamp = new Date(generatedAt).toISOString().replace(/[-:]/g, '').slice(0, 13).replace('T', '-');
  const name = `${stem}-${stamp}.${extension}`;
  res.setHeader('Content-Disposition', `attachment; filename="report-${stamp}.${extension}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

/**
 * POST /api/report/pdf | /api/report/csv | /api/report/xlsx, each taking a ReportInput (the
 * CheckResult of POST /api/check plus project, name, township, map snapshot, language).
 * With a database, layer names and the 示意 flag come from the layer catalog, not the request.
 */
export function reportRouter(db?: Database): Router {
  const router = Router();

  async function parse(body: unknown): Promise<ReportInput> {
    const input = parseReportInput(body);
    const generatedAt = input.generatedAt ?? new Date().toISOString();
    if (!db) return { ...input, generatedAt };
    const catalog = await listLayers(db.pool);
    const layers = catalog.map(({ id, nameZh, nameEn, illustrative }) => ({ id, nameZh, nameEn, illustrative }));
    return { ...input, layers, generatedAt };
  }
  const stem = (input: ReportInput) => (input.lang === 'en' ? 'site-check-report' : '选址核查报告');

  router.post('/api/report/pdf', async (req, res) => {
    const input = await parse(req.body);
    const pdf = await renderPdf(renderReportDocument(buildReportModel(input)));
    res.type('application/pdf');
    attachment(res, stem(input), 'pdf', input.generatedAt!);
    res.send(pdf);
  });

  router.post('/api/report/csv', async (req, res) => {
    const input = await parse(req.body);
    res.type('text/csv; charset=utf-8');
    attachment(res, stem(input), 'csv', input.generatedAt!);
    res.send(reportCsv(buildReportModel(input)));
  });

  router.post('/api/report/xlsx', async (req, res) => {
    const input = await parse(req.body);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    attachment(res, stem(input), 'xlsx', input.generatedAt!);
    res.send(await reportXlsx(buildReportModel(input)));
  });

  return router;
}
