import type { ReportReview } from '../../common/report/review-section.ts';
import type { CheckRun, Project } from './types.ts';

/**
 * The decision taken on a check run as its report page shows it (审查意见), or none. The page only:
 * the PDF, CSV and XLSX are asked for by the run's checkId, and the server prints the same decision
 * from the register (server/reports/stored-check-report.ts), so the page and the files agree.
 */
export function reviewOf(project: Pick<Project, 'id' | 'name'>, run: Pick<CheckRun, 'id' | 'decision'>): ReportReview | undefined {
  const d = run.decision;
  return d ? { decision: d.decision, reviewer: d.reviewer, comment: d.comment, at: d.at, projectId: project.id, projectName: project.name, checkId: run.id } : undefined;
}
