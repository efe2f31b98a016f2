import type { ReportInput } from '../../common/report/report-input.ts';

/**
 * The body of a report download (PDF, CSV, XLSX). A stored check run of a project goes by its
 * checkId: the server prints the run's result and its 审查意见 from the register and refuses a
 * review in the body, so the review the page previews is never sent. A site check from the
 * workspace (no review) goes whole.
 */
export function reportRequestBody(input: ReportInput, checkId: number | undefined, generatedAt: string): object {
  const { lang, mapImage, township } = input;
  if (checkId !== undefined) return { checkId, lang, mapImage, township, generatedAt };
  const { review: _review, ...site } = input;
  return { ...site, generatedAt };
}
