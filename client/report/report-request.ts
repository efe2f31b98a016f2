import type { ReportInput } from '../../common/report/report-input.ts';
import type { CheckRequestBody } from '../../common/api/check.ts';
import type { ReportRequestBody } from '../../common/api/reports.ts';

/**
 * The body of a report download (PDF, CSV, XLSX). The server prints only what it computed itself:
 * a stored check run of a project goes by its checkId (the server prints the run's result and its
 * 审查意见 from the register); a site from the workspace goes as the check request behind the
 * shown result (geometry, project, buffer), which the server checks anew. Neither sends the result,
 * the review or a time stamp: the server refuses the first two and dates the report itself.
 */
export function reportRequestBody(input: ReportInput, target: { checkId: number } | { site: CheckRequestBody }): ReportRequestBody {
  const { lang, mapImage, township } = input;
  if ('checkId' in target) return { checkId: target.checkId, lang, mapImage, township };
  const { geometry, project, bufferM, repair } = target.site;
  return { geometry, project, bufferM, ...(repair ? { repair } : {}), siteName: input.siteName, lang, mapImage, township };
}
